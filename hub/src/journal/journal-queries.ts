// Reads for support staff: dead letters with filters, one message's whole story, and its lineage.
import type { SqlExecutor } from './sql-client';
import type { DeadLetter, DeadLetterFilter, MessageDetail, MessageRecord } from './records';
import { iso, toAudit, toDelivery, toMessage, toRevision, toTransition } from './row-mapping';
import type { ErrorClass } from '../errors';

/** Builds the WHERE clause for dead-letter filters; every value is a bound parameter. */
function deadLetterWhere(filter: DeadLetterFilter): { where: string; params: unknown[] } {
  const clauses = [`d.status = 'dead'`];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown): void => {
    params.push(value);
    clauses.push(clause.replace('?', `$${params.length}`));
  };
  if (filter.route) add('d.route_id = ?', filter.route);
  if (filter.connector) add('d.connector = ?', filter.connector);
  if (filter.type) add('m.type = ?', filter.type);
  if (filter.errorClass) add('d.last_error_class = ?', filter.errorClass);
  if (filter.tenant) add('m.tenant = ?', filter.tenant);
  if (filter.since) add('d.updated_at >= ?', filter.since);
  if (filter.until) add('d.updated_at < ?', filter.until);
  if (filter.ids && filter.ids.length > 0) add('d.message_id = ANY(?)', filter.ids);
  if (filter.text) {
    params.push(`%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const p = `$${params.length}`;
    clauses.push(`(d.last_error_message ILIKE ${p} OR m.envelope::text ILIKE ${p} OR m.raw ILIKE ${p} OR m.id ILIKE ${p})`);
  }
  return { where: clauses.join(' AND '), params };
}

export async function listDeadLetters(db: SqlExecutor, filter: DeadLetterFilter): Promise<{ items: DeadLetter[]; total: number }> {
  const { where, params } = deadLetterWhere(filter);
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 1000);
  const offset = Math.max(filter.offset ?? 0, 0);
  const [rows, count] = await Promise.all([
    db.query<Record<string, unknown>>(
      `SELECT d.message_id, d.route_id, d.connector, d.attempts, d.last_error_class, d.last_error_message,
              d.last_error_step, d.last_error_connector, d.updated_at, m.type, m.tenant, m.received_at
         FROM deliveries d JOIN messages m ON m.id = d.message_id
        WHERE ${where}
        ORDER BY d.updated_at DESC, d.message_id
        LIMIT ${limit} OFFSET ${offset}`,
      params,
    ),
    db.query<{ n: number | string }>(`SELECT count(*) AS n FROM deliveries d JOIN messages m ON m.id = d.message_id WHERE ${where}`, params),
  ]);
  return {
    total: Number(count.rows[0]?.n ?? 0),
    items: rows.rows.map((row) => ({
      messageId: String(row.message_id),
      routeId: String(row.route_id),
      connector: row.connector === null ? null : String(row.connector),
      type: row.type === null ? null : String(row.type),
      tenant: String(row.tenant),
      attempts: Number(row.attempts),
      error:
        row.last_error_class === null
          ? null
          : {
              errorClass: row.last_error_class as ErrorClass,
              message: String(row.last_error_message ?? ''),
              step: row.last_error_step === null ? undefined : String(row.last_error_step),
              connector: row.last_error_connector === null ? undefined : String(row.last_error_connector),
            },
      receivedAt: iso(row.received_at),
      deadAt: iso(row.updated_at),
    })),
  };
}

export async function deadLetterCount(db: SqlExecutor): Promise<number> {
  const result = await db.query<{ n: number | string }>(`SELECT count(*) AS n FROM deliveries WHERE status = 'dead'`);
  return Number(result.rows[0]?.n ?? 0);
}

export async function loadMessage(db: SqlExecutor, id: string): Promise<MessageRecord | undefined> {
  const result = await db.query<Record<string, unknown>>('SELECT * FROM messages WHERE id = $1', [id]);
  const row = result.rows[0];
  return row ? toMessage(row) : undefined;
}

export async function messageDetail(db: SqlExecutor, id: string): Promise<MessageDetail | undefined> {
  const message = await loadMessage(db, id);
  if (!message) return undefined;
  const [deliveries, transitions, revisions, audit] = await Promise.all([
    db.query<Record<string, unknown>>('SELECT * FROM deliveries WHERE message_id = $1 ORDER BY created_at, route_id', [id]),
    db.query<Record<string, unknown>>('SELECT * FROM transitions WHERE message_id = $1 ORDER BY id', [id]),
    db.query<Record<string, unknown>>('SELECT * FROM message_revisions WHERE message_id = $1 ORDER BY revision', [id]),
    db.query<Record<string, unknown>>('SELECT * FROM audit_log WHERE message_id = $1 ORDER BY id', [id]),
  ]);
  return {
    message,
    deliveries: deliveries.rows.map(toDelivery),
    transitions: transitions.rows.map(toTransition),
    revisions: revisions.rows.map(toRevision),
    audit: audit.rows.map(toAudit),
  };
}

export interface LineageNode {
  id: string;
  type: string | null;
  receivedAt: string;
  causationId: string | null;
  deliveries: Array<{ routeId: string; status: string; attempts: number }>;
  children: LineageNode[];
}

/** Every message sharing the correlation id, as a tree along causation links. */
export async function messageLineage(db: SqlExecutor, id: string): Promise<{ correlationId: string; root: LineageNode[] } | undefined> {
  const message = await loadMessage(db, id);
  if (!message) return undefined;
  const correlationId = message.correlationId ?? message.id;
  const rows = await db.query<Record<string, unknown>>(
    `SELECT m.id, m.type, m.received_at, m.causation_id,
            COALESCE(json_agg(json_build_object('routeId', d.route_id, 'status', d.status, 'attempts', d.attempts)
                     ORDER BY d.route_id) FILTER (WHERE d.route_id IS NOT NULL), '[]') AS deliveries
       FROM messages m LEFT JOIN deliveries d ON d.message_id = m.id
      WHERE m.correlation_id = $1 OR m.id = $1
      GROUP BY m.id ORDER BY m.received_at, m.id`,
    [correlationId],
  );
  const nodes = new Map<string, LineageNode>();
  for (const row of rows.rows) {
    const deliveries = (typeof row.deliveries === 'string' ? JSON.parse(row.deliveries) : row.deliveries) as LineageNode['deliveries'];
    nodes.set(String(row.id), {
      id: String(row.id),
      type: row.type === null ? null : String(row.type),
      receivedAt: iso(row.received_at),
      causationId: row.causation_id === null ? null : String(row.causation_id),
      deliveries,
      children: [],
    });
  }
  const root: LineageNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.causationId ? nodes.get(node.causationId) : undefined;
    if (parent) parent.children.push(node);
    else root.push(node);
  }
  return { correlationId, root };
}
