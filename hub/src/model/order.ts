// Order: a cargo sale order — what a customer buys (freight, surcharges, services) before invoicing.
// Maps to Odoo sale.order.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { CurrencyCodeSchema } from './currency';
import { date, id, text, timestamp } from './common';
import { partyRef } from './party';
import { SalesLineSchema, SalesTotalsSchema } from './sales-line';
import { modelOptions, StringEnum } from './schema-helpers';

export const ORDER_STATES = ['draft', 'sent', 'confirmed', 'done', 'cancelled'] as const;
export const ORDER_PAYMENT_STATES = ['not_paid', 'partial', 'paid', 'refunded'] as const;
export const ORDER_INVOICE_STATES = ['nothing', 'to-invoice', 'invoiced'] as const;

export const OrderSchema = Type.Object(
  {
    id: id('Canonical order id.'),
    number: Type.Optional(text('Order number, once the ERP assigned one (S00042).', 64)),
    customer: partyRef('Who buys.'),
    invoiceTo: Type.Optional(partyRef('Who is invoiced, when not the customer.')),
    customerReference: Type.Optional(text('The customer’s purchase order or reference.', 64)),
    currency: CurrencyCodeSchema,
    lines: Type.Array(SalesLineSchema, { minItems: 1, description: 'Order lines; every amount in `currency`.' }),
    totals: SalesTotalsSchema,
    state: StringEnum(ORDER_STATES, { description: 'Order state (Odoo draft / sent / sale / done / cancel).' }),
    invoiceState: StringEnum(ORDER_INVOICE_STATES, { description: 'Whether there is something left to invoice.' }),
    paymentState: StringEnum(ORDER_PAYMENT_STATES, { description: 'How much of the order is paid, across its invoices.' }),
    orderedAt: timestamp('When the order was placed.'),
    commitmentDate: Type.Optional(date('Date promised to the customer.')),
    validUntil: Type.Optional(date('Quotation expiry, while draft or sent.')),
    shipmentIds: Type.Optional(Type.Array(id('Shipment.'), { uniqueItems: true, description: 'Shipments the order covers.' })),
    bookingIds: Type.Optional(Type.Array(id('Cargo booking.'), { uniqueItems: true, description: 'Cargo bookings the order covers.' })),
    createdAt: timestamp('When the order was created.'),
    updatedAt: Type.Optional(timestamp('Last change.')),
  },
  modelOptions('order', 'Order', 'A cargo sale order: customer, priced lines with taxes, totals, state and payment state.'),
);
export type Order = Static<typeof OrderSchema>;

export { orderExamples } from './examples/order';
