// FSU ↔ canonical TrackingEvent: one event per status line, and one status line per event. FSU dates
// carry no year and times are station-local, so the caller supplies the receipt time and UTC offsets.
import { createHash } from 'node:crypto';
import type { TrackingEvent } from '../../model';
import { CargoImpError } from './errors';
import type { Quantity } from './fields';
import { FLIGHT_STATUSES, FSU_STATUS_CODES } from './fsu-message';
import type { FsuMessage, FsuStatus, FsuStatusCode, TimeIndicator } from './fsu-message';
import { parseFsu } from './fsu-parser';
import { writeFsu } from './fsu-writer';

/** Local time → UTC: the offset (±HH:MM, or Z) of an airport on a date. FSU times are station-local. */
export type UtcOffsetResolver = (airport: string, date: string) => string;

export interface FsuReadOptions {
  /** When the file arrived (RFC 3339): each event's recordedAt, and the year for FSU dates, which have none. */
  receivedAt: string;
  /** Offsets of station-local times; without it times are read as UTC. */
  utcOffset?: UtcOffsetResolver;
  /** Who sent the message (carrier or handler code); defaults to the flight's carrier when there is one. */
  reporter?: string;
  /** Canonical event ids; defaults to a stable id from the message text and status line. */
  idFor?: (status: FsuStatus, index: number) => string;
}

export interface FsuWriteOptions {
  /** The consignment's origin and destination when the event's flight does not name them. */
  route?: { origin: string; destination: string };
  utcOffset?: UtcOffsetResolver;
  /** Message version of the header line; 14 by default. */
  version?: number;
}

const POUND_KG = 0.45359237;

export function fsuToTrackingEvents(text: string, options: FsuReadOptions): TrackingEvent[] {
  const message = parseFsu(text);
  const consignmentText = `${message.consignment.prefix}-${message.consignment.serial}${message.consignment.origin}${message.consignment.destination}`;
  const messageId = `FSU/${message.version} ${consignmentText}${message.quantity ? `/${quantityText(message.quantity)}` : ''}`;
  return message.statuses.map((status, index) => toEvent(message, status, {
    ...options,
    id: options.idFor?.(status, index) ?? stableId(text, status.line),
    messageId,
  }));
}

function toEvent(message: FsuMessage, status: FsuStatus, options: FsuReadOptions & { id: string; messageId: string }): TrackingEvent {
  const indicator = status.timeIndicators?.[0];
  const date = isoDate(status, options.receivedAt);
  const time = indicator?.time ?? status.when.time ?? '0000';
  const location = locationOf(status);
  const offset = normalizeOffset(options.utcOffset?.(location, date) ?? 'Z', status.line);
  const event: TrackingEvent = {
    id: options.id,
    awb: `${message.consignment.prefix}-${message.consignment.serial}`,
    status: status.code,
    eventTime: `${date}T${time.slice(0, 2)}:${time.slice(2)}:00${offset}`,
    timeType: timeTypeOf(status.code, indicator),
    location,
    source: { kind: 'cargo-imp', messageId: options.messageId },
    recordedAt: options.receivedAt,
  };
  if (status.discrepancy) event.discrepancyCode = status.discrepancy;
  if (status.flight) {
    event.flight = { carrier: status.flight.carrier, flightNumber: status.flight.number, date };
    if (status.flight.suffix) event.flight.suffix = status.flight.suffix;
    if (status.airports.length === 2) {
      event.flight.origin = status.airports[0] as string;
      event.flight.destination = status.airports[1] as string;
    }
  }
  const quantity = status.quantity ?? message.quantity;
  if (quantity) event.quantity = canonicalQuantity(quantity);
  if (status.name !== undefined) event.receivedBy = status.name;
  if (message.otherServiceInformation.length > 0) event.remarks = message.otherServiceInformation.join('; ');
  const reporter = options.reporter ?? status.flight?.carrier;
  if (reporter !== undefined) event.source.reporter = reporter;
  return event;
}

