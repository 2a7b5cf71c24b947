// account.move (customer invoice or credit note) with its lines → canonical Invoice, emitted as
// invoice.paid when Odoo reports it paid.
import { defineMapping } from '@interline/hub';
import type { Invoice, Mapping } from '@interline/hub';
import { fromOdooDate, fromOdooDatetime } from '../../odoo-dates';
import { money, salesLines } from './sales-lines';
import type { InvoiceSnapshot } from './snapshots';

const STATES: Record<string, Invoice['state']> = { draft: 'draft', posted: 'posted', cancel: 'cancelled' };
const PAYMENT_STATES: Record<string, Invoice['paymentState']> = {
  not_paid: 'not_paid',
  in_payment: 'in_payment',
  partial: 'partial',
  paid: 'paid',
  reversed: 'reversed',
  // Invoices paid before the accounting module was installed.
  invoicing_legacy: 'paid',
};

export const moveToInvoice: Mapping<InvoiceSnapshot, Invoice> = defineMapping<InvoiceSnapshot, Invoice>({
  id: 'odoo/move-to-invoice',
  from: 'Odoo account.move out_invoice/out_refund with lines (change poller snapshot)',
  to: 'Invoice',
  description: 'Emitted as invoice.paid by the change poller.',
  map(snapshot) {
    const { move } = snapshot ?? {};
    if (!move || typeof move.id !== 'number') throw new Error('input is not an invoice snapshot: move is missing');
    const what = `account.move ${move.id} ${move.name}`;
    if (move.move_type !== 'out_invoice' && move.move_type !== 'out_refund') throw new Error(`${what} has move_type ${String(move.move_type)}: not a customer invoice or credit note`);
    const state = STATES[move.state];
    const paymentState = PAYMENT_STATES[move.payment_state];
    if (!state || !paymentState) throw new Error(`${what} has state "${move.state}" / payment_state "${move.payment_state}", which the canonical Invoice does not know`);
    const { currency } = snapshot;
    const invoice: Invoice = {
      id: snapshot.invoiceId,
      kind: move.move_type === 'out_refund' ? 'credit-note' : 'invoice',
      customer: { partyId: snapshot.customerPartyId },
      currency,
      lines: salesLines(snapshot.lines, currency, snapshot.productCodes, what),
      totals: {
        untaxed: money(move.amount_untaxed, currency),
        tax: money(move.amount_tax, currency),
        total: money(move.amount_total, currency),
        amountDue: money(move.amount_residual, currency),
      },
      state,
      paymentState,
      createdAt: fromOdooDatetime(move.create_date) as string,
      updatedAt: fromOdooDatetime(move.write_date) as string,
    };
    if (move.name && move.name !== '/') invoice.number = move.name;
    const issueDate = fromOdooDate(move.invoice_date);
    const dueDate = fromOdooDate(move.invoice_date_due);
    if (issueDate) invoice.issueDate = issueDate;
    if (dueDate) invoice.dueDate = dueDate;
    if (move.payment_reference) invoice.paymentReference = move.payment_reference.slice(0, 64);
    if (snapshot.orderId) invoice.orderId = snapshot.orderId;
    if (snapshot.reversesInvoiceId && invoice.kind === 'credit-note') invoice.reversesInvoiceId = snapshot.reversesInvoiceId;
    if (state === 'posted' && (!invoice.number || !invoice.issueDate || !invoice.dueDate)) throw new Error(`${what} is posted but lacks its number, invoice date or due date`);
    return invoice;
  },
});
