// Test helpers for code that uses the http connector: its simulator and the webhook signer.
export { httpSimulator, startHttpSimulator, SIMULATOR_BASIC, SIMULATOR_BEARER_TOKEN, SIMULATOR_WEBHOOK_SECRET } from '../simulator';
export type { HttpSimulatorHandle, HttpSimulatorState, RecordedEffect, RecordedRequest } from '../simulator';
export { signWebhookPayload } from '../webhook-signature';
