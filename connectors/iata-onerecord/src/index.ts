// The IATA ONE Record connector: publish canonical shipments, bookings and tracking events as ONE Record
// logistics objects and events on a partner server, and turn the partner's notifications and events
// into canonical events. One definition drives config validation, docs and the contract kit.
import { defineConnector } from '@interline/hub';
import { OneRecordClient } from './client';
import { OneRecordConfigSchema } from './config';
import { postLogisticsEvent } from './operations/post-logistics-event';
import { publishLogisticsObjects } from './operations/publish-logistics-objects';
import { readLogisticsEvents } from './operations/read-logistics-events';
import { subscribe } from './operations/subscribe';
import { oneRecordSimulator } from './simulator';
import { notifications } from './sources/notifications';
import { subscriptions } from './sources/subscriptions';

export const oneRecordConnector = defineConnector({
  id: 'iata-onerecord',
  version: '1.0.0',
  summary: 'IATA ONE Record (API 2.2/2.3, cargo ontology 3.2): logistics objects, change requests, logistics events, subscriptions and notifications over JSON-LD.',
  config: OneRecordConfigSchema,
  connect: (config, ctx) => new OneRecordClient(config, { logger: ctx.logger, state: ctx.state }),
  operations: { publishLogisticsObjects, postLogisticsEvent, readLogisticsEvents, subscribe },
  sources: { notifications, subscriptions },
  health: (client) => client.health(),
  simulator: oneRecordSimulator,
});

export default oneRecordConnector;

export { OneRecordClient } from './client';
export type { ActionRequestState, FetchedObject, NotificationTokenCheck } from './client';
export { OneRecordConfigSchema, DEFAULT_CHANGE_POLL_MS, DEFAULT_CHANGE_TIMEOUT_MS, DEFAULT_TIMEOUT_MS } from './config';
export type { OneRecordConfig } from './config';
export { LOCAL_CONTEXTS, RemoteContextRefusedError, localDocumentLoader, oneRecordContext } from './jsonld/document-loader';
export { JsonLdDocumentError, compactDocument, expandDocument, flattenDocument } from './jsonld/json-ld';
export { LinkedGraph } from './jsonld/graph';
export { readShipment } from './model/shipment-reader';
export { readTrackingEvent } from './model/event-reader';
export type { EventReadOptions, EventSubject } from './model/event-reader';
export { readBooking } from './model/booking-reader';
export { readPartyRef } from './model/party-reader';
export { chooseApiVersion, mediaType, parseMediaType } from './protocol/media-type';
export { describeApiError, errorForResponse, readApiError } from './protocol/api-error';
export type { ApiErrorBody, ApiErrorDetail } from './protocol/api-error';
export { TokenClient } from './protocol/token-client';
export { subscriptionProposal } from './sources/subscriptions';
export { API, CARGO, CODE_LISTS, SUPPORTED_API_VERSIONS } from './vocabulary';
export type { ApiVersion } from './vocabulary';
