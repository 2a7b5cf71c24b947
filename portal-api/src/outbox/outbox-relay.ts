// Publishes outbox rows to the hub's ingress. Rows are claimed with a lease in one statement
// (FOR UPDATE SKIP LOCKED), published outside any transaction (ingress writes the journal, which on
// PGlite shares the one connection), then marked published. Several processes may run a relay on
// the same database: each claims different rows. A crash between publish and mark means the row is
// published again after the lease; ingress drops the duplicate by envelope id.
import type { Envelope, IngressResult, Logger, SqlClient } from '@interline/hub';
import { json } from '../db/rows';
import type { PortalMetrics } from '../http/http-metrics';

export interface OutboxRelayOptions {
  batchSize?: number;
  /** How often to look for rows written by other processes or left by a crash. */
  intervalMs?: number;
  /** How long a claim holds before another relay may take the row. */
  leaseMs?: number;
}

interface ClaimedRow {
  seq: string | number;
  id: string;
  envelope: unknown;
}

interface Outcome {
  seq: string | number;
  id: string;
  outcome: string;
}

const CLAIM_SQL = `
UPDATE portal_outbox SET claimed_until = now() + $2::integer * interval '1 millisecond'
 WHERE seq IN (SELECT seq FROM portal_outbox
                WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
RETURNING seq, id, envelope`;

const MARK_SQL = `
UPDATE portal_outbox o SET published_at = now(), claimed_until = NULL, outcome = v.outcome
  FROM unnest($1::bigint[], $2::text[]) AS v(seq, outcome)
 WHERE o.seq = v.seq`;

const MARK_BY_ID_SQL = `
UPDATE portal_outbox o SET published_at = now(), claimed_until = NULL, outcome = v.outcome
  FROM unnest($1::text[], $2::text[]) AS v(id, outcome)
 WHERE o.id = v.id AND o.published_at IS NULL`;

export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly batchSize: number;
  private readonly intervalMs: number;
  /** How long rows written for handOver stay claimed by this process. */
  readonly leaseMs: number;
  private readonly handedOver: Envelope[] = [];
  private handOverLoop: Promise<void> | undefined;

  constructor(
    private readonly sql: SqlClient,
    private readonly ingress: { submit(value: unknown): Promise<IngressResult> },
    private readonly logger: Logger,
    private readonly metrics: PortalMetrics,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.intervalMs = options.intervalMs ?? 250;
    this.leaseMs = options.leaseMs ?? 30_000;
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.nudge(), this.intervalMs);
    this.timer.unref();
    this.nudge();
  }

  /** Publish soon: called after a transaction that wrote outbox rows commits. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox relay pass failed; retrying on the next tick'))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Publish until nothing unclaimed is left; returns how many rows were published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = (await this.sql.query<ClaimedRow>(CLAIM_SQL, [this.batchSize, this.leaseMs])).rows;
      if (claimed.length === 0) return total;
      claimed.sort((a, b) => Number(a.seq) - Number(b.seq));
      const outcomes = await this.publish(claimed);
      await this.sql.query(MARK_SQL, [outcomes.map((o) => String(o.seq)), outcomes.map((o) => o.outcome)]);
      total += outcomes.length;
      if (claimed.length < this.batchSize) return total;
    }
  }

  /**
   * Publish envelopes a writer just committed with `insertEvents(…, relay.leaseMs)` (already claimed
   * for this process), without reading them back, then mark them published. One loop takes whatever
   * has been handed over since its last pass, so a slow hub slows it down instead of piling up
   * publishes. A failure leaves the rows to their claim's lapse and the next drain.
   */
  handOver(envelopes: Envelope[]): void {
    if (envelopes.length === 0) return;
    this.handedOver.push(...envelopes);
    this.handOverLoop ??= this.publishHandedOver().finally(() => (this.handOverLoop = undefined));
  }

  private async publishHandedOver(): Promise<void> {
    while (this.handedOver.length > 0) {
      const chunk = this.handedOver.splice(0, this.batchSize * 4);
      try {
        const outcomes = await this.publish(chunk.map((envelope) => ({ seq: 0, id: envelope.id, envelope })));
        await this.sql.query(MARK_BY_ID_SQL, [outcomes.map((o) => o.id), outcomes.map((o) => o.outcome)]);
      } catch (error) {
        this.logger.warn({ err: error, events: chunk.length }, 'outbox hand-over failed; the relay publishes these events once their claim lapses');
      }
    }
  }

  /** Rows with the same partition key go in order; different keys go side by side. */
  private async publish(rows: ClaimedRow[]): Promise<Outcome[]> {
    const lanes = new Map<string, ClaimedRow[]>();
    for (const row of rows) {
      const envelope = json<Envelope>(row.envelope);
      const lane = envelope.partitionkey ?? envelope.id;
      const queue = lanes.get(lane);
      if (queue) queue.push(row);
      else lanes.set(lane, [row]);
    }
    const outcomes: Outcome[] = [];
    await Promise.all(
      [...lanes.values()].map(async (lane) => {
        for (const row of lane) {
          const result = await this.ingress.submit(json<Envelope>(row.envelope));
          const outcome = result.status === 'rejected' ? `rejected: ${result.error.message}`.slice(0, 500) : result.status;
          if (result.status === 'rejected') this.logger.error({ messageId: row.id, error: result.error.message }, 'hub ingress rejected a portal event; it is journaled as a dead letter');
          this.metrics.outboxPublished.inc({ outcome: result.status });
          outcomes.push({ seq: row.seq, id: row.id, outcome });
        }
      }),
    );
    return outcomes;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.handOverLoop;
  }
}
