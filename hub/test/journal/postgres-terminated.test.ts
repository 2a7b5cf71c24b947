// The PostgreSQL journal when the server kills its connections (pg_terminate_backend, a failover):
// the statements under way fail, nothing crashes the process, dead clients leave the pool, and the
// next writes go through on fresh connections.
import { Client } from 'pg';
import { Journal, PostgresClient, createEnvelope, migrate } from '../../src';
import { createTestDatabase } from '../support/test-database';
import type { TestDatabase } from '../support/test-database';

let database: TestDatabase;
let sql: PostgresClient;

beforeAll(async () => {
  database = await createTestDatabase('interline_pgterm');
  sql = await PostgresClient.open({ url: database.url, max: 4, applicationName: 'interline-pgterm' });
  await migrate(sql);
});

afterAll(async () => {
  await sql?.close();
  await database?.drop();
});

async function terminateAll(): Promise<number> {
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  try {
    const result = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'interline-pgterm'`, [database.name]);
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

it('fails a transaction whose connection is terminated between statements, and recovers at once', async () => {
  let resume!: () => void;
  const paused = new Promise<void>((resolve) => (resume = resolve));
  let started!: () => void;
  const inside = new Promise<void>((resolve) => (started = resolve));
  const tx = sql.transaction(async (t) => {
    await t.query('SELECT 1');
    started();
    await paused;
    await t.query('SELECT 2');
  });
  await inside;
  expect(await terminateAll()).toBeGreaterThan(0);
  // Give the client the server's goodbye before the next statement (it arrives on the socket).
  await new Promise((resolve) => setTimeout(resolve, 200));
  resume();
  await expect(tx).rejects.toThrow();
  await expect(sql.transaction((t) => t.query<{ n: number }>('SELECT 1 AS n'))).resolves.toMatchObject({ rows: [{ n: 1 }] });
});

it('lets the group-committed writer go on after a flush failed on a terminated connection', async () => {
  const journal = new Journal(sql);
  const accept = () => journal.writer.submit({ kind: 'accept', accept: { envelope: createEnvelope({ type: 'test.ping', source: 'test', data: {} }), routes: [{ routeId: 'r', connector: null }] } });
  await Promise.all(Array.from({ length: 20 }, accept));
  await terminateAll();
  // Some of these may land on a dying connection and fail; the ones after must all succeed.
  await Promise.allSettled(Array.from({ length: 20 }, accept));
  const after = await Promise.all(Array.from({ length: 20 }, accept));
  expect(after.every((r) => 'inserted' in r && r.inserted)).toBe(true);
  const loaded = await sql.query<{ n: string }>('SELECT count(*) AS n FROM deliveries');
  expect(Number(loaded.rows[0]?.n)).toBeGreaterThanOrEqual(40);
});
