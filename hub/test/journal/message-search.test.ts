// Finding messages in the journal (interline messages list): type patterns like routes', tenant and
// time filters, delivery status, newest first, and a keyset cursor that pages without gaps or repeats.
import { PgliteClient, listMessages, migrate, typePatternRegex } from '../../src/journal';
import type { SqlClient } from '../../src/journal';

let sql: SqlClient;
const ids: string[] = [];

beforeAll(async () => {
  sql = await PgliteClient.open();
  await migrate(sql);
  const rows: Array<[string, string, string, string]> = [
    ['pnr.created', 'acme', 'interline/connector/gds', 'delivered'],
    ['pnr.changed', 'acme', 'interline/connector/gds', 'retrying'],
    ['booking.capacity-held', 'acme', 'interline/portal-api', 'delivered'],
    ['booking.confirmed', 'globex', 'interline/connector/airline', 'dead'],
    ['shipment.status-changed', 'globex', 'partner', 'delivered'],
  ];
  for (const [i, [type, tenant, source, status]] of rows.entries()) {
    const id = `m${i}`;
    ids.push(id);
    const at = new Date(Date.UTC(2030, 0, 1, 10, i)).toISOString();
    await sql.query('INSERT INTO messages (id, type, source, tenant, envelope, received_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6)', [id, type, source, tenant, JSON.stringify({ id, type }), at]);
    await sql.query("INSERT INTO deliveries (message_id, route_id, status, attempts) VALUES ($1, 'r1', $2, 1)", [id, status]);
  }
});
afterAll(() => sql.close());

const found = async (search: Parameters<typeof listMessages>[1]) => (await listMessages(sql, search)).items.map((m) => m.id);

describe('listMessages', () => {
  it('lists newest first with each delivery', async () => {
    const page = await listMessages(sql, {});
    expect(page.items.map((m) => m.id)).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
    expect(page.items[1]).toMatchObject({ type: 'booking.confirmed', tenant: 'globex', source: 'interline/connector/airline', deliveries: [{ routeId: 'r1', status: 'dead', attempts: 1 }] });
    expect(page.next).toBeUndefined();
  });

  it('matches type patterns as routes do: * one segment, trailing # any', async () => {
    expect(await found({ type: 'pnr.*' })).toEqual(['m1', 'm0']);
    expect(await found({ type: 'booking.#' })).toEqual(['m3', 'm2']);
    expect(await found({ type: 'pnr.created' })).toEqual(['m0']);
    expect(await found({ type: '#' })).toHaveLength(5);
    expect(await found({ type: 'pnr' })).toEqual([]);
    expect(() => typePatternRegex('#.created')).toThrow("'#' may only end a pattern");
  });

  it('filters by tenant, source, delivery status and time', async () => {
    expect(await found({ tenant: 'globex' })).toEqual(['m4', 'm3']);
    expect(await found({ source: 'interline/connector/gds' })).toEqual(['m1', 'm0']);
    expect(await found({ status: 'dead' })).toEqual(['m3']);
    expect(await found({ since: '2030-01-01T10:02:00Z', until: '2030-01-01T10:04:00Z' })).toEqual(['m3', 'm2']);
  });

  it('pages with a cursor: no gaps, no repeats', async () => {
    const first = await listMessages(sql, { limit: 2 });
    expect(first.items.map((m) => m.id)).toEqual(['m4', 'm3']);
    const second = await listMessages(sql, { limit: 2, before: first.next! });
    expect(second.items.map((m) => m.id)).toEqual(['m2', 'm1']);
    const third = await listMessages(sql, { limit: 2, before: second.next! });
    expect(third.items.map((m) => m.id)).toEqual(['m0']);
    expect(third.next).toBeUndefined();
  });
});
