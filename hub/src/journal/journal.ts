// The message journal: writes every message, delivery and transition, so nothing is lost and any
// failure can be inspected and replayed. Reads for support staff live in journal-queries.ts.
import type { Envelope } from '../envelope';
import { jsonb } from './sql-client';
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
}

/** Replaces secret values (connector passwords, tokens) wherever text reaches the journal. */
export type Redactor = (text: string) => string;

export class Journal {
  private redact: Redactor = (text) => text;

  constructor(readonly sql: SqlClient) {}

  setRedactor(redactor: Redactor): void {
    this.redact = redactor;
  }

  redactError(error: AttemptError): AttemptError {
    return { ...error, message: this.redact(error.message) };
  }

  /** A valid message and the routes it goes to, journaled as received + routed in one transaction. */
  async insertAccepted(tx: SqlExecutor, envelope: Envelope, routes: RoutedDelivery[]): Promise<boolean> {
    const inserted = await tx.query(
      `INSERT INTO messages (id, type, source, subject, tenant, correlation_id, causation_id, partition_key, envelope)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
      [
        envelope.id,
        envelope.type,
        envelope.source,
        envelope.subject ?? null,
        envelope.tenant,
        envelope.correlationid,
        envelope.causationid ?? null,
        envelope.partitionkey ?? null,
        jsonb(envelope),
      ],
    );
    // The same id again is a redelivery from the sender: keep the first, do not route twice.
    if (inserted.affectedRows === 0) return false;
    await this.insertDeliveries(tx, envelope.id, routes);
    await tx.query(
      `INSERT INTO transitions (message_id, state, detail) VALUES ($1, 'received', NULL), ($1, 'routed', $2)`,
      [envelope.id, jsonb({ routes: routes.map((r) => r.routeId) })],
    );
    return true;
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

  async loadDeliveryContext(messageId: string, routeId: string): Promise<DeliveryContext | undefined> {
    const [messages, deliveries, steps] = await Promise.all([
      this.sql.query('SELECT * FROM messages WHERE id = $1', [messageId]),
      this.sql.query('SELECT * FROM deliveries WHERE message_id = $1 AND route_id = $2', [messageId, routeId]),
      this.sql.query<{ step_key: string; result: unknown }>(
        'SELECT step_key, result FROM step_results WHERE message_id = $1 AND route_id = $2',
        [messageId, routeId],
      ),
    ]);
    const message = messages.rows[0];
    const delivery = deliveries.rows[0];
    if (!message || !delivery) return undefined;
    return {
      message: toMessage(message),
      delivery: toDelivery(delivery),
      doneSteps: new Map(steps.rows.map((row) => [row.step_key, row.result])),
    };
  }

  /** Record a side-effecting step as done; `also` runs in the same transaction (emitted events). */
  async recordStepDone(
    messageId: string,
    routeId: string,
    stepKey: string,
    result: unknown,
    also?: (tx: SqlExecutor) => Promise<void>,
  ): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO step_results (message_id, route_id, step_key, result) VALUES ($1, $2, $3, $4)
         ON CONFLICT (message_id, route_id, step_key) DO NOTHING`,
        [messageId, routeId, stepKey, jsonb(result)],
      );
      if (also) await also(tx);
    });
  }

  async finishDelivery(messageId: string, routeId: string, status: 'delivered' | 'filtered', attempt: number): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `UPDATE deliveries SET status = $3, attempts = $4, next_attempt_at = NULL, updated_at = now()
         WHERE message_id = $1 AND route_id = $2`,
        [messageId, routeId, status, attempt],
      );
      await tx.query(`INSERT INTO transitions (message_id, route_id, state, attempt) VALUES ($1, $2, $3, $4)`, [messageId, routeId, status, attempt]);
    });
  }

  async recordFailure(
    messageId: string,
    routeId: string,
    status: 'retrying' | 'dead',
    attempt: number,
    error: AttemptError,
    nextAttemptAt?: Date,
  ): Promise<void> {
    await this.sql.transaction((tx) => this.recordFailureWithin(tx, messageId, routeId, status, attempt, error, nextAttemptAt));
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
    await tx.query(
      `UPDATE deliveries SET status = $3, attempts = $4, next_attempt_at = $5, last_error_class = $6,
         last_error_message = $7, last_error_step = $8, last_error_connector = $9, updated_at = now()
       WHERE message_id = $1 AND route_id = $2`,
      [messageId, routeId, status, attempt, nextAttemptAt ?? null, error.errorClass, error.message, error.step ?? null, error.connector ?? null],
    );
    await tx.query(
      `INSERT INTO transitions (message_id, route_id, state, attempt, error_class, error_message, connector, step, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        messageId,
        routeId,
        status,
        attempt,
        error.errorClass,
        error.message,
        error.connector ?? null,
        error.step ?? null,
        error.details && Object.keys(error.details).length > 0 ? jsonb(error.details) : null,
      ],
    );
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

  async setDeliveryStatus(
    tx: SqlExecutor,
    messageId: string,
    routeId: string,
    status: DeliveryStatus,
    transition: { state: string; detail?: Record<string, unknown> },
    resetAttempts = false,
  ): Promise<void> {
    await tx.query(
      `UPDATE deliveries SET status = $3, updated_at = now(), next_attempt_at = NULL${resetAttempts ? ', attempts = 0' : ''}
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
