// Payment: money asked of a customer and what became of it (Stripe PaymentIntent and the like).
// Never card data: the portal collects payment methods client-side; the hub sees ids, amounts, states.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { id, money, positiveMoney, text, timestamp } from './common';
import { modelOptions, StringEnum } from './schema-helpers';

/**
 * Stripe's PaymentIntent states plus `failed`: Stripe sends a failed attempt back to
 * requires_payment_method, while the hub records failed once it gives up on the payment.
 */
export const PAYMENT_STATUSES = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'requires_capture',
  'succeeded',
  'failed',
  'canceled',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_PROVIDERS = ['stripe', 'bank-transfer', 'manual'] as const;

/** Business objects a payment or refund settles; at least one link is required. */
export const PaymentLinksSchema = Type.Object(
  {
    bookingId: Type.Optional(id('Cargo booking.')),
    shipmentId: Type.Optional(id('Shipment.')),
    orderId: Type.Optional(id('Sale order.')),
    invoiceId: Type.Optional(id('Invoice.')),
    pnrId: Type.Optional(id('Passenger booking.')),
  },
  { additionalProperties: false, minProperties: 1, description: 'What the money is for.' },
);

export const PaymentFailureSchema = Type.Object(
  {
    code: Type.Optional(text('Provider error code (card_declined, expired_card).', 64)),
    declineCode: Type.Optional(text('Issuer decline code (insufficient_funds, do_not_honor).', 64)),
    message: Type.Optional(text('Message safe to show the customer.', 500)),
  },
  { additionalProperties: false, minProperties: 1, description: 'Why the last attempt failed.' },
);

export const PaymentSchema = Type.Object(
  {
    id: id('Canonical payment id.'),
    amount: positiveMoney('Amount to collect.'),
    amountReceived: Type.Optional(money('Amount actually collected so far.')),
    status: StringEnum(PAYMENT_STATUSES, { description: 'Payment state (Stripe PaymentIntent status, plus failed).' }),
    captureMethod: StringEnum(['automatic', 'manual'] as const, { description: 'manual: authorise now, capture later (requires_capture).' }),
    links: PaymentLinksSchema,
    customerPartyId: Type.Optional(id('Canonical party paying.')),
    provider: Type.Object(
      {
        name: StringEnum(PAYMENT_PROVIDERS, { description: 'Payment provider.' }),
        paymentId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{3,255}$', description: 'Provider payment id (Stripe pi_…).' })),
        chargeId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{3,255}$', description: 'Provider charge id (Stripe ch_… / py_…).' })),
        customerId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{3,255}$', description: 'Provider customer id (Stripe cus_…).' })),
        paymentMethodType: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$', description: 'Kind of payment method (card, sepa_debit, us_bank_account); never its details.' })),
      },
      {
        additionalProperties: false,
        description: 'The provider’s side of the payment. Card numbers, CVCs and expiry dates have no field here by design.',
        // A Stripe id in the wrong field (a re_ refund id as payment) breaks reconciliation quietly.
        if: { properties: { name: { const: 'stripe' } }, required: ['name'] },
        then: { properties: { paymentId: { pattern: '^pi_' }, chargeId: { pattern: '^(ch|py)_' }, customerId: { pattern: '^cus_' } } },
      },
    ),
    failure: Type.Optional(PaymentFailureSchema),
    description: Type.Optional(text('What the customer pays for, as shown to them.', 500)),
    createdAt: timestamp('When the payment was requested.'),
    updatedAt: Type.Optional(timestamp('Last change.')),
  },
  modelOptions('payment', 'Payment', 'A payment collected from a customer: amount in minor units, status, what it settles, and the provider ids.', {
    // A failed payment with no reason leaves support guessing; the provider always gives one.
    if: { properties: { status: { const: 'failed' } }, required: ['status'] },
    then: { required: ['failure'] },
  }),
);
export type Payment = Static<typeof PaymentSchema>;

export { paymentExamples } from './examples/payment';
