// Refund: money given back against a payment, whole or partial (Stripe Refund and the like).
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { id, positiveMoney, text, timestamp } from './common';
import { PAYMENT_PROVIDERS, PaymentLinksSchema } from './payment';
import { modelOptions, StringEnum } from './schema-helpers';

export const REFUND_STATUSES = ['pending', 'requires_action', 'succeeded', 'failed', 'canceled'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export const REFUND_REASONS = ['requested_by_customer', 'duplicate', 'fraudulent', 'booking_cancelled', 'service_not_rendered', 'overcharge'] as const;

export const RefundSchema = Type.Object(
  {
    id: id('Canonical refund id.'),
    paymentId: id('Canonical id of the payment refunded.'),
    amount: positiveMoney('Amount refunded; less than the payment for a partial refund.'),
    status: StringEnum(REFUND_STATUSES, { description: 'Refund state (Stripe Refund status).' }),
    reason: StringEnum(REFUND_REASONS, { description: 'Why the money goes back.' }),
    links: Type.Optional(PaymentLinksSchema),
    creditNoteId: Type.Optional(id('Credit note (invoice of kind credit-note) that books the refund.')),
    provider: Type.Object(
      {
        name: StringEnum(PAYMENT_PROVIDERS, { description: 'Payment provider.' }),
        refundId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{3,255}$', description: 'Provider refund id (Stripe re_…).' })),
        paymentId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{3,255}$', description: 'Provider payment refunded (Stripe pi_…).' })),
      },
      {
        additionalProperties: false,
        description: 'The provider’s side of the refund.',
        if: { properties: { name: { const: 'stripe' } }, required: ['name'] },
        then: { properties: { refundId: { pattern: '^(re|pyr)_' }, paymentId: { pattern: '^pi_' } } },
      },
    ),
    failure: Type.Optional(
      Type.Object(
        {
          reason: Type.Optional(text('Provider failure reason (expired_or_canceled_card, lost_or_stolen_card, unknown).', 64)),
          message: Type.Optional(text('Explanation for support.', 500)),
        },
        { additionalProperties: false, minProperties: 1, description: 'Why the refund failed.' },
      ),
    ),
    createdAt: timestamp('When the refund was requested.'),
    updatedAt: Type.Optional(timestamp('Last change.')),
  },
  modelOptions('refund', 'Refund', 'Money returned against a payment, whole or partial, with status and provider ids.', {
    if: { properties: { status: { const: 'failed' } }, required: ['status'] },
    then: { required: ['failure'] },
  }),
);
export type Refund = Static<typeof RefundSchema>;

export { refundExamples } from './examples/refund';
