// The payments connector's simulator: a stateful Stripe-like API on loopback, with signed webhooks
// and the shared /__sim control plane.
import type { SimulatorDefinition, SimulatorHandle, SimulatorHubContext } from '@interline/hub';
import type { PaymentsConfig } from '../config';
import { SIMULATOR_SECRET_KEY, SIMULATOR_WEBHOOK_SECRET } from './credentials';
import { startStripeSimulator } from './server';
import type { StripeSimulatorHandle } from './server';

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
  configFor: (handle: SimulatorHandle, hub?: SimulatorHubContext): PaymentsConfig => {
    // In the embedded runtime the simulator sends its signed events to this instance's webhook
    // source, as a Stripe webhook endpoint would be configured in the dashboard.
    const own = handle as Partial<StripeSimulatorHandle>;
    if (hub?.hubUrl !== undefined && typeof own.configure === 'function') own.configure({ webhook: { url: `${hub.hubUrl}/webhooks/${hub.instance}/webhook` } });
    return { secretKey: SIMULATOR_SECRET_KEY, apiBase: handle.baseUrl, webhookSecret: SIMULATOR_WEBHOOK_SECRET };
  },
};
