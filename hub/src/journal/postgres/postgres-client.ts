// The production journal database: PostgreSQL through a `pg` connection pool. The driver is loaded
// only when a postgres:// journal is configured, so the embedded runtime never touches it.
import type * as PgModule from 'pg';
import type { Pool, PoolClient } from 'pg';
import { lazyRequire } from '../../lazy-require';
import { ConfigError } from '../../errors';
import type { SqlClient, SqlExecutor, SqlRows } from '../sql-client';

export interface PostgresOptions {
  url: string;
  /** Connections in the pool; group commit keeps the need small. */
  max?: number;
  applicationName?: string;
}

/** The URL without its password, for messages. */
function safe(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

export class PostgresClient implements SqlClient {
  readonly dialect = 'postgres' as const;

  private constructor(private readonly pool: Pool) {}

  static async open(options: PostgresOptions): Promise<PostgresClient> {
    const { Pool: PoolCtor } = lazyRequire<typeof PgModule>('pg', 'the PostgreSQL journal');
    const pool = new PoolCtor({
      connectionString: options.url,
      max: options.max ?? 10,
      application_name: options.applicationName ?? 'interline',
      connectionTimeoutMillis: 5000,
      // A half-open TCP connection (server gone without a FIN) is noticed instead of waited on forever.
      keepAlive: true,
      // No statement of the journal runs this long; one that does is on a dead connection, and
      // failing it frees its group-commit flush and its pool slot.
      query_timeout: 60_000,
    });
    // An idle client that loses its connection (server restart, pg_terminate_backend) is dropped
    // by the pool; without this listener its 'error' would crash the process.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new ConfigError(`cannot reach the PostgreSQL journal at ${safe(options.url)}: ${error instanceof Error ? error.message : String(error)}; check DATABASE_URL and that the server runs`);
    }
    return new PostgresClient(pool);
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<SqlRows<T>> {
    const result = await this.pool.query(sql, params);
    return { rows: result.rows as T[], affectedRows: result.rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client: PoolClient = await this.pool.connect();
    // A checked-out client has no pool listener: if its backend is terminated between two
    // statements, node-postgres emits 'error' on it, and an unheard 'error' kills the process.
    let broken: Error | undefined;
    const onError = (error: Error): void => {
      broken ??= error;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work({
        query: async <R>(sql: string, params: unknown[] = []) => {
          if (broken) throw broken;
          const r = await client.query(sql, params);
          return { rows: r.rows as R[], affectedRows: r.rowCount ?? 0 };
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is dead (terminated backend): drop it from the pool.
      if (!broken) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
      }
      throw error;
    } finally {
      client.removeListener('error', onError);
      // Releasing with an error destroys the client instead of handing it out again.
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
