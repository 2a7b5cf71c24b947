// The GDS connector: an Amadeus-style SOAP client (SoapHeader 4 sessions, PasswordDigest, WS-Addressing)
// for PNRs, availability and queues; queue polling into pnr.created / pnr.changed; and PAXLST passenger
// lists to the border authority as EDIFACT files. Ships its WSDL and a simulator built from it.
import { defineConnector } from '@interline/hub';
import { GdsClient } from './client';
import { GdsConfigSchema } from './config';
import { availability } from './operations/availability';
import { createPnr } from './operations/create-pnr';
import { retrievePnr } from './operations/retrieve-pnr';
import { sendPassengerList } from './operations/send-passenger-list';
import { gdsSimulator } from './simulator';
import { queueChanges } from './sources/queue-changes';

export const gdsConnector = defineConnector({
  id: 'gds',
  version: '1.0.0',
  summary: 'Amadeus-style GDS over SOAP: createPnr, retrievePnr, availability; queue polling emits pnr.created / pnr.changed; sendPassengerList writes PAXLST D.05B files for the border authority.',
  config: GdsConfigSchema,
  connect: (config, ctx) => new GdsClient(config, ctx.logger, ctx.state),
  operations: { createPnr, retrievePnr, availability, sendPassengerList },
  sources: { queue: queueChanges },
  health: (client) => client.health(),
  simulator: gdsSimulator,
});

export default gdsConnector;

export { GdsClient, SESSION_RESTARTS } from './client';
export type { GdsOperationName } from './client';
export { GdsConfigSchema, DEFAULT_POLL_INTERVAL_MS, DEFAULT_QUEUE_NUMBER, DEFAULT_TIMEOUT_MS } from './config';
export type { GdsConfig } from './config';
export { CreatePnrInputSchema, SegmentRequestSchema } from './operations/create-pnr-input';
export type { CreatePnrInput, SegmentRequest } from './operations/create-pnr-input';
export type { CreatePnrResult } from './operations/create-pnr';
export { RetrievePnrInputSchema } from './operations/retrieve-pnr';
export { AvailabilityInputSchema } from './operations/availability';
export type { AvailableFlight } from './operations/availability';
export { SendPassengerListInputSchema } from './operations/send-passenger-list';
export type { SendPassengerListResult } from './operations/send-passenger-list';
export { PNR_ENTITY } from './operations/pnr-lookup';
export { pnrFromReply, canonicalPnrIdFor, GDS_SYSTEM } from './canonical/pnr-from-reply';
export { pnrReplyToPnr, gdsMappings } from './canonical/mappings';
export { pollQueue, QUEUE_TICK_MS } from './sources/queue-changes';
export type { QueuePollReport } from './sources/queue-changes';
export { paxlstInterchangeText, messageReference } from './paxlst/paxlst-interchange';
export { validatePaxlst } from './paxlst/validate';
export { passwordDigest } from './soap/password-digest';
export { ForbiddenDoctypeError, assertNoDoctype, hasDoctype } from './soap/xml-guard';
export { readFault, errorForFault, SessionLostError } from './soap/faults';
export { wsdlPath } from './package-root';
