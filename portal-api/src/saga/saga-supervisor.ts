// Notices booking saga steps the hub gave up on: a dead delivery on a saga route (portal-saga-*)
// of a saga event (subject booking/<id>) fails that step, which compensates and rejects the
// booking with the dead letter's error as the reason. Polls the journal's dead letters, so it sees
// failures from any worker process.
import { listDeadLetters, loadMessage } from '@interline/hub';
import type { Logger, SqlClient } from '@interline/hub';
import type { BookingSaga } from './booking-saga';
import { bookingIdFromSubject, stepForTrigger } from './saga-state';

export const SAGA_ROUTE_PREFIX = 'portal-saga-';

export interface SupervisorOptions {
  intervalMs?: number;
}

/** Dead letters are re-read with this overlap, so one that lands while a pass runs is not missed. */
const OVERLAP_MS = 10_000;
const FIRST_LOOK_BACK_MS = 7 * 24 * 3600 * 1000;

export class SagaSupervisor {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private since = new Date(Date.now() - FIRST_LOOK_BACK_MS);
  private readonly intervalMs: number;

  constructor(
    private readonly sql: SqlClient,
    private readonly saga: BookingSaga,
    private readonly logger: Logger,
    options: SupervisorOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
  }

  start(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.check()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'saga supervisor pass failed; retrying on the next tick'))
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  /** One pass; returns how many bookings it failed. */
  async check(): Promise<number> {
    const started = new Date();
    const { items } = await listDeadLetters(this.sql, { since: this.since.toISOString(), limit: 1000 });
    let failed = 0;
    for (const dead of items) {
      if (!dead.routeId.startsWith(SAGA_ROUTE_PREFIX) || !dead.type) continue;
      const step = stepForTrigger(dead.type);
      const message = await loadMessage(this.sql, dead.messageId);
      const bookingId = bookingIdFromSubject(message?.subject);
      if (!step || !bookingId || !message?.envelope) continue;
      const envelope = message.envelope;
      const reason = {
        code: 'STEP_FAILED',
        text: `${step} failed (${dead.error?.errorClass ?? 'error'} in ${dead.error?.connector ?? dead.connector ?? 'the hub'}): ${dead.error?.message ?? 'see the dead letter'}; dead letter ${dead.messageId} on route ${dead.routeId}`,
      };
      const outcome = await this.sql.transaction((tx) =>
        this.saga.stepFailed(tx, bookingId, step, reason, { id: envelope.id, correlationid: envelope.correlationid, tenant: envelope.tenant, traceparent: envelope.traceparent }),
      );
      if (outcome.outcome === 'failed') {
        failed += 1;
        this.logger.warn({ bookingId, step, deadLetter: dead.messageId }, `booking saga step ${step} failed; booking rejected and compensated`);
      }
    }
    this.since = new Date(started.getTime() - OVERLAP_MS);
    return failed;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
