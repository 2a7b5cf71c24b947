// Delivers jobs taken from the transport: runs the route's steps, retries transient failures with
// back-off while keeping per-key order, dead-letters permanent ones, and journals every transition.
import type { Route, RouteStep } from '../routing/route';
import { runSteps } from '../routing/step-runner';
import type { StepServices } from '../routing/step-runner';
import { decideRetry } from './retry-policy';
import { KeyedExecutor } from './keyed-executor';
import type { Slot } from './keyed-executor';
import { RETRYABLE_CLASSES, describeError } from '../errors';
import type { Journal, DeliveryContext, AttemptError, AcceptIntent, StepIntent, WriteResult } from '../journal';
import { bindingStore } from '../journal';
import type { HandlerOutcome, ReceivedJob } from '../transport';
import type { ConnectorHost } from '../connector/connector-host';
import type { Envelope } from '../envelope';
import { createEnvelope, deterministicId } from '../envelope';
import type { HubMetrics } from '../observability/metrics';
import type { Logger } from '../observability/logger';
import type { DeliveryJob } from '../transport';

/** The parts of the hub the worker calls; pure steps come from StepServices minus the per-message bits. */
export interface WorkerServices {
  journal: Journal;
  connectors: ConnectorHost;
  metrics: HubMetrics;
  logger: Logger;
  route(id: string): Route | undefined;
  pure: Pick<StepServices, 'validate' | 'hasMapping' | 'map' | 'evaluate'>;
  /** Plan events a step emitted: intents journaled with the step's outcome, jobs published after commit. */
  planEmitted(envelopes: Envelope[]): Promise<{ accepts: AcceptIntent[]; jobsFor(insertedIds: string[]): DeliveryJob[] }>;
  dispatch(jobs: DeliveryJob[]): Promise<void>;
}

/** What an attempt has done but not yet journaled. */
interface PendingWrites {
  steps: StepIntent[];
  emitted: AcceptIntent[];
  jobsFor: Array<(insertedIds: string[]) => DeliveryJob[]>;
}

class ShutdownInterrupt extends Error {
  constructor() {
    super('hub is shutting down; the delivery stays in the journal and resumes at the next start');
  }
}

export class DeliveryWorker {
  private readonly executors = new Map<string, KeyedExecutor>();
  private readonly shutdown = new AbortController();

  constructor(private readonly services: WorkerServices) {}

  /** Transport handler: one job = one message on one route. */
  handle = async (received: ReceivedJob): Promise<HandlerOutcome> => {
    const { job } = received;
    const route = this.services.route(job.routeId);
    const executor = this.executorFor(job.routeId, route?.concurrency ?? 1);
    return executor.run(job.key ? `${job.routeId}\u0000${job.key}` : undefined, (slot) => this.deliver(job, route, slot));
  };

  /** Cut retry back-offs short (they resume at the next start); calls under way finish their attempt. */
  stop(): void {
    this.shutdown.abort();
  }

  private executorFor(routeId: string, concurrency: number): KeyedExecutor {
    let executor = this.executors.get(routeId);
    if (!executor) {
      executor = new KeyedExecutor(concurrency);
      this.executors.set(routeId, executor);
    }
    return executor;
  }

