// The payments connector: Stripe PaymentIntents and Refunds through the official `stripe` package,
// verified Stripe webhooks turned into canonical payment and refund events, and a Stripe simulator.
import { defineConnector } from '@interline/hub';
import { PaymentsClient } from './client';
import { PaymentsConfigSchema } from './config';
import { cancelPaymentIntent } from './operations/cancel-payment-intent';
import { capturePaymentIntent } from './operations/capture-payment-intent';
import { confirmPaymentIntent } from './operations/confirm-payment-intent';
import { createPaymentIntent } from './operations/create-payment-intent';
import { createRefund } from './operations/create-refund';
import { paymentsSimulator } from './simulator';
import { webhook } from './sources/webhook';

export const paymentsConnector = defineConnector({
  id: 'payments',
  version: '1.0.0',
  summary: 'Stripe payments: PaymentIntents (create, confirm, capture, cancel) and refunds with idempotency keys; verified webhooks become payment.* and refund.* events.',
  config: PaymentsConfigSchema,
  connect: (config, ctx) => new PaymentsClient(config, { logger: ctx.logger }),
  operations: { createPaymentIntent, confirmPaymentIntent, capturePaymentIntent, cancelPaymentIntent, createRefund },
  sources: { webhook },
  health: (client) => client.health(),
  simulator: paymentsSimulator,
});

export default paymentsConnector;

export { PaymentsClient, MAX_IDEMPOTENCY_KEY_LENGTH, stripeIdempotencyKey } from './client';
export type { CallInfo } from './client';
export { PaymentsConfigSchema, STRIPE_API_VERSION, DEFAULT_API_BASE, DEFAULT_WEBHOOK_TOLERANCE_SECONDS } from './config';
export type { PaymentsConfig } from './config';
export { errorForStripe, rateLimitDelayMs, scrubKeys } from './stripe-errors';
export { toStripeAmount, fromStripeAmount, stripeExponent } from './stripe-amounts';
export { METADATA } from './metadata';
export { paymentFromIntent, canonicalPaymentId } from './canonical/payment-from-intent';
export { refundFromStripe, canonicalRefundId } from './canonical/refund-from-stripe';
export { stripeEventMappings } from './canonical/mappings';
export { CreatePaymentIntentInputSchema } from './operations/create-payment-intent';
export { ConfirmPaymentIntentInputSchema } from './operations/confirm-payment-intent';
export { CapturePaymentIntentInputSchema } from './operations/capture-payment-intent';
export { CancelPaymentIntentInputSchema, CANCELLATION_REASONS } from './operations/cancel-payment-intent';
export { CreateRefundInputSchema } from './operations/create-refund';
export type { RefundResult } from './operations/create-refund';
export type { PaymentIntentResult } from './operations/shared';
export { PAYMENT_ENTITY, REFUND_ENTITY } from './operations/shared';
