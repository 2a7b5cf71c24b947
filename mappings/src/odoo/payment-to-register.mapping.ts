// Canonical Payment (succeeded) → the input of odoo.registerPayment: the amount received, as a
// decimal, against the invoice the payment settles, dated the UTC day it succeeded.
import { defineMapping } from '@interline/hub';
import type { Payment } from '@interline/hub';
import { decimal, odooDatetime } from './odoo-values';

export interface RegisterPaymentInput {
  paymentId: string;
  invoiceId: string;
  amount: number;
  currency: string;
  paymentDate: string;
}

export default defineMapping<Payment, RegisterPaymentInput>({
  id: 'odoo/payment-to-register',
  from: 'Payment',
  to: 'odoo.registerPayment input (account.payment.register on the invoice)',
  description: 'Only succeeded payments that settle an invoice; the canonical payment id becomes the Odoo payment memo.',
  map(payment) {
    if (!payment || typeof payment.id !== 'string' || !payment.amount) throw new Error('input is not a Payment: id or amount is missing');
    if (payment.status !== 'succeeded') {
      throw new Error(`payment ${payment.id} is ${payment.status}; Odoo records collected money only (route payment.succeeded here)`);
    }
    const invoiceId = payment.links?.invoiceId;
    if (!invoiceId) throw new Error(`payment ${payment.id} settles no invoice (links.invoiceId is missing); Odoo registers payments against invoices`);
    const received = payment.amountReceived ?? payment.amount;
    return {
      paymentId: payment.id,
      invoiceId,
      amount: decimal(received, received.currency, `payment ${payment.id} amount`),
      currency: received.currency,
      paymentDate: odooDatetime(payment.updatedAt ?? payment.createdAt, `payment ${payment.id} updatedAt`).slice(0, 10),
    };
  },
});
