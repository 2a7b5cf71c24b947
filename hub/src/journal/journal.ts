// The message journal: writes every message, delivery and transition, so nothing is lost and any
// failure can be inspected and replayed. Reads for support staff live in journal-queries.ts.
import type { Envelope } from '../envelope';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { jsonb } from './sql-client';
import { Batcher } from './batcher';
import { JournalWriter } from './journal-writer';
import type { SqlClient, SqlExecutor } from './sql-client';
import { INGRESS_ROUTE } from './records';
import type { AttemptError, DeliveryRecord, DeliveryStatus, MessageRecord } from './records';
import { toDelivery, toMessage } from './row-mapping';

export interface RoutedDelivery {
  routeId: string;
  connector: string | null;
}

export interface RejectedInput {
  id: string;
  envelope: Envelope | null;
  raw: string | null;
  error: AttemptError;
}

export interface DeliveryContext {
  message: MessageRecord;
  delivery: DeliveryRecord;
  /** Results of side-effecting steps already done, by step key. */
  doneSteps: Map<string, unknown>;
  /** Whether this worker now holds the delivery; false when another worker's lease is live. */
  claimed: boolean;
  claimRemainingMs: number;
}

/** Replaces secret values (connector passwords, tokens) wherever text reaches the journal. */
export type Redactor = (text: string) => string;

/** Claim the deliveries this worker is about to run (a lease), and load what running them needs. */
const CLAIM_AND_LOAD_SQL = `
WITH keys AS (
  SELECT * FROM unnest($1::text[], $2::text[]) AS k(message_id, route_id)
), claimed AS (
  UPDATE deliveries d SET claimed_by = $3, claimed_until = now() + make_interval(secs => $4::double precision)
    FROM keys k
   WHERE d.message_id = k.message_id AND d.route_id = k.route_id
     AND d.status IN ('pending', 'retrying')
     AND (d.claimed_until IS NULL OR d.claimed_until < now() OR d.claimed_by = $3)
  RETURNING d.message_id, d.route_id
)
SELECT m.id, m.type, m.source, m.subject, m.tenant, m.correlation_id, m.causation_id, m.partition_key, m.envelope, m.raw,
       m.received_at, m.updated_at, d.message_id, d.route_id, d.connector, d.status, d.attempts, d.next_attempt_at,
       d.last_error_class, d.last_error_message, d.last_error_step, d.last_error_connector,
       d.created_at AS d_created_at, d.updated_at AS d_updated_at,
       (c.message_id IS NOT NULL) AS claimed,
       GREATEST(0, EXTRACT(EPOCH FROM (d.claimed_until - now())) * 1000)::int AS claim_remaining_ms,
       (SELECT COALESCE(jsonb_object_agg(s.step_key, s.result), '{}'::jsonb) FROM step_results s
         WHERE s.message_id = d.message_id AND s.route_id = d.route_id) AS done_steps
  FROM keys k
  JOIN deliveries d ON d.message_id = k.message_id AND d.route_id = k.route_id
  JOIN messages m ON m.id = d.message_id
  LEFT JOIN claimed c ON c.message_id = k.message_id AND c.route_id = k.route_id`;

/** How long a claim holds without renewal; a crashed worker's deliveries are free again after it. */
export const CLAIM_LEASE_MS = 30_000;
const CLAIM_LEASE_SECONDS = CLAIM_LEASE_MS / 1000;

/**
 * A failed attempt: the delivery's new status and last error, and its transition. A retrying
 * delivery stays claimed through its back-off; a dead one is released.
 */
const RECORD_FAILURE_SQL = `
WITH updated AS (
  UPDATE deliveries SET status = $3::text, attempts = $4::int, next_attempt_at = $5::timestamptz, last_error_class = $6::text,
         last_error_message = $7::text, last_error_step = $8::text, last_error_connector = $9::text, updated_at = now(),
         claimed_until = CASE WHEN $3::text = 'retrying' THEN COALESCE($5::timestamptz, now()) + make_interval(secs => ${CLAIM_LEASE_SECONDS}) END,
         claimed_by = CASE WHEN $3::text = 'retrying' THEN claimed_by END
   WHERE message_id = $1::text AND route_id = $2::text
)
INSERT INTO transitions (message_id, route_id, state, attempt, error_class, error_message, connector, step, detail)
VALUES ($1::text, $2::text, $3::text, $4::int, $6::text, $7::text, $9::text, $8::text, $10::jsonb)`;

export class Journal {
  private redact: Redactor = (text) => text;
  /** Group-committed writes of the hot path (accept, steps done, finish). */
  readonly writer: JournalWriter;
  private readonly loader: Batcher<{ messageId: string; routeId: string }, DeliveryContext | undefined>;

  constructor(readonly sql: SqlClient) {
    this.writer = new JournalWriter(sql);
    this.loader = new Batcher((keys) => this.loadMany(keys), 256, sql.dialect === 'postgres' ? 4 : 1);
  }

