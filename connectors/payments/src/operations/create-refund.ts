// createRefund: give money back against a canonical payment, whole (no amount) or in part, with the
// canonical refund id, payment and reason in metadata and the step's idempotency key.
import { Type } from '@sinclair/typebox';
import { PaymentLinksSchema, PermanentError, REFUND_REASONS, defineOperation } from '@interline/hub';
import type { OperationContext, Refund } from '@interline/hub';
import type Stripe from 'stripe';
import { refundFromStripe } from '../canonical/refund-from-stripe';
import type { PaymentsClient } from '../client';
import { replayedHeader } from '../client';
import { METADATA, linksToMetadata } from '../metadata';
import { toStripeAmount } from '../stripe-amounts';
import { CanonicalIdSchema, PaymentIntentIdSchema, positiveMoneySchema, REFUND_ENTITY, resolveIntent } from './shared';

export const CreateRefundInputSchema = Type.Object(
  {
    refundId: CanonicalIdSchema,
    paymentId: CanonicalIdSchema,
    paymentIntentId: Type.Optional(PaymentIntentIdSchema),
    amount: Type.Optional(positiveMoneySchema('Partial refund; everything not yet refunded when absent.')),
    reason: Type.Union(REFUND_REASONS.map((reason) => Type.Literal(reason)), { description: 'Canonical refund reason (kept in metadata; Stripe gets the nearest of its own).' }),
    links: Type.Optional(PaymentLinksSchema),
    creditNoteId: Type.Optional(CanonicalIdSchema),
  },
  { additionalProperties: false },
);

export interface RefundResult {
  refundId: string;
  stripeRefundId: string;
  status: string;
  refund?: Refund;
  replayed: boolean;
}

/** Stripe knows three reasons; anything else is the customer's request as far as it is concerned. */
function stripeReason(reason: Refund['reason']): Stripe.RefundCreateParams.Reason {
  return reason === 'duplicate' || reason === 'fraudulent' ? reason : 'requested_by_customer';
}

function refundResult(refundId: string, refund: Stripe.Refund, replayed: boolean): RefundResult {
  const result: RefundResult = { refundId, stripeRefundId: refund.id, status: refund.status ?? 'pending', replayed };
  try {
    result.refund = refundFromStripe(refund);
  } catch {
    // A refund without Interline metadata has no canonical view; ids and status still say enough.
  }
  return result;
}

export const createRefund = defineOperation({
  summary: 'Refund a canonical payment through Stripe, in full or in part, with the canonical refund id and reason in metadata.',
  input: CreateRefundInputSchema,
  sideEffect: true,
  async run(client: PaymentsClient, input, ctx: OperationContext): Promise<RefundResult> {
    const what = `createRefund ${input.refundId} of payment ${input.paymentId}`;
    const bound = await ctx.bindings.get(REFUND_ENTITY, input.refundId);
    if (bound) {
      const existing = await client.call({ what, attempt: ctx.attempt }, (stripe) => stripe.refunds.retrieve(bound.externalId));
      ctx.logger.info({ refundId: input.refundId, stripeRefundId: existing.id }, 'refund already exists in Stripe; not creating another');
      return refundResult(input.refundId, existing, true);
    }
    const intentId = await resolveIntent(input, ctx, 'createRefund');
    const params: Stripe.RefundCreateParams = {
      payment_intent: intentId,
      reason: stripeReason(input.reason),
      metadata: {
        [METADATA.refundId]: input.refundId,
        [METADATA.paymentId]: input.paymentId,
        [METADATA.refundReason]: input.reason,
        [METADATA.tenant]: ctx.envelope.tenant,
        ...(input.creditNoteId !== undefined ? { [METADATA.creditNoteId]: input.creditNoteId } : {}),
        ...linksToMetadata(input.links),
      },
    };
    if (input.amount !== undefined) {
      // Stripe refunds in the payment's currency whatever we mean: check before any money moves.
      const intent = await client.call({ what, attempt: ctx.attempt }, (stripe) => stripe.paymentIntents.retrieve(intentId));
      if (intent.currency !== input.amount.currency.toLowerCase()) {
        throw new PermanentError(`${what}: the refund amount is in ${input.amount.currency} but ${intentId} was paid in ${intent.currency.toUpperCase()}`, { paymentIntentId: intentId });
      }
      params.amount = toStripeAmount(input.amount, what).amount;
    }
    const refund = await client.call({ what, attempt: ctx.attempt, idempotencyKey: ctx.idempotencyKey }, (stripe, options) => stripe.refunds.create(params, options));
    await ctx.bindings.put(REFUND_ENTITY, input.refundId, refund.id, { status: refund.status, paymentIntentId: intentId });
    return refundResult(input.refundId, refund, replayedHeader(refund));
  },
});
