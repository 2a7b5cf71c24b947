// The group-committed writer sends a whole batch as ONE statement (no BEGIN/COMMIT): a mixed batch
// lands completely, and a batch with one bad intent lands not at all — on PGlite and PostgreSQL.
import { Journal, PgliteClient, PostgresClient, createEnvelope, migrate } from '../../src';
import type { SqlClient, WriteIntent } from '../../src';
import { createTestDatabase } from '../support/test-database';
import type { TestDatabase } from '../support/test-database';

describe.each(['pglite', 'postgres'] as const)('the journal writer on %s', (dialect) => {
  let sql: SqlClient;
  let database: TestDatabase | undefined;
  let journal: Journal;

  // One database for the file (PGlite takes seconds to open); every test works on its own ids.
  beforeAll(async () => {
    database = dialect === 'postgres' ? await createTestDatabase() : undefined;
    sql = database ? await PostgresClient.open({ url: database.url, max: 2 }) : await PgliteClient.open();
    await migrate(sql);
    journal = new Journal(sql);
  });

  afterAll(async () => {
    await sql.close();
    await database?.drop();
  });

  const accept = (envelope = createEnvelope({ type: 'test.ping', source: 'test', data: {} })): WriteIntent => ({
    kind: 'accept',
    accept: { envelope, routes: [{ routeId: 'r', connector: 'sink' }] },
  });

  it('writes accepts, step results, emitted events and a finish of one batch together', async () => {
    const first = accept();
    await journal.writer.write(sql, [first]);
    const firstId = first.kind === 'accept' ? first.accept.envelope.id : '';
    const emitted = createEnvelope({ type: 'test.pong', source: 'test', data: {} });
    const second = createEnvelope({ type: 'test.ping', source: 'test', data: {} });
    const results = await journal.writer.write(sql, [
      accept(second),
      { kind: 'finish', messageId: firstId, routeId: 'r', status: 'delivered', attempt: 1, steps: [{ messageId: firstId, routeId: 'r', stepKey: '2', result: { id: 7 } }], emitted: [{ envelope: emitted, routes: [{ routeId: 'r2', connector: null }] }] },
    ]);

    expect(results).toEqual([{ inserted: true }, { emittedInserted: [emitted.id] }]);
    const deliveries = await sql.query<{ message_id: string; route_id: string; status: string; attempts: number }>('SELECT message_id, route_id, status, attempts FROM deliveries WHERE message_id IN ($1, $2, $3)', [firstId, emitted.id, second.id]);
    expect(deliveries.rows.find((d) => d.message_id === firstId)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(deliveries.rows.find((d) => d.message_id === emitted.id)).toMatchObject({ route_id: 'r2', status: 'pending' });
    expect(deliveries.rows.find((d) => d.message_id === second.id)).toMatchObject({ route_id: 'r', status: 'pending' });
    const steps = await sql.query<{ result: unknown }>('SELECT result FROM step_results WHERE message_id = $1', [firstId]);
    expect(steps.rows.map((r) => (typeof r.result === 'string' ? JSON.parse(r.result) : r.result))).toEqual([{ id: 7 }]);
    const states = await sql.query<{ state: string }>('SELECT state FROM transitions WHERE message_id = $1 ORDER BY id', [firstId]);
    expect(states.rows.map((r) => r.state)).toEqual(['received', 'routed', 'delivered']);
  });

  it('writes nothing of a batch when one of its intents is refused', async () => {
    const first = accept();
    await journal.writer.write(sql, [first]);
    const firstId = first.kind === 'accept' ? first.accept.envelope.id : '';
    const innocent = accept();
    // A status outside the deliveries CHECK constraint fails the whole statement.
    const refused = { kind: 'finish', messageId: firstId, routeId: 'r', status: 'lost', attempt: 1, steps: [{ messageId: firstId, routeId: 'r', stepKey: '2', result: null }], emitted: [] } as unknown as WriteIntent;

    await expect(journal.writer.write(sql, [innocent, refused])).rejects.toThrow(/check constraint/i);
    const innocentId = innocent.kind === 'accept' ? innocent.accept.envelope.id : '';
    expect((await sql.query('SELECT 1 FROM messages WHERE id = $1', [innocentId])).rows).toHaveLength(0);
    expect((await sql.query('SELECT 1 FROM step_results WHERE message_id = $1', [firstId])).rows).toHaveLength(0);
    expect((await sql.query<{ status: string }>('SELECT status FROM deliveries WHERE message_id = $1', [firstId])).rows).toEqual([{ status: 'pending' }]);
  });

  it('records a failed attempt in one statement: a retrying delivery keeps its claim, a dead one is released', async () => {
    const first = accept();
    await journal.writer.write(sql, [first]);
    const id = first.kind === 'accept' ? first.accept.envelope.id : '';
    expect((await journal.loadDeliveryContext(id, 'r'))?.claimed).toBe(true);
    await journal.recordFailure(id, 'r', 'retrying', 1, { errorClass: 'transient', message: 'sink answered 503', step: 'bench:to:sink.deliver', connector: 'sink' }, new Date(Date.now() + 1000));
    const retrying = await sql.query<{ status: string; claimed_by: string | null }>('SELECT status, claimed_by FROM deliveries WHERE message_id = $1', [id]);
    expect(retrying.rows).toEqual([{ status: 'retrying', claimed_by: journal.workerId }]);
    await journal.recordFailure(id, 'r', 'dead', 2, { errorClass: 'permanent', message: 'sink answered 400', connector: 'sink' });
    const dead = await sql.query<{ status: string; claimed_by: string | null; attempts: number }>('SELECT status, claimed_by, attempts FROM deliveries WHERE message_id = $1', [id]);
    expect(dead.rows).toEqual([{ status: 'dead', claimed_by: null, attempts: 2 }]);
    const transitions = await sql.query<{ state: string; connector: string | null; step: string | null }>('SELECT state, connector, step FROM transitions WHERE message_id = $1 AND route_id IS NOT NULL ORDER BY id', [id]);
    expect(transitions.rows).toEqual([
      { state: 'retrying', connector: 'sink', step: 'bench:to:sink.deliver' },
      { state: 'dead', connector: 'sink', step: null },
    ]);
  });
});
