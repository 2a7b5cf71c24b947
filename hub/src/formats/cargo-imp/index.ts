// Public API of the Cargo-IMP codec: FSU status messages parsed, written, and mapped to and from TrackingEvent.
export { CargoImpError } from './errors';
export type { CargoImpErrorCode, CargoImpPosition } from './errors';
export { MONTHS } from './fields';
export type { Consignment, DayTime, FlightId, Quantity } from './fields';
export { DISCREPANCY_CODES, FLIGHT_STATUSES, FSU_STATUS_CODES, NAMED_STATUSES } from './fsu-message';
export type { FsuDiscrepancyCode, FsuMessage, FsuStatus, FsuStatusCode, TimeIndicator } from './fsu-message';
export { parseFsu } from './fsu-parser';
export { writeFsu } from './fsu-writer';
export { fsuToTrackingEvents, trackingEventToFsu, trackingEventToFsuMessage } from './fsu-tracking';
export type { FsuReadOptions, FsuWriteOptions, UtcOffsetResolver } from './fsu-tracking';
