// Canonical Payment (payment.canceled by the business, e.g. a booking cancelled before payment) →
// the payments connector's cancelPaymentIntent input; an authorisation is released.
import { defineMapping } from '@interline/hub';
import type { Payment } from '@interline/hub';

export interface CancelPaymentIntentInput {
  paymentId: string;
  paymentIntentId?: string;
  reason: 'requested_by_customer' | 'abandoned';
}

export default defineMapping<Payment, CancelPaymentIntentInput>({
  id: 'payments/payment-to-cancel-intent',
  from: 'Payment',
  to: 'payments.cancelPaymentIntent input',
  description: 'Cancels a payment that was not collected; a collected one needs a refund instead.',
  map(payment) {
    if (!payment || typeof payment.id !== 'string') throw new Error('input is not a Payment: id is missing');
    if (payment.provider?.name !== 'stripe') throw new Error(`payment ${payment.id} is for provider "${payment.provider?.name ?? 'none'}", not stripe`);
    if (payment.status === 'succeeded') throw new Error(`payment ${payment.id} has already been collected; refund it (refund.requested) instead of cancelling`);
    // A payment nobody could complete is abandoned; otherwise the customer (or agent) asked.
    const reason = payment.status === 'failed' || payment.status === 'requires_payment_method' ? 'abandoned' : 'requested_by_customer';
    const input: CancelPaymentIntentInput = { paymentId: payment.id, reason };
    if (payment.provider.paymentId !== undefined) input.paymentIntentId = payment.provider.paymentId;
    return input;
  },
});
