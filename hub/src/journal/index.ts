// The journal: messages, deliveries, transitions, dead letters, bindings — on PGlite or PostgreSQL.
export * from './sql-client';
export * from './records';
export * from './journal';
export * from './journal-queries';
export * from './bindings';
export * from './migrate';
export { PgliteClient } from './pglite/pglite-client';
export { PostgresClient } from './postgres/postgres-client';
export type { PostgresOptions } from './postgres/postgres-client';
export * from './journal-writer';
export * from './batcher';
export * from './message-search';
