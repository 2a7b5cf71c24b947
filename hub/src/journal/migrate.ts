// Applies the SQL migrations in hub/migrations in order, once each, on PGlite or PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root';
import type { SqlClient } from './sql-client';

export function migrationsDir(): string {
  return path.join(packageRoot(), 'migrations');
}

export interface MigrateOptions {
  /** Folder of NNN_name.sql files; the hub's own by default. Other packages (portal-api) pass theirs. */
  dir?: string;
  /** Table recording what ran; one per migration folder so their numbering never collides. */
  table?: string;
}

export async function migrate(client: SqlClient, options: MigrateOptions = {}): Promise<string[]> {
  const dir = options.dir ?? migrationsDir();
  const table = options.table ?? 'schema_migrations';
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`migration table name '${table}' must be a plain SQL identifier`);
  await client.exec(`CREATE TABLE IF NOT EXISTS ${table} (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = new Set((await client.query<{ name: string }>(`SELECT name FROM ${table}`)).rows.map((r) => r.name));
  const files = readdirSync(dir)
    .filter((file) => /^\d+_.*\.sql$/.test(file))
    .sort();
  const ran: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = readFileSync(path.join(dir, file), 'utf8');
    await client.transaction(async (tx) => {
      // PostgreSQL runs a multi-statement string in one simple query; PGlite's query() does not,
      // so split on statement boundaries (the migrations contain no semicolons inside literals).
      for (const statement of sql.split(/;\s*(?:\r?\n|$)/)) {
        if (statement.replace(/--.*$/gm, '').trim()) await tx.query(statement);
      }
      await tx.query(`INSERT INTO ${table} (name) VALUES ($1)`, [file]);
    });
    ran.push(file);
  }
  return ran;
}
