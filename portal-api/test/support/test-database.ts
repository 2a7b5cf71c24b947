// A PostgreSQL database of its own for one test file, created on the local server and dropped
// after. PGHOST/PGPORT/PGUSER override the local defaults (CI starts the server in .ci/run).
import { randomBytes } from 'node:crypto';
import { PostgresClient } from '@interline/hub';

const host = process.env.PGHOST ?? '127.0.0.1';
const port = process.env.PGPORT ?? '5432';
const user = process.env.PGUSER ?? 'postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: PostgresClient) => Promise<T>): Promise<T> {
  const client = await PostgresClient.open({ url: `postgres://${user}@${host}:${port}/postgres`, max: 1 });
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

export async function createTestDatabase(prefix = 'portal_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await admin((client) => client.exec(`CREATE DATABASE ${name}`));
  return {
    url: `postgres://${user}@${host}:${port}/${name}`,
    drop: () => admin((client) => client.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}
