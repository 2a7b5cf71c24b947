// Applies portal-api/migrations/*.sql once each, recorded in its own table beside the hub's.
import path from 'node:path';
import { migrate } from '@interline/hub';
import type { SqlClient } from '@interline/hub';

/** The folder of the portal's SQL migrations, from src/db or dist/db alike. */
export const PORTAL_MIGRATIONS_DIR = path.resolve(__dirname, '..', '..', 'migrations');
export const PORTAL_MIGRATIONS_TABLE = 'portal_schema_migrations';

export function migratePortal(sql: SqlClient): Promise<string[]> {
  return migrate(sql, { dir: PORTAL_MIGRATIONS_DIR, table: PORTAL_MIGRATIONS_TABLE });
}
