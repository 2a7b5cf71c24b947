// Group commit for booking writes: requests that arrive while a batch is being written wait and go
// together in the next one (no timer: a flush waits only for the end of the current turn of the
// event loop, so a lone request is written at once). PGlite has one
// connection, so one batch at a time; PostgreSQL runs a few side by side. When a batch fails as a
// whole (a lost race the batch cannot sort out, AWB stock running out mid-batch, a bug) nothing of
// it committed, and each of its requests is written again on its own, so one bad request only
// fails itself.
import type { Envelope, Logger, SqlClient } from '@interline/hub';
import type { PortalMetrics } from '../http/http-metrics';
import type { WriteResult, WriteRunner } from '../http/write-runner';
import { replayStored } from '../http/write-runner';
import type { ShipmentBooking } from '../schemas/shipments';
import { writeBookingBatch } from './booking-batch';
import type { BatchOutcome, BookingSubmission } from './booking-batch';
import type { ShipmentsService } from './shipments.service';

export interface BookingBatcherOptions {
  /** Requests written in one transaction at most. */
  maxBatch?: number;
  /** Batches written at once (default 1 on PGlite, 4 on PostgreSQL). */
  parallel?: number;
  /** false: every booking in its own transaction, statement by statement (for comparison and diagnosis). */
  groupCommit?: boolean;
}

/** The outbox relay, which publishes a committed batch's events without reading them back. */
export interface OutboxHandOver {
  readonly leaseMs: number;
  handOver(envelopes: Envelope[]): void;
}

interface Pending {
  submission: BookingSubmission;
  resolve(result: WriteResult<ShipmentBooking>): void;
  reject(error: unknown): void;
}

export class BookingBatcher {
  private readonly queue: Pending[] = [];
  private active = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly parallel: number;
  private readonly groupCommit: boolean;

  constructor(
    private readonly sql: SqlClient,
    private readonly shipments: ShipmentsService,
    private readonly writes: WriteRunner,
    private readonly outbox: OutboxHandOver,
    private readonly logger: Logger,
    private readonly metrics: PortalMetrics,
    options: BookingBatcherOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 64;
    this.parallel = options.parallel ?? (sql.dialect === 'pglite' ? 1 : 4);
    this.groupCommit = options.groupCommit ?? true;
  }

  submit(submission: BookingSubmission): Promise<WriteResult<ShipmentBooking>> {
    return new Promise((resolve, reject) => {
      const pending = { submission, resolve, reject };
      if (!this.groupCommit) return void this.alone(pending);
      this.queue.push(pending);
      this.schedule();
    });
  }

  /**
   * Flush on the next turn of the event loop, not now: PGlite runs a whole transaction without
   * yielding to I/O (its statements complete synchronously), so a flush started at once would
   * always hold just the one request that triggered it. By the check phase, every request whose
   * bytes arrived in this poll phase has reached submit().
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.active < this.parallel && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.active += 1;
      void this.flush(batch).finally(() => {
        this.active -= 1;
        if (this.queue.length > 0) this.schedule();
      });
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    this.metrics.bookingBatchSize.observe(batch.length);
    let outcomes: BatchOutcome[];
    try {
      outcomes = await this.sql.transaction((tx) =>
        writeBookingBatch(
          tx,
          batch.map((p) => p.submission),
          this.shipments.holdMs,
          this.outbox.leaseMs,
        ),
      );
    } catch (error) {
      this.metrics.bookingBatchFallbacks.inc();
      if (batch.length > 1) this.logger.warn({ err: error, requests: batch.length }, 'booking batch failed as a whole; writing its requests one by one');
      await Promise.all(batch.map((pending) => this.alone(pending)));
      return;
    }
    this.outbox.handOver(outcomes.flatMap((o) => (o.kind === 'booked' ? o.events : [])));
    await Promise.all(
      batch.map(async (pending, i) => {
        const outcome = outcomes[i];
        if (outcome?.kind === 'booked') pending.resolve(outcome.result);
        else if (outcome?.kind === 'refused') pending.reject(outcome.error);
        else await this.replay(pending);
      }),
    );
  }

  /** A request whose key another request claimed: that one's response, or (it was refused) its own turn. */
  private async replay(pending: Pending): Promise<void> {
    const claim = pending.submission.claim;
    try {
      const winner = claim ? await this.writes.lookup(claim.scope, claim.key) : undefined;
      if (winner && claim) pending.resolve(replayStored<ShipmentBooking>(winner, claim));
      else await this.alone(pending);
    } catch (error) {
      pending.reject(error);
    }
  }

  /** The request in its own transaction, statement by statement. */
  private async alone(pending: Pending): Promise<void> {
    const { tenant, request, claim } = pending.submission;
    try {
      pending.resolve(await this.writes.execute(claim, (tx) => this.shipments.book(tx, tenant, request)));
    } catch (error) {
      pending.reject(error);
    }
  }
}
