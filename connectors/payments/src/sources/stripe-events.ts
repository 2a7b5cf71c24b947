// Which Stripe events the webhook cares about, and the canonical event each outcome becomes:
// payment_intent.* → payment.succeeded / failed / canceled, refund.* → refund.succeeded / failed.
import type { Payment, Refund } from '@interline/hub';
import { canonicalPaymentId, paymentFromIntent } from '../canonical/payment-from-intent';
import { canonicalRefundId, refundFromStripe } from '../canonical/refund-from-stripe';
import { asIntent, asRefund } from '../canonical/stripe-objects';
import type { StripeIntentLike, StripeRefundLike } from '../canonical/stripe-objects';
import { METADATA } from '../metadata';

export type CanonicalPaymentEvent = 'payment.succeeded' | 'payment.failed' | 'payment.canceled';
export type CanonicalRefundEvent = 'refund.succeeded' | 'refund.failed';
export type CanonicalEventType = CanonicalPaymentEvent | CanonicalRefundEvent;

/** A Stripe object the webhook tracks, as found in an event or re-fetched from the API. */
export type TrackedObject = { kind: 'payment_intent'; object: StripeIntentLike } | { kind: 'refund'; object: StripeRefundLike };

/** The tracked object an event is about, or undefined for event types the connector ignores. */
export function trackedObject(eventType: string, object: unknown): TrackedObject | undefined {
  if (eventType.startsWith('payment_intent.')) return { kind: 'payment_intent', object: asIntent(object, `data.object of ${eventType}`) };
  if (eventType.startsWith('refund.') || eventType === 'charge.refund.updated') return { kind: 'refund', object: asRefund(object, `data.object of ${eventType}`) };
  return undefined;
}

/**
 * The canonical outcome of an object's state. `eventType` is the Stripe event when the object came
 * with one; a re-fetched object (no event) is judged by its status alone.
 */
export function canonicalOutcome(tracked: TrackedObject, eventType?: string): CanonicalEventType | undefined {
  if (tracked.kind === 'payment_intent') {
    const intent = tracked.object;
    if (eventType === 'payment_intent.payment_failed') return 'payment.failed';
    if (intent.status === 'succeeded') return 'payment.succeeded';
    if (intent.status === 'canceled') return 'payment.canceled';
    // Stripe sends a failed attempt back to requires_payment_method, with the error attached.
    if (eventType === undefined && intent.status === 'requires_payment_method' && intent.last_payment_error) return 'payment.failed';
    return undefined;
  }
  if (eventType === 'refund.failed' || tracked.object.status === 'failed') return 'refund.failed';
  if (tracked.object.status === 'succeeded') return 'refund.succeeded';
  return undefined;
}

const INTENT_RANK: Record<string, number> = {
  requires_payment_method: 0,
  requires_confirmation: 1,
  requires_action: 2,
  processing: 3,
  requires_capture: 4,
  succeeded: 5,
  canceled: 5,
};
const REFUND_RANK: Record<string, number> = { pending: 0, requires_action: 1, succeeded: 2, failed: 2, canceled: 2 };

/**
 * Whether an event's object is older than what is known of it. Event times are whole seconds, so
 * within one second the lifecycle decides: an object further along (succeeded after
 * requires_confirmation) is newer; one further back (a decline returns to requires_payment_method)
 * or a different status at the same stage is in doubt and counts as stale, to be re-fetched.
 */
export function isStale(tracked: TrackedObject, eventCreated: number, known: { at: number; status: string }): boolean {
  if (eventCreated !== known.at) return eventCreated < known.at;
  if (tracked.object.status === known.status) return false;
  const rank = tracked.kind === 'payment_intent' ? INTENT_RANK : REFUND_RANK;
  return (rank[tracked.object.status] ?? -1) <= (rank[known.status] ?? -1);
}

/** The canonical ids that route and order the event; undefined for objects not made through Interline. */
export function canonicalKeys(tracked: TrackedObject): { subject: string; partitionkey: string; tenant?: string } | undefined {
  const metadata = tracked.object.metadata;
  const paymentId = canonicalPaymentId(tracked.object);
  const ownId = tracked.kind === 'payment_intent' ? paymentId : canonicalRefundId(tracked.object);
  if (paymentId === undefined || ownId === undefined) return undefined;
  const tenant = metadata[METADATA.tenant];
  // Refund events are ordered with their payment's: both use the canonical payment id as key.
  return { subject: ownId, partitionkey: paymentId, ...(tenant ? { tenant } : {}) };
}

/** The canonical data of an outcome (throws MalformedInputError when the object cannot be mapped). */
export function canonicalData(tracked: TrackedObject, type: CanonicalEventType, eventCreated: number): Payment | Refund {
  if (tracked.kind === 'payment_intent') return paymentFromIntent(tracked.object, { failed: type === 'payment.failed', updatedAt: eventCreated });
  return refundFromStripe(tracked.object, { updatedAt: eventCreated });
}
