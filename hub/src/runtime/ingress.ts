// The hub's front door: every input is journaled before anything else happens — accepted
// messages with the routes they go to, rejected input as a dead letter that support can fix.
import { normalizeEnvelope, parseJson, uuidv7 } from '../envelope';
import type { Envelope } from '../envelope';
import { describeError } from '../errors';
import type { Journal, AttemptError, AcceptIntent } from '../journal';
import type { Route, RouteStep } from '../routing/route';
import type { DeliveryJob, Transport } from '../transport';
import type { HubMetrics } from '../observability/metrics';
import type { Logger } from '../observability/logger';
import type { SeenMessages } from './seen-messages';

export type IngressResult =
  | { status: 'accepted'; id: string; routes: string[] }
  /** The same message id was accepted before: nothing new happens (idempotent ingress). */
  | { status: 'duplicate'; id: string }
  | { status: 'rejected'; id: string; error: AttemptError };

export interface RouteMatcher {
  /** Routes for the envelope; `failures` are routes whose predicate could not be evaluated. */
  match(envelope: Envelope): Promise<{ routes: Route[]; failures: Array<{ route: Route; error: unknown }> }>;
}

export interface IngressDeps {
  journal: Journal;
  transport: Transport;
  matcher: () => RouteMatcher;
  /** Throws UnknownEventTypeError for a type outside the catalog. */
  assertKnownType(type: string): void;
  metrics: HubMetrics;
  logger: Logger;
  /** Hot idempotency cache in front of the journal (Redis); the journal de-duplicates without it. */
  seen?: SeenMessages;
}

export function queueFor(routeId: string): string {
  return `route.${routeId}`;
}

export function orderingKey(route: Route, envelope: Pick<Envelope, 'partitionkey' | 'subject'>): string | undefined {
  if (route.orderingKey === 'none') return undefined;
  return (route.orderingKey === 'subject' ? envelope.subject : envelope.partitionkey) ?? undefined;
}

export function firstConnector(route: Route): string | null {
  return route.steps.find((s): s is Extract<RouteStep, { kind: 'to' }> => s.kind === 'to')?.connector ?? null;
}

export class Ingress {
  constructor(private readonly deps: IngressDeps) {}

  /** Bytes from the wire (HTTP body, file): parse, check, journal, route. */
  async submitRaw(raw: string): Promise<IngressResult> {
    let value: unknown;
    try {
      value = parseJson(raw, 'message');
    } catch (error) {
      return this.reject(null, raw, error);
    }
    return this.submit(value, raw);
  }

  /** An already parsed value that should be a CloudEvents envelope. */
  async submit(value: unknown, raw?: string): Promise<IngressResult> {
    let envelope: Envelope;
    try {
      envelope = normalizeEnvelope(value);
    } catch (error) {
      // Keep the input as text: a half-valid envelope must not leak odd values into indexed columns.
      return this.reject(null, raw ?? safeStringify(value), error, 'malformed');
    }
    try {
      this.deps.assertKnownType(envelope.type);
    } catch (error) {
      return this.reject(envelope, null, error);
    }
    if (await this.deps.seen?.seen(envelope.id)) {
      this.deps.metrics.messagesReceived.inc({ type: envelope.type, outcome: 'duplicate' });
      return { status: 'duplicate', id: envelope.id };
    }
    const matched = await this.deps.matcher().match(envelope);
    const routes = matched.routes;
    const planned = [...routes, ...matched.failures.map((f) => f.route)];
    const written = await this.deps.journal.writer.submit({
      kind: 'accept',
      accept: { envelope, routes: planned.map((route) => ({ routeId: route.id, connector: firstConnector(route) })) },
    });
    await this.deps.seen?.remember(envelope.id);
    if (!('inserted' in written) || !written.inserted) return { status: 'duplicate', id: envelope.id };
    // A predicate that cannot be evaluated dead-letters its own route only; the others proceed.
    for (const failure of matched.failures) {
      const described = describeError(failure.error);
      await this.deps.journal.recordFailure(envelope.id, failure.route.id, 'dead', 1, { errorClass: described.errorClass, message: described.message, step: 'from.when' });
    }
    this.deps.metrics.messagesReceived.inc({ type: envelope.type, outcome: 'accepted' });
    try {
      await this.dispatch(routes.map((route) => ({ messageId: envelope.id, routeId: route.id, key: orderingKey(route, envelope) })));
    } catch (error) {
      // Journaled is accepted: a lost publish is found again (restart recovery or the sweeper).
      this.deps.logger.warn({ messageId: envelope.id, err: error instanceof Error ? error.message : String(error) }, 'message journaled but its delivery jobs could not be published; they will be republished');
    }
    return { status: 'accepted', id: envelope.id, routes: routes.map((r) => r.id) };
  }

  /**
   * Plan events a step emitted: the accept intents to journal with the step's outcome, and the jobs
   * to publish for each once it is committed. Emitted events of unknown types are journaled as
   * rejected at once.
   */
  async planEmitted(envelopes: Envelope[]): Promise<{ accepts: AcceptIntent[]; jobsFor(insertedIds: string[]): DeliveryJob[] }> {
    const accepts: AcceptIntent[] = [];
    const jobs = new Map<string, DeliveryJob[]>();
    for (const envelope of envelopes) {
      try {
        this.deps.assertKnownType(envelope.type);
      } catch (error) {
        await this.deps.journal.sql.transaction((tx) => this.deps.journal.insertRejected(tx, { id: uuidv7(), envelope, raw: null, error: describeError(error) }));
        continue;
      }
      const { routes } = await this.deps.matcher().match(envelope);
      accepts.push({ envelope, routes: routes.map((route) => ({ routeId: route.id, connector: firstConnector(route) })) });
      jobs.set(envelope.id, routes.map((route) => ({ messageId: envelope.id, routeId: route.id, key: orderingKey(route, envelope) })));
    }
    return { accepts, jobsFor: (ids) => ids.flatMap((id) => jobs.get(id) ?? []) };
  }

  async dispatch(jobs: DeliveryJob[]): Promise<void> {
    for (const job of jobs) await this.deps.transport.publish(queueFor(job.routeId), job);
  }

  private async reject(envelope: Envelope | null, raw: string | null, error: unknown, forceClass?: 'malformed'): Promise<IngressResult> {
    const described = describeError(error);
    const failure: AttemptError = { errorClass: forceClass ?? described.errorClass, message: described.message, step: 'ingress' };
    if (Object.keys(described.details).length > 0) failure.details = described.details;
    const id = uuidv7();
    await this.deps.journal.sql.transaction((tx) => this.deps.journal.insertRejected(tx, { id, envelope, raw, error: failure }));
    this.deps.metrics.messagesReceived.inc({ type: envelope?.type ?? 'unknown', outcome: 'rejected' });
    this.deps.logger.warn({ messageId: id, errorClass: failure.errorClass }, `input rejected and journaled as dead letter ${id}: ${failure.message}`);
    return { status: 'rejected', id, error: failure };
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
