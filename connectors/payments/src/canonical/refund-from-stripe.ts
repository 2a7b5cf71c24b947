// Stripe Refund → canonical Refund. The canonical refund, payment and reason come from the
// metadata the connector wrote when it created the refund.
import { MalformedInputError, REFUND_REASONS, REFUND_STATUSES } from '@interline/hub';
import type { Refund, RefundStatus } from '@interline/hub';
import { METADATA, linksFromMetadata } from '../metadata';
import { fromStripeAmount } from '../stripe-amounts';
import { asRefund, isoTime, refId } from './stripe-objects';

type RefundReason = Refund['reason'];

/** The canonical refund id a Stripe refund carries, or undefined for one not made through Interline. */
export function canonicalRefundId(refund: { metadata?: Record<string, string> | null }): string | undefined {
  const id = refund.metadata?.[METADATA.refundId];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Stripe's reasons are fewer than the canonical ones; the canonical reason travels in metadata. */
function reasonOf(metadataReason: string | undefined, stripeReason: string | null | undefined): RefundReason {
  if (metadataReason && (REFUND_REASONS as readonly string[]).includes(metadataReason)) return metadataReason as RefundReason;
  if (stripeReason === 'duplicate' || stripeReason === 'fraudulent') return stripeReason;
  return 'requested_by_customer';
}

export function refundFromStripe(value: unknown, options: { updatedAt?: number } = {}): Refund {
  const refund = asRefund(value);
  const what = `Stripe Refund ${refund.id}`;
  const id = canonicalRefundId(refund);
  if (id === undefined) throw new MalformedInputError(`${what} has no metadata.${METADATA.refundId}: it was not made through Interline, so it has no canonical refund`);
  const paymentId = refund.metadata[METADATA.paymentId];
  if (!paymentId) throw new MalformedInputError(`${what} has no metadata.${METADATA.paymentId}: the canonical payment it refunds is unknown`);
  if (!(REFUND_STATUSES as readonly string[]).includes(refund.status)) throw new MalformedInputError(`${what} has status "${refund.status}", which the canonical model does not know`);

  const canonical: Refund = {
    id,
    paymentId,
    amount: fromStripeAmount(refund.amount, refund.currency),
    status: refund.status as RefundStatus,
    reason: reasonOf(refund.metadata[METADATA.refundReason], refund.reason),
    provider: { name: 'stripe', refundId: refund.id },
    createdAt: isoTime(refund.created),
  };
  const intentId = refId(refund.payment_intent);
  if (intentId) canonical.provider.paymentId = intentId;
  const links = linksFromMetadata(refund.metadata);
  if (links) canonical.links = links;
  const creditNote = refund.metadata[METADATA.creditNoteId];
  if (creditNote) canonical.creditNoteId = creditNote;
  if (refund.status === 'failed') canonical.failure = { reason: (refund.failure_reason ?? 'unknown').slice(0, 64) };
  if (options.updatedAt !== undefined) canonical.updatedAt = isoTime(options.updatedAt);
  return canonical;
}
