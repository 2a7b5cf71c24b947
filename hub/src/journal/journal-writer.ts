// The hot write path of the journal, batched: accepted messages with their deliveries, finished
// deliveries with their step results, and completed steps with the events they emitted — a whole
// batch in one set-based statement (one round trip, atomic without a transaction block).
import type { Envelope } from '../envelope';
import { Batcher } from './batcher';
import { jsonb } from './sql-client';
import type { SqlClient, SqlExecutor } from './sql-client';

export interface AcceptIntent {
  envelope: Envelope;
  routes: Array<{ routeId: string; connector: string | null }>;
}

export interface StepIntent {
  messageId: string;
  routeId: string;
  stepKey: string;
  result: unknown;
}

export type WriteIntent =
  | { kind: 'accept'; accept: AcceptIntent }
  /** Steps done (and what they emitted), without finishing the delivery. */
  | { kind: 'steps'; steps: StepIntent[]; emitted: AcceptIntent[] }
  /** A delivery finished: its last steps, what they emitted, and the final status. */
  | { kind: 'finish'; messageId: string; routeId: string; status: 'delivered' | 'filtered'; attempt: number; steps: StepIntent[]; emitted: AcceptIntent[] };

/** For an accept: whether the message was new. For the others: the emitted messages that were new. */
export type WriteResult = { inserted: boolean } | { emittedInserted: string[] };

/**
 * A whole batch in ONE statement: new messages with their deliveries and transitions, step results,
 * finished deliveries with their transitions. Data-modifying CTEs run to completion and commit (or
 * fail) together, so the batch stays atomic without BEGIN/COMMIT round trips. No row is touched
 * twice: a finished delivery was committed by an earlier accept, and a message already journaled is
 * skipped by ON CONFLICT, so its deliveries are not inserted again.
 */
const WRITE_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
    AS u(id, type, source, subject, tenant, correlation_id, causation_id, partition_key, envelope)
), inserted AS (
  INSERT INTO messages (id, type, source, subject, tenant, correlation_id, causation_id, partition_key, envelope)
  SELECT id, type, source, subject, tenant, correlation_id, causation_id, partition_key, envelope::jsonb FROM input
  ON CONFLICT (id) DO NOTHING
  RETURNING id
), routes AS (
  SELECT * FROM unnest($10::text[], $11::text[], $12::text[]) AS r(message_id, route_id, connector)
), new_deliveries AS (
  INSERT INTO deliveries (message_id, route_id, connector, status)
  SELECT r.message_id, r.route_id, r.connector, 'pending' FROM routes r JOIN inserted i ON i.id = r.message_id
  ON CONFLICT (message_id, route_id) DO NOTHING
), new_transitions AS (
  INSERT INTO transitions (message_id, state, detail)
  SELECT i.id, s.state,
         CASE WHEN s.state = 'routed' THEN jsonb_build_object('routes',
           COALESCE((SELECT jsonb_agg(r.route_id) FROM routes r WHERE r.message_id = i.id), '[]'::jsonb)) END
    FROM inserted i CROSS JOIN (VALUES (1, 'received'), (2, 'routed')) AS s(n, state)
   ORDER BY i.id, s.n
), steps AS (
  INSERT INTO step_results (message_id, route_id, step_key, result)
  SELECT message_id, route_id, step_key, result::jsonb
    FROM unnest($13::text[], $14::text[], $15::text[], $16::text[]) AS u(message_id, route_id, step_key, result)
  ON CONFLICT (message_id, route_id, step_key) DO NOTHING
), done AS (
  SELECT * FROM unnest($17::text[], $18::text[], $19::text[], $20::int[]) AS u(message_id, route_id, status, attempt)
), finished AS (
  UPDATE deliveries d SET status = done.status, attempts = done.attempt, next_attempt_at = NULL, updated_at = now(),
         claimed_by = NULL, claimed_until = NULL
    FROM done WHERE d.message_id = done.message_id AND d.route_id = done.route_id
), finished_transitions AS (
  INSERT INTO transitions (message_id, route_id, state, attempt)
  SELECT message_id, route_id, status, attempt FROM done
)
SELECT id FROM inserted`;

export class JournalWriter {
  private readonly batcher: Batcher<WriteIntent, WriteResult>;

  constructor(private readonly sql: SqlClient, maxBatch = 256) {
    // A pool can commit several batches at once; PGlite's single connection cannot.
    const concurrency = sql.dialect === 'postgres' ? 4 : 1;
    // One statement per flush: atomic on its own, so no transaction (and no BEGIN/COMMIT trips).
    this.batcher = new Batcher((intents) => this.write(this.sql, intents), maxBatch, concurrency);
  }

  submit(intent: WriteIntent): Promise<WriteResult> {
    return this.batcher.submit(intent);
  }

  /** One batch as one statement, on the pool or inside a transaction the caller holds (replay, tests). */
  async write(sql: SqlExecutor, intents: WriteIntent[]): Promise<WriteResult[]> {
    const accepts: AcceptIntent[] = [];
    const seen = new Set<string>();
    // Within one batch the first copy of an id wins; a second copy is a duplicate like any other.
    const firstOf = (accept: AcceptIntent): boolean => {
      if (seen.has(accept.envelope.id)) return false;
      seen.add(accept.envelope.id);
      accepts.push(accept);
      return true;
    };
    const owned = intents.map((intent) => (intent.kind === 'accept' ? firstOf(intent.accept) : intent.emitted.map(firstOf)));
    const steps = intents.flatMap((intent) => (intent.kind === 'accept' ? [] : intent.steps));
    const finished = intents.filter((intent): intent is Extract<WriteIntent, { kind: 'finish' }> => intent.kind === 'finish');
    const inserted = await this.writeAll(sql, accepts, steps, finished);
    return intents.map((intent, i) => {
      const mine = owned[i];
      if (intent.kind === 'accept') return { inserted: mine === true && inserted.has(intent.accept.envelope.id) };
      return { emittedInserted: intent.emitted.filter((e, n) => (mine as boolean[])[n] && inserted.has(e.envelope.id)).map((e) => e.envelope.id) };
    });
  }

  private async writeAll(sql: SqlExecutor, accepts: AcceptIntent[], steps: StepIntent[], finished: Array<Extract<WriteIntent, { kind: 'finish' }>>): Promise<Set<string>> {
    const e = accepts.map((a) => a.envelope);
    const routes = accepts.flatMap((a) => a.routes.map((r) => ({ messageId: a.envelope.id, ...r })));
    const result = await sql.query<{ id: string }>(WRITE_SQL, [
      e.map((x) => x.id),
      e.map((x) => x.type),
      e.map((x) => x.source),
      e.map((x) => x.subject ?? null),
      e.map((x) => x.tenant),
      e.map((x) => x.correlationid),
      e.map((x) => x.causationid ?? null),
      e.map((x) => x.partitionkey ?? null),
      e.map((x) => JSON.stringify(x)),
      routes.map((r) => r.messageId),
      routes.map((r) => r.routeId),
      routes.map((r) => r.connector),
      steps.map((s) => s.messageId),
      steps.map((s) => s.routeId),
      steps.map((s) => s.stepKey),
      steps.map((s) => jsonb(s.result ?? null)),
      finished.map((f) => f.messageId),
      finished.map((f) => f.routeId),
      finished.map((f) => f.status),
      finished.map((f) => f.attempt),
    ]);
    return new Set(result.rows.map((row) => row.id));
  }
}
