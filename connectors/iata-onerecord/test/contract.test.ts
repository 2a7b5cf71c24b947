// The shared connector contract, run against the ONE Record simulator through a real hub.
import { describeConnectorContract } from '@interline/hub/testing';
import type { MappingContext } from '@interline/hub';
import { trackingEventExamples } from '@interline/hub';
import eventMapping from '../../../mappings/src/iata-onerecord/tracking-event-to-logistics-event.mapping';
import { oneRecordConnector } from '../src';

interface SimulatorState {
  effects: { total: number };
}

const ctx: MappingContext = { envelope: { id: 'contract', type: 'test.ping', tenant: 'default', correlationid: 'contract', time: '2025-03-14T10:00:00Z' } };

describeConnectorContract<SimulatorState>({
  definition: oneRecordConnector,
  operations: {
    // One logistics object per call, so each call is exactly one effect on the server.
    publishLogisticsObjects: {
      input: (nonce) => ({
        '@context': { cargo: 'https://onerecord.iata.org/ns/cargo#' },
        '@id': `logistics-objects/contract-${nonce}`,
        '@type': 'cargo:Shipment',
        'cargo:goodsDescription': `Contract kit shipment ${nonce}`,
        'cargo:otherIdentifiers': [{ '@type': 'cargo:OtherIdentifier', 'cargo:otherIdentifierType': 'INTERLINE_ID', 'cargo:textualValue': nonce }],
      }),
      faultOperation: 'create-logistics-object',
    },
    // A departure on the simulator's own waybill 020-11111111, through the real mapping.
    postLogisticsEvent: {
      input: (nonce) => eventMapping.map({ ...trackingEventExamples[0]!, id: nonce, awb: '020-11111111', shipmentId: undefined }, ctx),
      faultOperation: 'post-logistics-event',
    },
    readLogisticsEvents: { input: () => ({ object: 'logistics-objects/waybill-020-11111111' }) },
    subscribe: { input: () => ({ topic: 'logistics-objects/partner-shipment-1', eventTypes: ['LOGISTICS_EVENT_RECEIVED'] }), faultOperation: 'subscribe' },
  },
  faultOperation: 'publishLogisticsObjects',
  countEffects: (state) => state.effects.total,
  invalidConfigs: [
    { config: {}, path: '/serverUrl' },
    { config: { serverUrl: 'not a url' }, path: '/serverUrl' },
    { config: { serverUrl: 'https://1r.partner.example', apiVersion: '1.2' }, path: '/apiVersion' },
    { config: { serverUrl: 'https://1r.partner.example', oauth: { endpoint: 'https://idp.partner.example/token', clientId: 'interline' } }, path: '/oauth/clientSecret' },
    { config: { serverUrl: 'https://1r.partner.example', notifications: { bearerToken: 'short' } }, path: '/notifications/bearerToken' },
  ],
});
