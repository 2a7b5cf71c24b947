// The portal connector: how the hub reaches the portal back. Its operations apply canonical events
// (tracking milestones, saga step results, carrier answers, customs and payment outcomes) to the
// portal's state through the portal's internal endpoints, with a service token.
import { defineConnector } from '@interline/hub';
import { PortalClient } from './client';
import { PortalConnectorConfigSchema } from './config';
import type { PortalConnectorConfig } from './config';
import { recordCarrierAnswer, recordCustomsResponse, recordFlightSchedule, recordPaymentUpdate, recordRefundUpdate, recordSagaStep, recordTrackingEvent } from './operations';
import { STAND_IN_TOKEN, startPortalStandIn } from './simulator/stand-in';

export const portalConnector = defineConnector({
  id: 'portal',
  version: '1.0.0',
  summary: 'The portal API’s internal endpoints: keeps tracking, bookings (saga), flight schedules, customs and payment state in the portal in step with hub events.',
  config: PortalConnectorConfigSchema,
  connect: (config) => new PortalClient(config),
  operations: { recordTrackingEvent, recordSagaStep, recordCarrierAnswer, recordCustomsResponse, recordPaymentUpdate, recordRefundUpdate, recordFlightSchedule },
  health: (client) => client.health(),
  simulator: {
    summary: 'A stand-in for the portal’s internal endpoints: checks the token, records deliveries (deduplicated by Idempotency-Key), serves /__sim.',
    start: (options) => startPortalStandIn(options),
    configFor: (handle): PortalConnectorConfig => ({ baseUrl: handle.baseUrl, token: STAND_IN_TOKEN }),
  },
});

export { PortalConnectorConfigSchema, PortalClient };
export type { PortalConnectorConfig };
export { startPortalStandIn, STAND_IN_TOKEN } from './simulator/stand-in';
export type { StandInState } from './simulator/stand-in';
