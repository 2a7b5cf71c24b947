// How every state-changing request runs: one transaction for the domain rows and their outbox
// events, the Idempotency-Key honoured (same key and body → the first response again; another body
// → 422), and the outbox relay nudged once the transaction has committed.
import { createHash } from 'node:crypto';
import { jsonb } from '@interline/hub';
import type { Principal, SqlClient, SqlExecutor } from '@interline/hub';
import { json } from '../db/rows';
import { canonicalJson } from './canonical-json';
import { unprocessable } from './problem';
import { header } from './request-context';
import type { PortalReply, PortalRequest } from './request-context';
import { IDEMPOTENCY_HEADER } from './validation-guard';

export interface WriteResult<T = unknown> {
  body: T;
  /** Response headers worth replaying with the body (Location, Interline-Message-Id). */
  headers?: Record<string, string>;
}

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
export const MESSAGE_ID_HEADER = 'interline-message-id';

class KeyTaken extends Error {}

export interface StoredKey {
  request_hash: string;
  response: unknown;
}

/** A request's Idempotency-Key with what it is compared by: the client's scope and the request's hash. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  hash: string;
}

/** Set the headers a write result carries (Location, Interline-Message-Id, Idempotent-Replayed). */
export function applyHeaders(reply: PortalReply, result: WriteResult): void {
  for (const [name, value] of Object.entries(result.headers ?? {})) reply.header(name, value);
}

export class WriteRunner {
  constructor(
    private readonly sql: SqlClient,
    private readonly afterCommit: () => void,
  ) {}

  /** Run `work` in one transaction under the request's Idempotency-Key (if any); set headers on `reply`. */
  async run<T>(request: PortalRequest, reply: PortalReply, principal: Principal, work: (tx: SqlExecutor) => Promise<WriteResult<T>>): Promise<T> {
    const result = await this.execute(claimOf(request, principal), work);
    applyHeaders(reply, result);
    return result.body;
  }

  /** Run `work` in one transaction, under `claim` when the request carried an Idempotency-Key. */
  async execute<T>(claim: IdempotencyClaim | undefined, work: (tx: SqlExecutor) => Promise<WriteResult<T>>): Promise<WriteResult<T>> {
    return claim === undefined ? this.transaction(work) : this.idempotent(claim, work);
  }

  private async transaction<T>(work: (tx: SqlExecutor) => Promise<WriteResult<T>>): Promise<WriteResult<T>> {
    const result = await this.sql.transaction(work);
    this.afterCommit();
    return result;
  }

  private async idempotent<T>(claim: IdempotencyClaim, work: (tx: SqlExecutor) => Promise<WriteResult<T>>): Promise<WriteResult<T> & { replayed?: boolean }> {
    const { scope, key } = claim;
    const stored = await this.lookup(scope, key);
    if (stored) return replayStored<T>(stored, claim);
    try {
      return await this.transaction(async (tx) => {
        // Claimed inside the transaction: a concurrent request with the same key waits on this row
        // (PostgreSQL) and then finds it taken; a failed request leaves no claim behind.
        const claimed = await tx.query(
          `INSERT INTO idempotency_keys (scope, key, request_hash, expires_at) VALUES ($1, $2, $3, now() + $4::integer * interval '1 millisecond')
           ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = NULL, response = NULL,
              created_at = now(), expires_at = EXCLUDED.expires_at
            WHERE idempotency_keys.expires_at < now()
           RETURNING key`,
          [scope, key, claim.hash, IDEMPOTENCY_TTL_MS],
        );
        if (claimed.rows.length === 0) throw new KeyTaken();
        const result = await work(tx);
        await tx.query('UPDATE idempotency_keys SET status = 200, response = $3::jsonb WHERE scope = $1 AND key = $2', [scope, key, storedResponse(result)]);
        return result;
      });
    } catch (error) {
      if (!(error instanceof KeyTaken)) throw error;
      const winner = await this.lookup(scope, key);
      if (!winner) throw error;
      return replayStored<T>(winner, claim);
    }
  }

  async lookup(scope: string, key: string): Promise<StoredKey | undefined> {
    const found = await this.sql.query<StoredKey>('SELECT request_hash, response FROM idempotency_keys WHERE scope = $1 AND key = $2 AND (expires_at IS NULL OR expires_at > now())', [scope, key]);
    return found.rows[0];
  }
}

/** The request's Idempotency-Key claim, or undefined when it sent none. */
export function claimOf(request: PortalRequest, principal: Principal): IdempotencyClaim | undefined {
  const key = header(request, IDEMPOTENCY_HEADER);
  if (key === undefined) return undefined;
  // Keys are per client: two clients may use the same key for unrelated requests.
  const scope = `portal:${principal.tenant}:${principal.subject}`;
  // The query is part of the request (an upload's file name travels there).
  const hash = createHash('sha256').update(`${request.method} ${request.url}\n`).update(canonicalJson(request.body ?? null)).digest('hex');
  return { scope, key, hash };
}

/** What is kept with a claimed key: the response to replay. */
export function storedResponse(result: WriteResult): string | null {
  return jsonb({ body: result.body, headers: result.headers ?? {} });
}

/** The first response again for the same request; 422 for another request under the same key. */
export function replayStored<T>(stored: StoredKey, claim: IdempotencyClaim): WriteResult<T> {
  if (stored.request_hash !== claim.hash) {
    throw unprocessable(`Idempotency-Key '${claim.key}' was already used with a different request (method, path or body); use a new key for a new request`, 'IDEMPOTENCY_KEY_REUSED', {
      errors: [{ in: 'header', path: IDEMPOTENCY_HEADER, message: 'was used before with a different request', rule: 'idempotency' }],
    });
  }
  const response = json<{ body: T; headers: Record<string, string> }>(stored.response);
  return { body: response.body, headers: { ...response.headers, 'idempotent-replayed': 'true' } };
}

/** Delete expired idempotency records of the portal (the sweeper calls this). */
export async function purgeExpiredKeys(sql: SqlExecutor): Promise<number> {
  const result = await sql.query(`DELETE FROM idempotency_keys WHERE scope LIKE 'portal:%' AND expires_at < now()`);
  return result.affectedRows ?? 0;
}
