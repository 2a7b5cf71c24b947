// Applies the SQL migrations in hub/migrations in order, once each, on PGlite or PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root';
import type { SqlClient } from './sql-client';

export function migrationsDir(): string {
  return path.join(packageRoot(), 'migrations');
}

export async function migrate(client: SqlClient): Promise<string[]> {
  await client.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
  const files = readdirSync(migrationsDir())
    .filter((file) => /^\d+_.*\.sql$/.test(file))
    .sort();
  const ran: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = readFileSync(path.join(migrationsDir(), file), 'utf8');
    await client.transaction(async (tx) => {
      // PostgreSQL runs a multi-statement string in one simple query; PGlite's query() does not,
      // so split on statement boundaries (the migrations contain no semicolons inside literals).
      for (const statement of sql.split(/;\s*(?:\r?\n|$)/)) {
        if (statement.replace(/--.*$/gm, '').trim()) await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
    });
    ran.push(file);
  }
  return ran;
}
