// Payment and refund requests: amounts in minor units with currency; no field can carry card data
// (every shape is closed: an unknown field such as cardNumber is refused by name).
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { PaymentLinksSchema, PaymentSchema, RefundSchema } from '@interline/hub';
import { named } from './named-schemas';

const P = PaymentSchema.properties;

export const PaymentRequestSchema = named(
  'PaymentRequest',
  Type.Object(
    {
      amount: P.amount,
      links: PaymentLinksSchema,
      captureMethod: Type.Optional(P.captureMethod),
      customerPartyId: P.customerPartyId,
      description: P.description,
    },
    { additionalProperties: false, description: 'A payment to collect for a booking or invoice. Payment methods are collected client-side by the provider; card data never reaches the portal.' },
  ),
);
export type PaymentRequest = Static<typeof PaymentRequestSchema>;

export const RefundRequestSchema = named(
  'RefundRequest',
  Type.Object(
    {
      amount: Type.Optional(RefundSchema.properties.amount),
      reason: RefundSchema.properties.reason,
    },
    { additionalProperties: false, description: 'A refund of a succeeded payment: the whole remainder when amount is left out.' },
  ),
);
export type RefundRequest = Static<typeof RefundRequestSchema>;
