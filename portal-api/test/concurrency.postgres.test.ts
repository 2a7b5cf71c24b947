// Slices 2 and 3 under concurrency on PostgreSQL: real concurrent transactions on a pool, a database of this file's own.
import { describeConcurrencySuite } from './support/concurrency-suite';
import { createTestDatabase } from './support/test-database';
import type { TestDatabase } from './support/test-database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
}, 30_000);
afterAll(async () => {
  await database?.drop();
});

describeConcurrencySuite('postgres', () => database.url);
