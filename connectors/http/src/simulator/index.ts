// The http connector's simulator: a JSON REST sink on loopback with the shared /__sim control plane.
import type { SimulatorDefinition, SimulatorHandle } from '@interline/hub';
import type { HttpConfig } from '../config';
import { SIMULATOR_BEARER_TOKEN, SIMULATOR_WEBHOOK_SECRET } from './credentials';
import { startHttpSimulator } from './server';

export * from './credentials';
export * from './server';
export type { HttpSimulatorState, RecordedEffect, RecordedRequest, SimulatedOperation } from './rest-sink';

export const httpSimulator: SimulatorDefinition<HttpConfig> = {
  summary: 'JSON REST sink: stores every request and its distinct effects (deduplicated by Idempotency-Key), checks a fixed bearer token or basic credentials, serves GET /health and stored resources.',
  start: (options) => startHttpSimulator(options),
  configFor: (handle: SimulatorHandle): HttpConfig => ({
    baseUrl: handle.baseUrl,
    bearerToken: SIMULATOR_BEARER_TOKEN,
    webhookSecret: SIMULATOR_WEBHOOK_SECRET,
  }),
};
