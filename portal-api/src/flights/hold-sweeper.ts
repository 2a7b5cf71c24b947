// Releases capacity holds that expired: a booking's hold fails its saga (HOLD_EXPIRED, booking
// rejected); a plain allocation is marked expired. Safe with several processes sweeping: the release
// is conditional, so each hold is given back once. Also purges expired idempotency records.
import type { Logger, SqlClient } from '@interline/hub';
import { purgeExpiredKeys } from '../http/write-runner';
import type { BookingSaga } from '../saga/booking-saga';
import { releaseAllocation } from './capacity';

export interface SweeperOptions {
  intervalMs?: number;
  batchSize?: number;
}

const PURGE_EVERY_MS = 60_000;

export class HoldSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastPurge = 0;
  private readonly intervalMs: number;
  private readonly batchSize: number;

  constructor(
    private readonly sql: SqlClient,
    private readonly saga: BookingSaga,
    private readonly logger: Logger,
    options: SweeperOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 200;
  }

  start(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'hold sweeper pass failed; retrying on the next tick'))
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  /** One pass; returns how many holds were released. */
  async sweep(): Promise<number> {
    const expired = await this.sql.query<{ id: string; booking_id: string | null }>(
      `SELECT id, booking_id FROM portal_allocations WHERE state = 'held' AND hold_expires_at <= now() ORDER BY hold_expires_at LIMIT $1`,
      [this.batchSize],
    );
    let released = 0;
    for (const row of expired.rows) {
      const done = await this.sql.transaction(async (tx) => {
        // The booking first (it is what every saga transition locks first), then the allocation.
        if (row.booking_id) {
          const outcome = await this.saga.holdExpired(tx, row.booking_id);
          if (outcome.outcome === 'failed') return true;
        }
        return releaseAllocation(tx, row.id, 'expired');
      });
      if (done) released += 1;
    }
    if (released > 0) this.logger.info({ released }, 'expired capacity holds released');
    if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
      this.lastPurge = Date.now();
      await purgeExpiredKeys(this.sql);
    }
    return released;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