  setRedactor(redactor: Redactor): void {
    this.redact = redactor;
  }

  redactError(error: AttemptError): AttemptError {
    return { ...error, message: this.redact(error.message) };
  }

  async insertDeliveries(tx: SqlExecutor, messageId: string, routes: RoutedDelivery[]): Promise<void> {
    if (routes.length === 0) return;
    const values: string[] = [];
    const params: unknown[] = [messageId];
    routes.forEach((route, i) => {
      values.push(`($1, $${i * 2 + 2}, $${i * 2 + 3}, 'pending')`);
      params.push(route.routeId, route.connector);
    });
    await tx.query(
      `INSERT INTO deliveries (message_id, route_id, connector, status) VALUES ${values.join(', ')}
       ON CONFLICT (message_id, route_id) DO NOTHING`,
      params,
    );
  }

  /** Input that could not be routed is journaled as a dead letter of the '$ingress' pseudo-route. */
  async insertRejected(tx: SqlExecutor, input: RejectedInput): Promise<void> {
    const env = input.envelope;
    const error = this.redactError(input.error);
    await tx.query(
      `INSERT INTO messages (id, type, source, subject, tenant, correlation_id, causation_id, partition_key, envelope, raw)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        input.id,
        env?.type ?? null,
        env?.source ?? null,
        env?.subject ?? null,
        env?.tenant ?? 'default',
        env?.correlationid ?? input.id,
        env?.causationid ?? null,
        env?.partitionkey ?? null,
        jsonb(env),
        input.raw,
      ],
    );
    await tx.query(
      `INSERT INTO deliveries (message_id, route_id, status, attempts, last_error_class, last_error_message, last_error_step)
       VALUES ($1, $2, 'dead', 1, $3, $4, 'ingress')`,
      [input.id, INGRESS_ROUTE, error.errorClass, error.message],
    );
    await tx.query(
      `INSERT INTO transitions (message_id, route_id, state, attempt, error_class, error_message, step)
       VALUES ($1, NULL, 'received', NULL, NULL, NULL, NULL), ($1, $2, 'dead', 1, $3, $4, 'ingress')`,
      [input.id, INGRESS_ROUTE, error.errorClass, error.message],
    );
  }

  /** This process's name on its claims. */
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  /**
   * Claim a delivery for this worker and load it (batched with concurrent callers). `claimed` is
   * false when the delivery is finished or another live worker holds it.
   */
  loadDeliveryContext(messageId: string, routeId: string): Promise<DeliveryContext | undefined> {
    return this.loader.submit({ messageId, routeId });
  }

  private async loadMany(keys: Array<{ messageId: string; routeId: string }>): Promise<Array<DeliveryContext | undefined>> {
    const result = await this.sql.query<Record<string, unknown>>(CLAIM_AND_LOAD_SQL, [keys.map((k) => k.messageId), keys.map((k) => k.routeId), this.workerId, CLAIM_LEASE_MS / 1000]);
    const byKey = new Map<string, DeliveryContext>();
    for (const row of result.rows) {
      const message = toMessage(row);
      const delivery = toDelivery({ ...row, created_at: row.d_created_at, updated_at: row.d_updated_at });
      const steps = (typeof row.done_steps === 'string' ? JSON.parse(row.done_steps) : (row.done_steps ?? {})) as Record<string, unknown>;
      byKey.set(`${delivery.messageId}\u0000${delivery.routeId}`, {
        message,
        delivery,
        doneSteps: new Map(Object.entries(steps)),
        claimed: row.claimed === true,
        claimRemainingMs: Number(row.claim_remaining_ms ?? 0),
      });
    }
    return keys.map((k) => byKey.get(`${k.messageId}\u0000${k.routeId}`));
  }

  /** One statement (atomic on its own): no transaction block, one round trip. */
  async recordFailure(
    messageId: string,
    routeId: string,
    status: 'retrying' | 'dead',
    attempt: number,
    error: AttemptError,
    nextAttemptAt?: Date,
  ): Promise<void> {
    await this.recordFailureWithin(this.sql, messageId, routeId, status, attempt, error, nextAttemptAt);
  }

  async recordFailureWithin(
    tx: SqlExecutor,
    messageId: string,
    routeId: string,
    status: 'retrying' | 'dead',
    attempt: number,
    rawError: AttemptError,
    nextAttemptAt?: Date,
  ): Promise<void> {
    const error = this.redactError(rawError);
    await tx.query(RECORD_FAILURE_SQL, [
      messageId,
      routeId,
      status,
      attempt,
      nextAttemptAt ?? null,
      error.errorClass,
      error.message,
      error.step ?? null,
      error.connector ?? null,
      error.details && Object.keys(error.details).length > 0 ? jsonb(error.details) : null,
    ]);
  }

  /** Deliveries that were not finished when the process stopped, oldest first (per-key order). */
  async openDeliveries(): Promise<Array<{ messageId: string; routeId: string; partitionKey: string | null; subject: string | null; nextAttemptAt: string | null }>> {
    const result = await this.sql.query<Record<string, unknown>>(
      `SELECT d.message_id, d.route_id, m.partition_key, m.subject, d.next_attempt_at
         FROM deliveries d JOIN messages m ON m.id = d.message_id
        WHERE d.status IN ('pending', 'retrying')
        ORDER BY m.received_at, m.id`,
    );
    return result.rows.map((row) => ({
      messageId: String(row.message_id),
      routeId: String(row.route_id),
      partitionKey: row.partition_key === null ? null : String(row.partition_key),
      subject: row.subject === null ? null : String(row.subject),
      nextAttemptAt: row.next_attempt_at ? new Date(row.next_attempt_at as string).toISOString() : null,
    }));
  }

  /** The embedded runtime is the only worker: claims left by a previous (crashed) run are void. */
  async releaseAllClaims(): Promise<void> {
    await this.sql.query(`UPDATE deliveries SET claimed_by = NULL, claimed_until = NULL WHERE status IN ('pending', 'retrying') AND claimed_by IS NOT NULL`);
  }

  /**
   * Unfinished, unclaimed deliveries untouched for a while: their job may have been lost on the way.
   * Taking them bumps `updated_at`, so each is republished at most once per stale period and two
   * workers' sweepers never take the same rows (SKIP LOCKED).
   */
  async staleDeliveries(olderThanMs: number, limit: number): Promise<Array<{ messageId: string; routeId: string; partitionKey: string | null; subject: string | null }>> {
    const result = await this.sql.query<Record<string, unknown>>(
      `WITH stale AS (
         SELECT message_id, route_id FROM deliveries
          WHERE status IN ('pending', 'retrying') AND updated_at < now() - make_interval(secs => $1::double precision)
            AND (claimed_until IS NULL OR claimed_until < now())
          ORDER BY updated_at LIMIT $2 FOR UPDATE SKIP LOCKED
       )
       UPDATE deliveries d SET updated_at = now() FROM stale s, messages m
        WHERE d.message_id = s.message_id AND d.route_id = s.route_id AND m.id = d.message_id
       RETURNING d.message_id, d.route_id, m.partition_key, m.subject`,
      [olderThanMs / 1000, limit],
    );
    return result.rows.map((row) => ({
      messageId: String(row.message_id),
      routeId: String(row.route_id),
      partitionKey: row.partition_key === null ? null : String(row.partition_key),
      subject: row.subject === null ? null : String(row.subject),
    }));
  }

  async setDeliveryStatus(
    tx: SqlExecutor,
    messageId: string,
    routeId: string,
    status: DeliveryStatus,
    transition: { state: string; detail?: Record<string, unknown> },
    resetAttempts = false,
  ): Promise<void> {
    await tx.query(
      `UPDATE deliveries SET status = $3, updated_at = now(), next_attempt_at = NULL, claimed_by = NULL, claimed_until = NULL${resetAttempts ? ', attempts = 0' : ''}
       WHERE message_id = $1 AND route_id = $2`,
      [messageId, routeId, status],
    );
    await tx.query(`INSERT INTO transitions (message_id, route_id, state, detail) VALUES ($1, $2, $3, $4)`, [
      messageId,
      routeId,
      transition.state,
      jsonb(transition.detail),
    ]);
  }

  async reviseMessage(
    tx: SqlExecutor,
    message: MessageRecord,
    next: { envelope: Envelope | null; raw: string | null },
    patch: unknown,
    actor: string,
    reason: string | undefined,
  ): Promise<void> {
    const revision = await tx.query<{ n: number }>('SELECT COALESCE(MAX(revision), 0) + 1 AS n FROM message_revisions WHERE message_id = $1', [message.id]);
    await tx.query(
      `INSERT INTO message_revisions (message_id, revision, envelope, raw, patch, actor, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [message.id, Number(revision.rows[0]?.n ?? 1), jsonb(message.envelope), message.raw, jsonb(patch), actor, reason ?? null],
    );
    const env = next.envelope;
    await tx.query(
      `UPDATE messages SET envelope = $2, raw = $3, type = $4, source = $5, subject = $6, tenant = $7,
         partition_key = $8, updated_at = now() WHERE id = $1`,
      [message.id, jsonb(env), next.raw, env?.type ?? message.type, env?.source ?? message.source, env?.subject ?? null, env?.tenant ?? message.tenant, env?.partitionkey ?? null],
    );
  }

  async audit(
    tx: SqlExecutor,
    entry: { actor: string; action: string; messageId?: string; routeId?: string; reason?: string | undefined; detail?: Record<string, unknown> },
  ): Promise<void> {
    await tx.query(`INSERT INTO audit_log (actor, action, message_id, route_id, reason, detail) VALUES ($1, $2, $3, $4, $5, $6)`, [
      entry.actor,
      entry.action,
      entry.messageId ?? null,
      entry.routeId ?? null,
      entry.reason ?? null,
      jsonb(entry.detail),
    ]);
  }
}
