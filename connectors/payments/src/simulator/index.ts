// The payments connector's simulator: a stateful Stripe-like API on loopback, with signed webhooks
// and the shared /__sim control plane.
import type { SimulatorDefinition, SimulatorHandle } from '@interline/hub';
import type { PaymentsConfig } from '../config';
import { SIMULATOR_SECRET_KEY, SIMULATOR_WEBHOOK_SECRET } from './credentials';
import { startStripeSimulator } from './server';

export * from './credentials';
export * from './server';
export { signPayload } from './webhook-sender';
export type { DeliveryAttempt, StripeEventJson, WebhookSettings } from './webhook-sender';
export type { Effect, IntentJson, RefundJson } from './ledger';
export type { SettingsPatch } from './settings';
export { testPaymentMethodIds } from './test-payment-methods';

export const paymentsSimulator: SimulatorDefinition<PaymentsConfig> = {
  summary:
    'Stripe-like API: PaymentIntents and Refunds with state, test payment methods (pm_card_visa, declines, 3-D Secure), idempotency keys, rate limits, Stripe error bodies and signed webhooks with retries.',
  start: (options) => startStripeSimulator(options),
  configFor: (handle: SimulatorHandle): PaymentsConfig => ({
    secretKey: SIMULATOR_SECRET_KEY,
    apiBase: handle.baseUrl,
    webhookSecret: SIMULATOR_WEBHOOK_SECRET,
  }),
};
