// webhook: Stripe POSTs events to /webhooks/<instance>/webhook. The Stripe-Signature is verified on
// the raw body first (nothing is emitted otherwise); then the event is de-duplicated by id, checked
// against what is known of its object (events arrive out of order), and emitted as a canonical event.
import Stripe from 'stripe';
import { MalformedInputError, deterministicId } from '@interline/hub';
import type { ConnectorContext, EmitEvent, SourceDefinition, WebhookResponse } from '@interline/hub';
import type { PaymentsClient } from '../client';
import { canonicalData, canonicalKeys, canonicalOutcome, isStale, trackedObject } from './stripe-events';
import type { TrackedObject } from './stripe-events';
import { WebhookMemory } from './webhook-memory';
import { problem, signatureProblem } from './webhook-problems';

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** One delivery at a time per connection: the memory is read, changed and written as a whole. */
const queues = new WeakMap<PaymentsClient, Promise<unknown>>();

function serialized<T>(client: PaymentsClient, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(client) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(client, next.catch(() => undefined));
  return next;
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | string[] | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

export const webhook: SourceDefinition<PaymentsClient> = {
  kind: 'webhook',
  summary: 'Receive Stripe events (verified Stripe-Signature, de-duplicated, re-ordered) as payment.succeeded / failed / canceled and refund.succeeded / failed.',
  async handle(client, request, ctx) {
    if (request.method.toUpperCase() !== 'POST') return problem(405, 'method-not-allowed', `Stripe POSTs webhooks; got ${request.method}`, { allow: 'POST' });
    if (request.rawBody.length > MAX_WEBHOOK_BYTES) return problem(413, 'body-too-large', `the body has ${request.rawBody.length} bytes; at most ${MAX_WEBHOOK_BYTES} are accepted`);
    if (!client.verifiesWebhooks) {
      // Server-side misconfiguration: 503 makes Stripe retry, so nothing is lost once it is fixed.
      return problem(503, 'webhook-secret-missing', "the payments connector has no webhookSecret; set it to this endpoint's signing secret (whsec_…)");
    }
    const signature = headerValue(request.headers, 'stripe-signature');
    if (Array.isArray(signature)) return problem(400, 'signature-malformed', 'send exactly one Stripe-Signature header');
    let event: Stripe.Event;
    try {
      event = client.verifyWebhook(request.rawBody, signature ?? '');
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
        const rejected = signatureProblem(error.message, client.webhookToleranceSeconds);
        ctx.logger.warn({ source: 'webhook', code: rejected.code }, 'Stripe webhook rejected: signature check failed');
        return problem(400, rejected.code, rejected.detail);
      }
      return problem(400, 'malformed-json', `the body is signed but is not a JSON Stripe event (${error instanceof Error ? error.message : String(error)})`);
    }
    if (typeof event?.id !== 'string' || typeof event.type !== 'string' || typeof event.created !== 'number' || !event.data) {
      return problem(400, 'not-an-event', 'the body is not a Stripe event: id, type, created and data are required');
    }
    return serialized(client, () => receive(client, event, ctx));
  },
};

async function receive(client: PaymentsClient, event: Stripe.Event, ctx: ConnectorContext & { emit: EmitEvent }): Promise<WebhookResponse> {
  const memory = await WebhookMemory.load(ctx.state, client.webhookMemory);
  if (memory.hasSeen(event.id)) return accepted({ duplicate: true });
  let tracked: TrackedObject | undefined;
  try {
    tracked = trackedObject(event.type, event.data.object);
  } catch (error) {
    return ignore(memory, event, ctx, error instanceof Error ? error.message : String(error));
  }
  if (!tracked) return ignore(memory, event, ctx, `event type ${event.type} is not mapped to a canonical event`);

  const objectId = tracked.object.id;
  const known = memory.known(objectId);
  let outcome = canonicalOutcome(tracked, event.type);
  let at = event.created;
  if (known && isStale(tracked, event.created, known)) {
    // An old state with nothing to say changes nothing; one that would emit is checked with Stripe.
    if (outcome === undefined) {
      memory.markSeen(event.id);
      await memory.save(ctx.state);
      return accepted({ emitted: [], stale: true });
    }
    try {
      tracked = await refetch(client, tracked);
    } catch (error) {
      ctx.logger.warn({ source: 'webhook', eventId: event.id, objectId }, 'could not re-fetch an out-of-order object; Stripe will retry the event');
      return problem(503, 'refetch-failed', `event ${event.id} is older than what is known of ${objectId} and re-fetching it failed (${error instanceof Error ? error.message : String(error)}); retry later`, { 'retry-after': '30' });
    }
    outcome = canonicalOutcome(tracked);
    at = Math.max(known.at, event.created);
  }
  const next = { at, status: tracked.object.status, ...(known?.emitted !== undefined ? { emitted: known.emitted } : {}) };
  if (outcome === undefined || outcome === known?.emitted) {
    // No new canonical outcome: a status without one, or the same outcome again (retried, re-ordered).
    memory.remember(objectId, next);
    memory.markSeen(event.id);
    await memory.save(ctx.state);
    return accepted({ emitted: [] });
  }
  const keys = canonicalKeys(tracked);
  if (!keys) return ignore(memory, event, ctx, `${objectId} was not created through Interline (no interline_* metadata)`);
  let data: unknown;
  try {
    data = canonicalData(tracked, outcome, at);
  } catch (error) {
    if (!(error instanceof MalformedInputError)) throw error;
    return ignore(memory, event, ctx, error.message);
  }
  const id = deterministicId('stripe-webhook', event.id, outcome);
  try {
    await ctx.emit({ id, type: outcome, data, ...keys });
  } catch (error) {
    ctx.logger.error({ source: 'webhook', eventId: event.id, err: error }, 'could not hand a Stripe event to the hub');
    return problem(503, 'ingress-unavailable', `the hub could not accept event ${event.id}; Stripe will retry it`, { 'retry-after': '5' });
  }
  memory.remember(objectId, { ...next, emitted: outcome });
  memory.markSeen(event.id);
  await memory.save(ctx.state);
  ctx.logger.info({ source: 'webhook', eventId: event.id, type: outcome, subject: keys.subject }, 'Stripe event emitted');
  return accepted({ emitted: [{ type: outcome, id }] });
}

async function refetch(client: PaymentsClient, tracked: TrackedObject): Promise<TrackedObject> {
  const what = `re-fetch of ${tracked.object.id} for an out-of-order webhook`;
  if (tracked.kind === 'payment_intent') {
    const id = tracked.object.id;
    const current = await client.call({ what, attempt: 1 }, (stripe) => stripe.paymentIntents.retrieve(id));
    return trackedObject('payment_intent.refetched', current) as TrackedObject;
  }
  const id = tracked.object.id;
  const current = await client.call({ what, attempt: 1 }, (stripe) => stripe.refunds.retrieve(id));
  return trackedObject('refund.refetched', current) as TrackedObject;
}

/** Acknowledge an event the hub has no use for: Stripe must not retry it for days. */
async function ignore(memory: WebhookMemory, event: Stripe.Event, ctx: ConnectorContext, reason: string): Promise<WebhookResponse> {
  memory.markSeen(event.id);
  await memory.save(ctx.state);
  ctx.logger.info({ source: 'webhook', eventId: event.id, type: event.type, reason }, 'Stripe event acknowledged without a canonical event');
  return accepted({ ignored: reason });
}

function accepted(body: Record<string, unknown>): WebhookResponse {
  return { status: 200, headers: { 'content-type': 'application/json' }, body: { received: true, ...body } };
}
