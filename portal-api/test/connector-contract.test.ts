// The portal connector passes the shared contract kit against its stand-in simulator.
import type { TObject } from '@sinclair/typebox';
import { cargoBookingExamples, customsResponseExamples, flightExamples, paymentExamples, refundExamples, trackingEventExamples } from '@interline/hub';
import type { ConnectorDefinition } from '@interline/hub';
import { describeConnectorContract } from '@interline/hub/testing';
import { portalConnector } from '../src';
import type { StandInState } from '../src';

const withId = <T extends { id: string }>(example: T | undefined, nonce: string): T => ({ ...(example as T), id: nonce });

describeConnectorContract<StandInState>({
  definition: portalConnector as unknown as ConnectorDefinition<TObject, unknown>,
  operations: {
    recordTrackingEvent: { input: (nonce) => withId(trackingEventExamples[0], nonce), faultOperation: 'tracking-events' },
    recordSagaStep: { input: (nonce) => ({ nonce }) },
    recordCarrierAnswer: { input: (nonce) => withId(cargoBookingExamples[0], nonce) },
    recordCustomsResponse: { input: (nonce) => withId(customsResponseExamples[0], nonce) },
    recordPaymentUpdate: { input: (nonce) => withId(paymentExamples[0], nonce) },
    recordRefundUpdate: { input: (nonce) => withId(refundExamples[0], nonce) },
    recordFlightSchedule: { input: (nonce) => withId(flightExamples[1], nonce) },
  },
  faultOperation: 'recordTrackingEvent',
  countEffects: (state) => state.effects.length,
  invalidConfigs: [
    { config: { baseUrl: 'portal.example', token: 'x' }, path: '/baseUrl' },
    { config: { baseUrl: 'http://127.0.0.1:8081' }, path: '/token' },
    { config: { baseUrl: 'http://127.0.0.1:8081', token: 'x', password: 'y' }, path: '/password' },
  ],
});
