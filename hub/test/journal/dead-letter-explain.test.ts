// The dead-letter list must stay an index lookup as the journal grows: on a PostgreSQL database with a
// realistic volume (most deliveries delivered, a few percent dead), EXPLAIN the exact SQL that
// listDeadLetters sends for every filter `interline dlq list` offers, and assert that no plan reads
// deliveries or messages with a sequential scan.
import { PostgresClient, listDeadLetters, migrate } from '../../src';
import type { DeadLetterFilter, SqlExecutor } from '../../src';
import { createTestDatabase } from '../support/test-database';
import type { TestDatabase } from '../support/test-database';

const MESSAGES = 40_000;
const ROUTES = ['orders-to-erp', 'orders-to-wms', 'bookings-to-gds', 'awb-to-customs', 'status-to-portal', 'invoices-to-ledger', 'rates-to-tms', 'manifest-to-edi'];
const CONNECTORS = ['erp', 'wms', 'gds', 'customs-edi', 'portal', 'payments'];
const TYPES = ['order.created', 'order.updated', 'booking.confirmed', 'awb.issued', 'shipment.status', 'invoice.issued', 'rate.quoted', 'manifest.closed'];
const CLASSES = ['transient', 'permanent', 'timeout', 'validation', 'mapping', 'auth'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** Captures the statements listDeadLetters sends, so the test explains exactly those. */
function recorder(): { db: SqlExecutor; statements: Array<{ sql: string; params: unknown[] }> } {
  const statements: Array<{ sql: string; params: unknown[] }> = [];
  return {
    statements,
    db: {
      query: async <T>(sql: string, params: unknown[] = []) => {
        statements.push({ sql, params });
        return { rows: [{ n: 0 }] as T[], affectedRows: 0 };
      },
    },
  };
}

let database: TestDatabase;
let sql: PostgresClient;

beforeAll(async () => {
  database = await createTestDatabase('interline_dlq_explain');
  sql = await PostgresClient.open({ url: database.url, max: 2 });
  await migrate(sql);
  const list = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;
  // Set-based inserts: 40k messages over 30 days, each routed to one or two routes (~53k deliveries).
  await sql.query(
    `INSERT INTO messages (id, type, source, tenant, partition_key, envelope, received_at, updated_at)
     SELECT 'msg-' || lpad(g::text, 7, '0'),
            (${list(TYPES)})[1 + g % ${TYPES.length}],
            'interline/test',
            CASE WHEN g % 10 = 0 THEN 'acme' ELSE 'default' END,
            'AWB-' || (g % 5000),
            jsonb_build_object('id', 'msg-' || g, 'type', 'x', 'data', jsonb_build_object('awb', '020-' || lpad((g * 7)::text, 8, '0'), 'weightKg', g % 900)),
            now() - make_interval(secs => (${MESSAGES} - g) * 86.4),
            now() - make_interval(secs => (${MESSAGES} - g) * 86.4)
       FROM generate_series(1, ${MESSAGES}) g`,
  );
  await sql.query(
    `INSERT INTO deliveries (message_id, route_id, connector, status, attempts, last_error_class, last_error_message, last_error_step, last_error_connector, created_at, updated_at)
     SELECT m.id, r.route, r.connector,
            CASE WHEN x.dead THEN 'dead' WHEN m.n % 97 = 0 THEN 'retrying' WHEN m.n % 13 = 0 THEN 'filtered' ELSE 'delivered' END,
            CASE WHEN x.dead THEN 5 ELSE 1 END,
            CASE WHEN x.dead THEN (${list(CLASSES)})[1 + (m.n / 3) % ${CLASSES.length}] END,
            CASE WHEN x.dead THEN 'partner answered 4' || (m.n % 100) || ' for AWB-' || (m.n % 5000) END,
            CASE WHEN x.dead THEN 'to' END,
            CASE WHEN x.dead THEN r.connector END,
            m.received_at, m.received_at + interval '3 seconds'
       FROM (SELECT id, received_at, substr(id, 5)::int AS n FROM messages) m
       CROSS JOIN LATERAL (
         SELECT (${list(ROUTES)})[1 + (m.n + i) % ${ROUTES.length}] AS route,
                -- A route delivers to one connector, as in real route files.
                (${list(CONNECTORS)})[1 + ((m.n + i) % ${ROUTES.length}) % ${CONNECTORS.length}] AS connector
           FROM generate_series(0, CASE WHEN m.n % 3 = 0 THEN 1 ELSE 0 END) i
       ) r
       -- A healthy journal: about 0.3 % of deliveries dead, spread over routes, connectors and time.
       CROSS JOIN LATERAL (SELECT abs(hashtext(m.id || r.route)) % 300 = 0 AS dead) x`,
  );
  await sql.query('ANALYZE messages');
  await sql.query('ANALYZE deliveries');
}, 60_000);

afterAll(async () => {
  await sql?.close();
  await database?.drop();
});

const now = Date.now();
const day = 86_400_000;
/** [name, filter, narrows on an indexed column (not only "is dead")]. */
const cases: Array<[string, DeadLetterFilter, boolean]> = [
  ['no filter (newest first)', {}, false],
  ['route', { route: 'awb-to-customs' }, true],
  ['connector', { connector: 'customs-edi' }, true],
  ['type', { type: 'awb.issued' }, true],
  ['error class', { errorClass: 'timeout' }, true],
  ['since', { since: new Date(now - 2 * day).toISOString() }, true],
  ['since and until', { since: new Date(now - 10 * day).toISOString(), until: new Date(now - 9 * day).toISOString() }, true],
  ['text', { text: 'AWB-4242' }, false],
  ['tenant', { tenant: 'acme' }, false],
  ['route, error class and since', { route: 'orders-to-erp', errorClass: 'permanent', since: new Date(now - 7 * day).toISOString() }, true],
  ['second page', { route: 'bookings-to-gds', offset: 50, limit: 50 }, true],
];

interface Explained {
  statement: string;
  nodes: PlanNode[];
  seqScans: string[];
  indexes: string[];
}

/** EXPLAIN both statements (page and total) that listDeadLetters sends for this filter. */
async function explain(filter: DeadLetterFilter, name: string): Promise<Explained[]> {
  const { db, statements } = recorder();
  await listDeadLetters(db, filter);
  expect(statements).toHaveLength(2);
  const result: Explained[] = [];
  for (const statement of statements) {
    const explained = await sql.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.params);
    const all = nodes(explained.rows[0]?.['QUERY PLAN'][0]?.Plan as PlanNode);
    if (process.env.SHOW_PLANS) {
      const text = await sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.sql}`, statement.params);
      console.log(`${name}:\n${text.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
    result.push({
      statement: statement.sql.trim().split(/\s+/).slice(0, 3).join(' '),
      nodes: all,
      seqScans: all.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'] ?? '?'),
      indexes: all.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : [])),
    });
  }
  return result;
}

