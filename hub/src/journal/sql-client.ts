// The few things the journal needs from a SQL database, so PGlite and PostgreSQL share every query.

export interface SqlRows<T> {
  rows: T[];
  affectedRows?: number;
}

export interface SqlExecutor {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<SqlRows<T>>;
}

export interface SqlClient extends SqlExecutor {
  /** Run several statements separated by semicolons (migrations). */
  exec(sql: string): Promise<void>;
  /** Run `work` in one transaction; it commits when `work` resolves and rolls back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly dialect: 'pglite' | 'postgres';
}

/**
 * jsonb parameters are sent as JSON text: node-postgres would turn a JS array into a PostgreSQL
 * array, PGlite passes strings through; text works the same on both.
 */
export function jsonb(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
