// createPaymentIntent: a Stripe PaymentIntent for a canonical payment, with the canonical ids in
// metadata and the step's idempotency key, so a retry or redelivery never charges twice.
import { Type } from '@sinclair/typebox';
import { PaymentLinksSchema, PermanentError, defineOperation } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type Stripe from 'stripe';
import type { PaymentsClient } from '../client';
import { METADATA, linksToMetadata } from '../metadata';
import { fromStripeAmount, toStripeAmount } from '../stripe-amounts';
import { CanonicalIdSchema, PAYMENT_ENTITY, PaymentMethodIdSchema, positiveMoneySchema, intentResult } from './shared';
import type { PaymentIntentResult } from './shared';

export const CreatePaymentIntentInputSchema = Type.Object(
  {
    paymentId: CanonicalIdSchema,
    amount: positiveMoneySchema('Amount to collect.'),
    captureMethod: Type.Optional(Type.Union([Type.Literal('automatic'), Type.Literal('manual')], { default: 'automatic', description: 'manual: authorise now, capture later.' })),
    links: PaymentLinksSchema,
    customerPartyId: Type.Optional(CanonicalIdSchema),
    customerId: Type.Optional(Type.String({ pattern: '^cus_[A-Za-z0-9_]+$', maxLength: 255, description: 'Stripe Customer id.' })),
    paymentMethod: Type.Optional(PaymentMethodIdSchema),
    confirm: Type.Optional(Type.Boolean({ default: false, description: 'Confirm at once (needs paymentMethod); otherwise the customer confirms client-side.' })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const createPaymentIntent = defineOperation({
  summary: 'Create a Stripe PaymentIntent for a canonical payment (amount, currency, customer, canonical ids in metadata); optionally confirm it at once.',
  input: CreatePaymentIntentInputSchema,
  sideEffect: true,
  async run(client: PaymentsClient, input, ctx: OperationContext): Promise<PaymentIntentResult> {
    const what = `createPaymentIntent for payment ${input.paymentId}`;
    if (input.confirm && input.paymentMethod === undefined) {
      throw new PermanentError(`${what}: confirm is true but no paymentMethod (pm_…) is given; pass the payment method collected client-side, or leave confirm false`);
    }
    const { amount, currency } = toStripeAmount(input.amount, what);

    // A payment already bound to an intent is not created again, even by another message:
    // the step key only guards one message, the binding guards the canonical payment.
    const bound = await ctx.bindings.get(PAYMENT_ENTITY, input.paymentId);
    if (bound) {
      const existing = await client.call({ what, attempt: ctx.attempt }, (stripe) => stripe.paymentIntents.retrieve(bound.externalId));
      const had = fromStripeAmount(existing.amount, existing.currency);
      if (had.amountMinor !== input.amount.amountMinor || had.currency !== input.amount.currency) {
        throw new PermanentError(
          `${what}: the payment already has ${existing.id} for ${had.amountMinor} ${had.currency} minor units, not ${input.amount.amountMinor} ${input.amount.currency}; a different amount needs a new canonical payment id`,
          { paymentIntentId: existing.id },
        );
      }
      ctx.logger.info({ paymentId: input.paymentId, paymentIntentId: existing.id }, 'payment already has a PaymentIntent; not creating another');
      return intentResult(input.paymentId, existing, true);
    }

    const params: Stripe.PaymentIntentCreateParams = {
      amount,
      currency,
      capture_method: input.captureMethod ?? 'automatic',
      // The hub confirms server-side and cannot follow redirects, so only methods without one apply.
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
      metadata: {
        [METADATA.paymentId]: input.paymentId,
        [METADATA.tenant]: ctx.envelope.tenant,
        ...(input.customerPartyId !== undefined ? { [METADATA.customerPartyId]: input.customerPartyId } : {}),
        ...linksToMetadata(input.links),
      },
    };
    if (input.customerId !== undefined) params.customer = input.customerId;
    if (input.description !== undefined) params.description = input.description;
    if (input.paymentMethod !== undefined) params.payment_method = input.paymentMethod;
    if (input.confirm) params.confirm = true;

    let intent: Stripe.PaymentIntent;
    try {
      intent = await client.call({ what, attempt: ctx.attempt, idempotencyKey: ctx.idempotencyKey }, (stripe, options) => stripe.paymentIntents.create(params, options));
    } catch (error) {
      // A declined confirmation still created the intent: bind it so later steps and webhooks find it.
      const intentId = (error as { details?: { paymentIntentId?: unknown } }).details?.paymentIntentId;
      if (typeof intentId === 'string') await ctx.bindings.put(PAYMENT_ENTITY, input.paymentId, intentId, { status: 'requires_payment_method' });
      throw error;
    }
    await ctx.bindings.put(PAYMENT_ENTITY, input.paymentId, intent.id, { status: intent.status });
    return intentResult(input.paymentId, intent);
  },
});