it('has the volume the plans are meant for', async () => {
  const counts = await sql.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM deliveries GROUP BY status ORDER BY status`);
  const byStatus = Object.fromEntries(counts.rows.map((r) => [r.status, Number(r.n)]));
  expect(byStatus.delivered).toBeGreaterThan(45_000);
  expect(byStatus.dead).toBeGreaterThan(100);
  expect((await listDeadLetters(sql, { route: 'awb-to-customs' })).total).toBeGreaterThan(0);
});

describe.each(cases)('dead-letter list filtered by %s', (name, filter) => {
  it('reads deliveries and messages through indexes only', async () => {
    for (const plan of await explain(filter, name)) {
      expect({ statement: plan.statement, seqScans: plan.seqScans }).toEqual({ statement: plan.statement, seqScans: [] });
      expect(plan.indexes.some((index) => index.startsWith('deliveries_dead'))).toBe(true);
    }
  });
});

describe('after an outage dead-lettered one route in bulk', () => {
  beforeAll(async () => {
    // 4,000 deliveries of one route die within the last hour: dead letters are now ~8 % of deliveries.
    await sql.query(
      `UPDATE deliveries SET status = 'dead', attempts = 5, last_error_class = 'transient', last_error_connector = connector,
              last_error_message = 'connect ECONNREFUSED 10.0.0.7:443', updated_at = now() - interval '30 minutes'
        WHERE (message_id, route_id) IN (SELECT message_id, route_id FROM deliveries WHERE route_id = 'orders-to-wms' AND status = 'delivered' ORDER BY created_at DESC LIMIT 4000)`,
    );
    await sql.query('ANALYZE deliveries');
  });

  it.each(cases)('still reads deliveries through the dead-status index (%s)', async (name, filter, narrows) => {
    for (const plan of await explain(filter, `outage ${name}`)) {
      expect({ statement: plan.statement, deliveriesSeqScan: plan.seqScans.includes('deliveries') }).toEqual({ statement: plan.statement, deliveriesSeqScan: false });
      expect(plan.indexes.some((index) => index.startsWith('deliveries_dead'))).toBe(true);
      // Joining thousands of dead rows, the planner may hash all of messages instead of probing its
      // key that often (cheaper at this size); a filter that narrows the dead rows keeps probing.
      if (narrows && filter.since === undefined) expect(plan.seqScans).toEqual([]);
    }
  });
});
