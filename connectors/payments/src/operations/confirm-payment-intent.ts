// confirmPaymentIntent: confirm a canonical payment's PaymentIntent, optionally with a (new)
// payment method — the way to retry after a decline.
import { Type } from '@sinclair/typebox';
import { defineOperation } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type Stripe from 'stripe';
import type { PaymentsClient } from '../client';
import { CanonicalIdSchema, PAYMENT_ENTITY, PaymentIntentIdSchema, PaymentMethodIdSchema, intentResult, resolveIntent } from './shared';
import type { PaymentIntentResult } from './shared';

export const ConfirmPaymentIntentInputSchema = Type.Object(
  {
    paymentId: CanonicalIdSchema,
    paymentIntentId: Type.Optional(PaymentIntentIdSchema),
    paymentMethod: Type.Optional(PaymentMethodIdSchema),
  },
  { additionalProperties: false },
);

export const confirmPaymentIntent = defineOperation({
  summary: "Confirm a canonical payment's PaymentIntent (optionally with a new payment method); a decline dead-letters with its decline code.",
  input: ConfirmPaymentIntentInputSchema,
  sideEffect: true,
  async run(client: PaymentsClient, input, ctx: OperationContext): Promise<PaymentIntentResult> {
    const what = `confirmPaymentIntent for payment ${input.paymentId}`;
    const id = await resolveIntent(input, ctx, 'confirmPaymentIntent');
    const params: Stripe.PaymentIntentConfirmParams = {};
    if (input.paymentMethod !== undefined) params.payment_method = input.paymentMethod;
    const intent = await client.call({ what, attempt: ctx.attempt, idempotencyKey: ctx.idempotencyKey }, (stripe, options) => stripe.paymentIntents.confirm(id, params, options));
    await ctx.bindings.put(PAYMENT_ENTITY, input.paymentId, intent.id, { status: intent.status });
    return intentResult(input.paymentId, intent);
  },
});