export function trackingEventToFsu(event: TrackingEvent, options: FsuWriteOptions = {}): string {
  return writeFsu(trackingEventToFsuMessage(event, options));
}

export function trackingEventToFsuMessage(event: TrackingEvent, options: FsuWriteOptions = {}): FsuMessage {
  if (event.houseNumber !== undefined) {
    throw new CargoImpError('UNENCODABLE', `event ${event.id} is about house waybill ${event.houseNumber}; FSU reports master or direct AWB status only (use FHL/XFSU for houses)`);
  }
  const code = event.status as FsuStatusCode;
  if (!(FSU_STATUS_CODES as readonly string[]).includes(code)) {
    throw new CargoImpError('UNENCODABLE', `status ${event.status} has no FSU status line (OSI travels as free text beside a status); send it as remarks of another status`);
  }
  const origin = event.flight?.origin ?? options.route?.origin;
  const destination = event.flight?.destination ?? options.route?.destination;
  if (origin === undefined || destination === undefined) {
    throw new CargoImpError('UNENCODABLE', `event ${event.id}: the FSU consignment line needs the AWB's origin and destination; pass options.route or give the flight its origin and destination`);
  }
  const [prefix = '', serial = ''] = event.awb.split('-');
  const local = localParts(event.eventTime, event.location, options.utcOffset);
  const status: FsuStatus = { code, line: 0, when: { day: local.day, month: local.month }, airports: airportsFor(event) };
  if (FLIGHT_STATUSES.has(code) && event.flight === undefined) {
    throw new CargoImpError('UNENCODABLE', `event ${event.id}: FSU status ${code} names a flight, but the event has none`);
  }
  if (event.flight) status.flight = { carrier: event.flight.carrier, number: event.flight.flightNumber, ...(event.flight.suffix ? { suffix: event.flight.suffix } : {}) };
  if (event.discrepancyCode) status.discrepancy = event.discrepancyCode;
  const indicator = indicatorFor(event, code);
  if (indicator === undefined) status.when.time = local.time;
  else status.timeIndicators = [{ kind: indicator, time: local.time }];
  if (event.quantity) status.quantity = fsuQuantity(event.quantity);
  if (event.receivedBy !== undefined) status.name = event.receivedBy;
  const message: FsuMessage = { version: options.version ?? 14, consignment: { prefix, serial, origin, destination }, statuses: [status], otherServiceInformation: [] };
  if (event.quantity && !event.quantity.partial) message.quantity = fsuQuantity(event.quantity);
  if (event.remarks !== undefined) message.otherServiceInformation.push(event.remarks);
  return message;
}

function timeTypeOf(code: FsuStatusCode, indicator: TimeIndicator | undefined): TrackingEvent['timeType'] {
  if (indicator?.kind === 'E') return 'estimated';
  if (indicator?.kind === 'S') return 'planned';
  if (indicator?.kind === 'A') return 'actual';
  return code === 'BKD' ? 'planned' : 'actual';
}

function indicatorFor(event: TrackingEvent, code: FsuStatusCode): TimeIndicator['kind'] | undefined {
  switch (event.timeType) {
    case 'actual':
      return undefined;
    case 'planned':
      return code === 'BKD' ? undefined : 'S';
    case 'estimated':
    case 'expected':
      return 'E';
    case 'requested':
      throw new CargoImpError('UNENCODABLE', `event ${event.id}: a requested time has no FSU time indicator (A, E or S)`);
  }
}

/** Arrival-type statuses happen at the far end of the leg; the rest at the near end. */
function locationOf(status: FsuStatus): string {
  const arrival = status.code === 'ARR' || status.code === 'RCF' || status.code === 'AWR';
  return (arrival ? status.airports[status.airports.length - 1] : status.airports[0]) as string;
}

