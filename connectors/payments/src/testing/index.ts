// Test helpers for code that uses the payments connector: its simulator, credentials and signer.
export {
  paymentsSimulator,
  startStripeSimulator,
  signPayload,
  testPaymentMethodIds,
  SIMULATOR_SECRET_KEY,
  SIMULATOR_WEBHOOK_SECRET,
} from '../simulator';
export type { StripeSimulatorHandle, StripeSimulatorState, StripeEventJson, IntentJson, RefundJson, Effect, DeliveryAttempt, SettingsPatch, RecordedRequest } from '../simulator';
