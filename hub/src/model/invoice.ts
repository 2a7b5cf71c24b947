// Invoice: a customer invoice or credit note (Odoo account.move out_invoice / out_refund).
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { CurrencyCodeSchema } from './currency';
import { date, id, money, text, timestamp } from './common';
import { partyRef } from './party';
import { SalesLineSchema, SalesTotalsSchema } from './sales-line';
import { modelOptions, StringEnum } from './schema-helpers';

export const INVOICE_STATES = ['draft', 'posted', 'cancelled'] as const;
export const INVOICE_PAYMENT_STATES = ['not_paid', 'in_payment', 'partial', 'paid', 'reversed'] as const;

export const InvoiceSchema = Type.Object(
  {
    id: id('Canonical invoice id.'),
    number: Type.Optional(text('Invoice number, assigned when posted (INV/2025/00042).', 64)),
    kind: StringEnum(['invoice', 'credit-note'] as const, { description: 'Invoice, or credit note that reduces one.' }),
    customer: partyRef('Who is invoiced.'),
    orderId: Type.Optional(id('Sale order invoiced.')),
    reversesInvoiceId: Type.Optional(id('For a credit note: the invoice it reverses.')),
    currency: CurrencyCodeSchema,
    lines: Type.Array(SalesLineSchema, { minItems: 1, description: 'Invoice lines; every amount in `currency`.' }),
    totals: Type.Object(
      { ...SalesTotalsSchema.properties, amountDue: money('What is still to be paid (Odoo amount_residual).') },
      { additionalProperties: false, description: 'Invoice totals; amounts are positive for credit notes too.' },
    ),
    state: StringEnum(INVOICE_STATES, { description: 'Document state: only posted invoices are binding.' }),
    paymentState: StringEnum(INVOICE_PAYMENT_STATES, { description: 'Payment state (Odoo payment_state).' }),
    issueDate: Type.Optional(date('Invoice date; set when posted.')),
    dueDate: Type.Optional(date('Payment due date.')),
    paymentReference: Type.Optional(text('Reference the customer quotes when paying.', 64)),
    paymentIds: Type.Optional(Type.Array(id('Payment.'), { uniqueItems: true, description: 'Payments applied.' })),
    paidAt: Type.Optional(timestamp('When the invoice became fully paid.')),
    createdAt: timestamp('When the invoice was created.'),
    updatedAt: Type.Optional(timestamp('Last change.')),
  },
  modelOptions('invoice', 'Invoice', 'A customer invoice or credit note: lines with taxes, totals, state, payment state and dates.', {
    // A posted invoice without number or date cannot be sent to a customer or a tax office.
    if: { properties: { state: { const: 'posted' } }, required: ['state'] },
    then: { required: ['number', 'issueDate', 'dueDate'] },
  }),
);
export type Invoice = Static<typeof InvoiceSchema>;

export { invoiceExamples } from './examples/invoice';
