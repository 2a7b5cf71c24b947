// Canonical Refund (refund.requested) → the payments connector's createRefund input, full or
// partial (the refund's amount decides), with its reason, links and credit note.
import { defineMapping } from '@interline/hub';
import type { Refund } from '@interline/hub';

export interface CreateRefundInput {
  refundId: string;
  paymentId: string;
  paymentIntentId?: string;
  amount: { amountMinor: number; currency: string };
  reason: Refund['reason'];
  links?: Refund['links'];
  creditNoteId?: string;
}

export default defineMapping<Refund, CreateRefundInput>({
  id: 'payments/refund-to-create-refund',
  from: 'Refund (refund.requested)',
  to: 'payments.createRefund input',
  description: 'A requested refund of a Stripe payment becomes a Stripe Refund of exactly its amount.',
  map(refund) {
    if (!refund || typeof refund.id !== 'string') throw new Error('input is not a Refund: id is missing');
    if (typeof refund.paymentId !== 'string') throw new Error(`refund ${refund.id}: paymentId is missing`);
    if (!refund.amount || !Number.isInteger(refund.amount.amountMinor)) throw new Error(`refund ${refund.id}: amount.amountMinor is missing`);
    if (refund.provider?.name !== 'stripe') throw new Error(`refund ${refund.id} is for provider "${refund.provider?.name ?? 'none'}", not stripe; filter the route on data.provider.name = 'stripe'`);
    if (refund.status !== 'pending') throw new Error(`refund ${refund.id} has status ${refund.status}; only a requested (pending) refund is sent to Stripe`);
    const input: CreateRefundInput = {
      refundId: refund.id,
      paymentId: refund.paymentId,
      amount: { amountMinor: refund.amount.amountMinor, currency: refund.amount.currency },
      reason: refund.reason,
    };
    if (refund.provider.paymentId !== undefined) input.paymentIntentId = refund.provider.paymentId;
    if (refund.links !== undefined) input.links = refund.links;
    if (refund.creditNoteId !== undefined) input.creditNoteId = refund.creditNoteId;
    return input;
  },
});
