// Canonical Invoice → the input of odoo.createInvoice: an account.move out_invoice (or out_refund for
// a credit note) with its lines, posted when the canonical invoice is.
import { defineMapping } from '@interline/hub';
import type { Invoice } from '@interline/hub';
import { decimal, textOrFalse } from './odoo-values';

export interface CreateInvoiceInput {
  invoiceId: string;
  customerPartyId: string;
  orderId?: string;
  reversesInvoiceId?: string;
  currency: string;
  move: { move_type: 'out_invoice' | 'out_refund'; invoice_date?: string | false; invoice_date_due?: string | false; payment_reference?: string | false };
  lines: Array<{ productCode?: string; vals: { name: string; quantity: number; price_unit?: number; discount?: number; sequence?: number } }>;
  post: boolean;
}

export default defineMapping<Invoice, CreateInvoiceInput>({
  id: 'odoo/invoice-to-move',
  from: 'Invoice',
  to: 'odoo.createInvoice input (account.move with lines)',
  description: 'The number is left to Odoo (assigned on posting); taxes come from the products’ tax settings in Odoo.',
  map(invoice) {
    if (!invoice || typeof invoice.id !== 'string' || !Array.isArray(invoice.lines)) throw new Error('input is not an Invoice: id or lines is missing');
    if (invoice.state === 'cancelled') throw new Error(`invoice ${invoice.id} is cancelled; there is nothing to create in Odoo`);
    if (invoice.lines.length === 0) throw new Error(`invoice ${invoice.id} has no lines; Odoo cannot post an invoice without lines`);
    const input: CreateInvoiceInput = {
      invoiceId: invoice.id,
      customerPartyId: invoice.customer.partyId,
      currency: invoice.currency,
      move: {
        move_type: invoice.kind === 'credit-note' ? 'out_refund' : 'out_invoice',
        invoice_date: textOrFalse(invoice.issueDate),
        invoice_date_due: textOrFalse(invoice.dueDate),
        payment_reference: textOrFalse(invoice.paymentReference),
      },
      lines: invoice.lines.map((line) => ({
        ...(line.productCode ? { productCode: line.productCode } : {}),
        vals: {
          name: line.description,
          quantity: line.quantity,
          price_unit: decimal(line.unitPrice, invoice.currency, `invoice ${invoice.id} line ${line.sequence} unitPrice`),
          discount: line.discountPercent ?? 0,
          sequence: line.sequence,
        },
      })),
      post: invoice.state === 'posted',
    };
    if (invoice.orderId) input.orderId = invoice.orderId;
    if (invoice.reversesInvoiceId) input.reversesInvoiceId = invoice.reversesInvoiceId;
    return input;
  },
});