  private async deliver(job: DeliveryJob, route: Route | undefined, slot: Slot): Promise<HandlerOutcome> {
    const { journal, logger, metrics } = this.services;
    const context = await journal.loadDeliveryContext(job.messageId, job.routeId);
    if (!context) {
      logger.warn({ messageId: job.messageId, route: job.routeId }, 'delivery job for a message the journal does not know; dropped');
      return { kind: 'ack' };
    }
    // A redelivered job whose delivery already ended: nothing to do, nothing done twice.
    if (context.delivery.status !== 'pending' && context.delivery.status !== 'retrying') return { kind: 'ack' };
    // Another worker holds it (a duplicate job): look again when its lease would have run out.
    if (!context.claimed) return { kind: 'retry', delayMs: Math.max(1000, context.claimRemainingMs) };
    const envelope = context.message.envelope as Envelope;
    const log = logger.child({ messageId: envelope.id, correlationId: envelope.correlationid, route: job.routeId });
    if (!route) {
      await journal.recordFailure(job.messageId, job.routeId, 'dead', context.delivery.attempts + 1, {
        errorClass: 'config',
        message: `route '${job.routeId}' no longer exists in routes/; restore it, or replay the message to send it through the current routes`,
      });
      return { kind: 'ack' };
    }
    if (context.delivery.nextAttemptAt) await this.wait(Date.parse(context.delivery.nextAttemptAt) - Date.now(), slot);
    const connector = route.steps.find((s): s is Extract<RouteStep, { kind: 'to' }> => s.kind === 'to')?.connector ?? 'none';
    const receivedAt = Date.parse(context.message.receivedAt);
    let attempt = context.delivery.attempts;
    metrics.inFlight.inc({ route: route.id });
    try {
      for (;;) {
        attempt += 1;
        const pending: PendingWrites = { steps: [], emitted: [], jobsFor: [] };
        try {
          const result = await runSteps(route, envelope, this.stepServices(route, context, envelope, attempt, pending));
          const outcome = result.remainingItems === 0 ? 'filtered' : 'delivered';
          // The last steps' outcomes, what they emitted and the final status: one group-committed write.
          const written = await journal.writer.submit({ kind: 'finish', messageId: job.messageId, routeId: job.routeId, status: outcome, attempt, steps: pending.steps, emitted: pending.emitted });
          await this.dispatchEmitted(pending, written);
          metrics.deliveries.inc({ route: route.id, connector, outcome });
          metrics.deliveryDuration.observe({ route: route.id }, (Date.now() - receivedAt) / 1000);
          log.debug({ attempt, outcome }, `delivery ${outcome}`);
          return { kind: 'ack' };
        } catch (thrown) {
          // Steps that succeeded before the failure are recorded first: a retry must not redo them.
          if (pending.steps.length > 0) await this.dispatchEmitted(pending, await journal.writer.submit({ kind: 'steps', steps: pending.steps, emitted: pending.emitted }));
          const failure = toAttemptError(thrown);
          const retryAfterMs = retryHint(thrown);
          if (failure.errorClass === 'circuit-open' && Date.now() - receivedAt < route.retry.maxAgeMs) {
            // Nothing was sent: waiting for the breaker does not use up the route's attempts.
            attempt -= 1;
            await journal.recordFailure(job.messageId, job.routeId, 'retrying', attempt, failure, new Date(Date.now() + (retryAfterMs ?? 1000)));
            await this.wait(Math.max(retryAfterMs ?? 1000, 10), slot);
            continue;
          }
          const decision = RETRYABLE_CLASSES.has(failure.errorClass)
            ? decideRetry(route.retry, { attempt, receivedAt, now: Date.now(), retryAfterMs })
            : ({ retry: false, reason: `${failure.errorClass} error: not retried` } as const);
          if (!decision.retry) {
            await journal.recordFailure(job.messageId, job.routeId, 'dead', attempt, { ...failure, details: { ...failure.details, deadReason: decision.reason } });
            metrics.deliveries.inc({ route: route.id, connector, outcome: 'dead' });
            log.warn({ attempt, errorClass: failure.errorClass, step: failure.step }, `dead-lettered: ${failure.message} (${decision.reason})`);
            return { kind: 'ack' };
          }
          await journal.recordFailure(job.messageId, job.routeId, 'retrying', attempt, failure, new Date(Date.now() + decision.delayMs));
          metrics.retries.inc({ route: route.id, connector, error_class: failure.errorClass });
          log.info({ attempt, errorClass: failure.errorClass, delayMs: decision.delayMs }, `attempt failed, retrying: ${failure.message}`);
          await this.wait(decision.delayMs, slot);
        }
      }
    } finally {
      metrics.inFlight.dec({ route: route.id });
    }
  }

  /** Back-off: give the concurrency slot to other keys, keep this key's place in line. */
  private async wait(ms: number, slot: Slot): Promise<void> {
    if (ms <= 0) return;
    slot.pause();
    const signal = this.shutdown.signal;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
    if (signal.aborted) throw new ShutdownInterrupt();
    await slot.resume();
  }

  private async dispatchEmitted(pending: PendingWrites, written: WriteResult): Promise<void> {
    const inserted = 'emittedInserted' in written ? written.emittedInserted : [];
    const jobs = pending.jobsFor.flatMap((jobsFor) => jobsFor(inserted));
    if (jobs.length > 0) await this.services.dispatch(jobs);
  }

  private stepServices(route: Route, context: DeliveryContext, envelope: Envelope, attempt: number, pending: PendingWrites): StepServices {
    const { journal, connectors } = this.services;
    const messageId = context.message.id;
    return {
      ...this.services.pure,
      isDone: (stepKey) => context.doneSteps.has(stepKey),
      deliver: async (step, stepKey, value) => {
        const emitted: Envelope[] = [];
        const result = await connectors.call(step.connector, step.operation, value, {
          timeoutMs: route.timeoutMs,
          context: {
            idempotencyKey: `${messageId}:${route.id}:${stepKey}`,
            attempt,
            envelope,
            bindings: bindingStore(journal.sql, step.connector, envelope.tenant),
            emit: (type, data, options) => {
              emitted.push(
                createEnvelope({
                  // Deterministic: if the step is redone after a crash, the same events get the same ids.
                  id: deterministicId(messageId, route.id, stepKey, String(emitted.length)),
                  type,
                  data,
                  source: `interline/connector/${step.connector}`,
                  parent: envelope,
                  ...(options?.subject !== undefined ? { subject: options.subject } : {}),
                  ...(options?.partitionkey !== undefined ? { partitionkey: options.partitionkey } : {}),
                }),
              );
            },
          },
        });
        // Recorded with the delivery's outcome (or before its failure), in one group-committed write.
        pending.steps.push({ messageId, routeId: route.id, stepKey, result: result ?? null });
        if (emitted.length > 0) {
          const plan = await this.services.planEmitted(emitted);
          pending.emitted.push(...plan.accepts);
          pending.jobsFor.push(plan.jobsFor);
        }
        context.doneSteps.set(stepKey, result);
      },
    };
  }
}

function toAttemptError(thrown: unknown): AttemptError {
  const described = describeError(thrown);
  const details = { ...described.details };
  const step = typeof details.step === 'string' ? details.step : undefined;
  delete details.step;
  delete details.route;
  const connector = step?.includes(':to:') ? step.split(':to:')[1]?.split('.')[0] : undefined;
  return { errorClass: described.errorClass, message: described.message, step, connector, details };
}

function retryHint(thrown: unknown): number | undefined {
  const hinted = (thrown as { retryAfterMs?: unknown; details?: { retryAfterMs?: unknown } } | undefined) ?? {};
  const value = hinted.retryAfterMs ?? hinted.details?.retryAfterMs;
  return typeof value === 'number' ? value : undefined;
}
