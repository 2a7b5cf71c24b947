// Public API of the SSIM chapter 7 codec: schedule data sets parsed (line by line or whole),
// turned into canonical Flight legs, expanded into dated legs with UTC times, and written back.
export { SsimError, formatSsimIssue } from './errors';
export type { SsimIssue } from './errors';
export { SSIM_MONTHS, readSsimDate, writeSsimDate, readUtcVariation, readDaysOfOperation, writeDaysOfOperation } from './fields';
export { RECORD_LENGTH } from './layout';
export type { SsimCarrier, SsimCarrierBlock, SsimFile, SsimHeader, SsimLeg, SsimSegment, SsimStation, SsimTrailer } from './records';
export { SsimParser, parseSsim } from './parser';
export type { SsimParseOptions } from './parser';
export { ssimFlightId, ssimLegToFlight, ssimToFlights } from './to-flights';
export type { SsimToFlightOptions } from './to-flights';
export { expandDatedLegs, MAX_WINDOW_DAYS } from './dated-legs';
export type { DatedLeg } from './dated-legs';
export { writeSsim } from './writer';
export type { SsimWriteInput } from './writer';