function airportsFor(event: TrackingEvent): string[] {
  const { flight } = event;
  if (flight?.origin !== undefined && flight.destination !== undefined) return [flight.origin, flight.destination];
  return [event.location];
}

function canonicalQuantity(quantity: Quantity): NonNullable<TrackingEvent['quantity']> {
  const weightKg = quantity.weightUnit === 'L' ? Math.round(quantity.weight * POUND_KG * 10) / 10 : quantity.weight;
  const result: NonNullable<TrackingEvent['quantity']> = { pieceCount: quantity.pieces, weightKg, partial: quantity.code === 'P' };
  if (quantity.totalPieces !== undefined) result.totalPieceCount = quantity.totalPieces;
  return result;
}

function fsuQuantity(quantity: NonNullable<TrackingEvent['quantity']>): Quantity {
  const result: Quantity = { code: quantity.partial ? 'P' : 'T', pieces: quantity.pieceCount, weightUnit: 'K', weight: quantity.weightKg };
  if (quantity.partial && quantity.totalPieceCount !== undefined) result.totalPieces = quantity.totalPieceCount;
  return result;
}

function quantityText(quantity: Quantity): string {
  return `${quantity.code}${quantity.pieces}${quantity.weightUnit}${quantity.weight}${quantity.totalPieces !== undefined ? `T${quantity.totalPieces}` : ''}`;
}

/** FSU dates have no year: take the year that puts the date nearest to when the message arrived. */
function isoDate(status: FsuStatus, receivedAt: string): string {
  const received = Date.parse(receivedAt);
  if (Number.isNaN(received)) throw new CargoImpError('BAD_DATE', `receivedAt "${receivedAt}" is not an RFC 3339 time; it decides the year of FSU dates`);
  const year = new Date(received).getUTCFullYear();
  const candidates = [year - 1, year, year + 1].map((y) => ({ y, at: Date.UTC(y, status.when.month - 1, status.when.day) }));
  candidates.sort((a, b) => Math.abs(a.at - received) - Math.abs(b.at - received));
  const best = candidates[0] as { y: number; at: number };
  const check = new Date(best.at);
  if (check.getUTCDate() !== status.when.day) {
    throw new CargoImpError('BAD_DATE', `day ${status.when.day} does not exist in month ${status.when.month} of ${best.y}`, { line: status.line, column: 1 });
  }
  return `${best.y}-${String(status.when.month).padStart(2, '0')}-${String(status.when.day).padStart(2, '0')}`;
}

function normalizeOffset(offset: string, line: number): string {
  if (offset === 'Z' || /^[+-](0[0-9]|1[0-4]):[0-5][0-9]$/.test(offset)) return offset === '+00:00' ? 'Z' : offset;
  throw new CargoImpError('BAD_DATE', `the UTC offset resolver returned "${offset}"; return ±HH:MM or Z`, { line, column: 1 });
}

function localParts(eventTime: string, airport: string, resolver: UtcOffsetResolver | undefined): { day: number; month: number; time: string } {
  const instant = Date.parse(eventTime);
  if (Number.isNaN(instant)) throw new CargoImpError('UNENCODABLE', `eventTime "${eventTime}" is not an RFC 3339 time`);
  const offset = normalizeOffset(resolver?.(airport, eventTime.slice(0, 10)) ?? 'Z', 0);
  const minutes = offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(instant + minutes * 60_000);
  const time = `${String(local.getUTCHours()).padStart(2, '0')}${String(local.getUTCMinutes()).padStart(2, '0')}`;
  return { day: local.getUTCDate(), month: local.getUTCMonth() + 1, time };
}

/** A UUID-shaped id (version 8 layout) from the message text and status line, so a re-sent file gives the same ids. */
function stableId(text: string, line: number): string {
  const hash = createHash('sha256').update(text.replace(/\r\n|\r/g, '\n').trim()).update(`\u001f${line}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
