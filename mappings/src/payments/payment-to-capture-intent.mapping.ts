// Canonical Payment → the payments connector's capturePaymentIntent input: collect the payment's
// (current) amount from a manual-capture authorisation; less than authorised releases the rest.
import { defineMapping } from '@interline/hub';
import type { Payment } from '@interline/hub';

export interface CapturePaymentIntentInput {
  paymentId: string;
  paymentIntentId?: string;
  amountToCapture: { amountMinor: number; currency: string };
}

export default defineMapping<Payment, CapturePaymentIntentInput>({
  id: 'payments/payment-to-capture-intent',
  from: 'Payment',
  to: 'payments.capturePaymentIntent input',
  description: "Captures a manual-capture payment's amount (e.g. once the booking is confirmed at its final price).",
  map(payment) {
    if (!payment || typeof payment.id !== 'string') throw new Error('input is not a Payment: id is missing');
    if (payment.provider?.name !== 'stripe') throw new Error(`payment ${payment.id} is for provider "${payment.provider?.name ?? 'none'}", not stripe`);
    if (payment.captureMethod !== 'manual') throw new Error(`payment ${payment.id} is captured automatically; capture applies to manual-capture payments only`);
    if (payment.status !== 'requires_capture') throw new Error(`payment ${payment.id} has status ${payment.status}; only an authorised payment (requires_capture) can be captured`);
    const input: CapturePaymentIntentInput = {
      paymentId: payment.id,
      amountToCapture: { amountMinor: payment.amount.amountMinor, currency: payment.amount.currency },
    };
    if (payment.provider.paymentId !== undefined) input.paymentIntentId = payment.provider.paymentId;
    return input;
  },
});
