// Canonical Payment → the payments connector's confirmPaymentIntent input (server-side confirmation
// of a payment whose method is already attached).
import { defineMapping } from '@interline/hub';
import type { Payment } from '@interline/hub';

export interface ConfirmPaymentIntentInput {
  paymentId: string;
  paymentIntentId?: string;
}

export default defineMapping<Payment, ConfirmPaymentIntentInput>({
  id: 'payments/payment-to-confirm-intent',
  from: 'Payment',
  to: 'payments.confirmPaymentIntent input',
  description: 'Confirms the PaymentIntent of a payment that awaits confirmation.',
  map(payment) {
    if (!payment || typeof payment.id !== 'string') throw new Error('input is not a Payment: id is missing');
    if (payment.provider?.name !== 'stripe') throw new Error(`payment ${payment.id} is for provider "${payment.provider?.name ?? 'none'}", not stripe`);
    if (payment.status !== 'requires_confirmation' && payment.status !== 'requires_payment_method' && payment.status !== 'requires_action') {
      throw new Error(`payment ${payment.id} has status ${payment.status}; only requires_payment_method, requires_confirmation or requires_action can be confirmed`);
    }
    const input: ConfirmPaymentIntentInput = { paymentId: payment.id };
    if (payment.provider.paymentId !== undefined) input.paymentIntentId = payment.provider.paymentId;
    return input;
  },
});
