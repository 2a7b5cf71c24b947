// capturePaymentIntent: collect an authorised (manual-capture) payment, whole or in part.
import { Type } from '@sinclair/typebox';
import { PermanentError, defineOperation } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type Stripe from 'stripe';
import type { PaymentsClient } from '../client';
import { toStripeAmount } from '../stripe-amounts';
import { CanonicalIdSchema, PAYMENT_ENTITY, PaymentIntentIdSchema, positiveMoneySchema, intentResult, resolveIntent } from './shared';
import type { PaymentIntentResult } from './shared';

export const CapturePaymentIntentInputSchema = Type.Object(
  {
    paymentId: CanonicalIdSchema,
    paymentIntentId: Type.Optional(PaymentIntentIdSchema),
    amountToCapture: Type.Optional(positiveMoneySchema('Capture less than authorised; the rest is released. Whole amount when absent.')),
  },
  { additionalProperties: false },
);

export const capturePaymentIntent = defineOperation({
  summary: 'Capture an authorised manual-capture PaymentIntent, in full or for a smaller amount.',
  input: CapturePaymentIntentInputSchema,
  sideEffect: true,
  async run(client: PaymentsClient, input, ctx: OperationContext): Promise<PaymentIntentResult> {
    const what = `capturePaymentIntent for payment ${input.paymentId}`;
    const id = await resolveIntent(input, ctx, 'capturePaymentIntent');
    const params: Stripe.PaymentIntentCaptureParams = {};
    if (input.amountToCapture !== undefined) {
      // Stripe only knows the intent's own currency; a mismatch would capture the wrong money.
      const intent = await client.call({ what, attempt: ctx.attempt }, (stripe) => stripe.paymentIntents.retrieve(id));
      if (intent.currency !== input.amountToCapture.currency.toLowerCase()) {
        throw new PermanentError(`${what}: amountToCapture is in ${input.amountToCapture.currency} but ${id} is in ${intent.currency.toUpperCase()}`, { paymentIntentId: id });
      }
      params.amount_to_capture = toStripeAmount(input.amountToCapture, what).amount;
    }
    const intent = await client.call({ what, attempt: ctx.attempt, idempotencyKey: ctx.idempotencyKey }, (stripe, options) => stripe.paymentIntents.capture(id, params, options));
    await ctx.bindings.put(PAYMENT_ENTITY, input.paymentId, intent.id, { status: intent.status });
    return intentResult(input.paymentId, intent);
  },
});
