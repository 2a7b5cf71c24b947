// The ONE Record simulator definition: starts the loopback server and hands out the connector config
// that points at it (client credentials and the notification token included).
import type { SimulatorDefinition, SimulatorHandle, SimulatorHubContext } from '@interline/hub';
import type { OneRecordConfig } from '../config';
import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET, SIMULATOR_NOTIFICATION_TOKEN } from './credentials';
import { startOneRecordSimulator } from './server';

export * from './credentials';
export { startOneRecordSimulator } from './server';
export type { OneRecordSimulatorHandle } from './server';
export type { SimulatorSettings, ChangeRequestPolicy } from './settings';
export type { DeliveryRecord } from './notifier';

export const oneRecordSimulator: SimulatorDefinition<OneRecordConfig> = {
  summary: 'ONE Record server subset: OAuth token endpoint, server information, logistics objects with revisions, change requests decided on a timer, events with filters, subscriptions and notifications, api:Error answers, NE:ONE-style switch.',
  start: (options) => startOneRecordSimulator(options),
  configFor: (handle: SimulatorHandle, hub?: SimulatorHubContext): OneRecordConfig => ({
    serverUrl: handle.baseUrl,
    oauth: { endpoint: `${handle.baseUrl}/oauth/token`, clientId: SIMULATOR_CLIENT_ID, clientSecret: SIMULATOR_CLIENT_SECRET },
    notifications: { bearerToken: SIMULATOR_NOTIFICATION_TOKEN },
    // Interline's ONE Record root is this instance's webhook folder on the hub, so the simulator's
    // notifications for our subscriptions reach <root>/notifications (default port when unknown).
    subscriber: { serverUrl: `${hub?.hubUrl ?? 'http://127.0.0.1:8080'}/webhooks/${hub?.instance ?? 'iata-onerecord'}` },
    changeRequestPollMs: 20,
    changeRequestTimeoutMs: 3_000,
  }),
};
