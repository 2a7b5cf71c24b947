// cancelPaymentIntent: give up on a payment that was not collected (releases an authorisation).
import { Type } from '@sinclair/typebox';
import { defineOperation } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type Stripe from 'stripe';
import type { PaymentsClient } from '../client';
import { CanonicalIdSchema, PAYMENT_ENTITY, PaymentIntentIdSchema, intentResult, resolveIntent } from './shared';
import type { PaymentIntentResult } from './shared';

export const CANCELLATION_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const;

export const CancelPaymentIntentInputSchema = Type.Object(
  {
    paymentId: CanonicalIdSchema,
    paymentIntentId: Type.Optional(PaymentIntentIdSchema),
    reason: Type.Optional(Type.Union(CANCELLATION_REASONS.map((reason) => Type.Literal(reason)), { description: "Stripe's cancellation_reason." })),
  },
  { additionalProperties: false },
);

export const cancelPaymentIntent = defineOperation({
  summary: "Cancel a canonical payment's PaymentIntent before it is collected; an authorisation is released.",
  input: CancelPaymentIntentInputSchema,
  sideEffect: true,
  async run(client: PaymentsClient, input, ctx: OperationContext): Promise<PaymentIntentResult> {
    const what = `cancelPaymentIntent for payment ${input.paymentId}`;
    const id = await resolveIntent(input, ctx, 'cancelPaymentIntent');
    const params: Stripe.PaymentIntentCancelParams = {};
    if (input.reason !== undefined) params.cancellation_reason = input.reason;
    const intent = await client.call({ what, attempt: ctx.attempt, idempotencyKey: ctx.idempotencyKey }, (stripe, options) => stripe.paymentIntents.cancel(id, params, options));
    await ctx.bindings.put(PAYMENT_ENTITY, input.paymentId, intent.id, { status: intent.status });
    return intentResult(input.paymentId, intent);
  },
});
