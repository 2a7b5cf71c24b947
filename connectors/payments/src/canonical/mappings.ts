// The connector's Stripe → canonical conversions as hub mappings, so a host can register them in
// its MappingRegistry (e.g. to replay exported Stripe objects) and run their fixture cases.
// They live here, not in mappings/src/payments: the webhook source needs them at run time, and
// connectors do not import the mappings workspace.
import { defineMapping } from '@interline/hub';
import type { Mapping, Payment, Refund } from '@interline/hub';
import { paymentFromIntent } from './payment-from-intent';
import { refundFromStripe } from './refund-from-stripe';

interface IntentEventInput {
  /** A Stripe PaymentIntent object. */
  object: unknown;
  /** True for a payment_intent.payment_failed event. */
  failed?: boolean;
  /** Event `created` (unix seconds) for updatedAt. */
  at?: number;
}

export const stripePaymentIntentToPayment = defineMapping<IntentEventInput, Payment>({
  id: 'payments/stripe-payment-intent-to-payment',
  from: 'Stripe PaymentIntent (webhook data.object)',
  to: 'Payment',
  description: 'What the webhook emits as payment.succeeded / failed / canceled.',
  map: (input) => paymentFromIntent(input?.object, { ...(input?.failed ? { failed: true } : {}), ...(input?.at !== undefined ? { updatedAt: input.at } : {}) }),
});

export const stripeRefundToRefund = defineMapping<{ object: unknown; at?: number }, Refund>({
  id: 'payments/stripe-refund-to-refund',
  from: 'Stripe Refund (webhook data.object)',
  to: 'Refund',
  description: 'What the webhook emits as refund.succeeded / failed.',
  map: (input) => refundFromStripe(input?.object, input?.at !== undefined ? { updatedAt: input.at } : {}),
});

export const stripeEventMappings: Mapping[] = [stripePaymentIntentToPayment as Mapping, stripeRefundToRefund as Mapping];
