// Canonical Payment (payment.requested) → the payments connector's createPaymentIntent input.
import { defineMapping } from '@interline/hub';
import type { Payment } from '@interline/hub';

export interface CreatePaymentIntentInput {
  paymentId: string;
  amount: { amountMinor: number; currency: string };
  captureMethod: 'automatic' | 'manual';
  links: Payment['links'];
  customerPartyId?: string;
  customerId?: string;
  description?: string;
}

export default defineMapping<Payment, CreatePaymentIntentInput>({
  id: 'payments/payment-to-create-intent',
  from: 'Payment (payment.requested)',
  to: 'payments.createPaymentIntent input',
  description: 'A requested Stripe payment becomes a PaymentIntent; the customer confirms it client-side.',
  map(payment) {
    if (!payment || typeof payment.id !== 'string') throw new Error('input is not a Payment: id is missing');
    if (!payment.amount || !Number.isInteger(payment.amount.amountMinor)) throw new Error(`payment ${payment.id}: amount.amountMinor is missing`);
    if (payment.provider?.name !== 'stripe') {
      throw new Error(`payment ${payment.id} is for provider "${payment.provider?.name ?? 'none'}", not stripe; filter the route on data.provider.name = 'stripe'`);
    }
    if (payment.provider.paymentId !== undefined) {
      throw new Error(`payment ${payment.id} already has PaymentIntent ${payment.provider.paymentId}; confirm, capture or cancel it instead of creating another`);
    }
    if (payment.status !== 'requires_payment_method' && payment.status !== 'requires_confirmation') {
      throw new Error(`payment ${payment.id} has status ${payment.status}; only a payment not yet attempted (requires_payment_method or requires_confirmation) gets a new PaymentIntent`);
    }
    const input: CreatePaymentIntentInput = {
      paymentId: payment.id,
      amount: { amountMinor: payment.amount.amountMinor, currency: payment.amount.currency },
      captureMethod: payment.captureMethod,
      links: payment.links,
    };
    if (payment.customerPartyId !== undefined) input.customerPartyId = payment.customerPartyId;
    if (payment.provider.customerId !== undefined) input.customerId = payment.provider.customerId;
    if (payment.description !== undefined) input.description = payment.description;
    return input;
  },
});
