// Decoding one record of each type into its fields; problems are collected as issues with columns.
import { SERVICE_TYPES } from '../../model/flight';
import type { SsimIssue } from './errors';
import { OPEN_DATE, readDateVariation, readDaysOfOperation, readSsimDate, readSsimTime, readUtcVariation } from './fields';
import type { FieldResult } from './fields';
import { CARRIER, FLIGHT_ID, HEADER, LEG, SEGMENT, TRAILER, slice } from './layout';
import type { Columns } from './layout';
import type { SsimCarrier, SsimHeader, SsimLeg, SsimSegment, SsimStation, SsimTrailer } from './records';

/** Reads fields of one record, collecting an issue per bad field. */
export class FieldReader {
  readonly issues: SsimIssue[] = [];
  constructor(
    readonly record: string,
    readonly line: number,
  ) {}

  text(columns: Columns): string {
    return slice(this.record, columns);
  }

  fail(columns: Columns, field: string, message: string): void {
    this.issues.push({ line: this.line, columns: [columns[0], columns[1]], field, message });
  }

  /** Apply a field reader; on a problem, record it and answer the fallback. */
  read<T>(columns: Columns, field: string, reader: (text: string) => FieldResult<T>, fallback: T): T {
    const result = reader(this.text(columns));
    if (result.ok) return result.value;
    this.fail(columns, field, result.problem);
    return fallback;
  }

  match(columns: Columns, field: string, pattern: RegExp, problem: (text: string) => string): string {
    const text = this.text(columns);
    if (!pattern.test(text)) this.fail(columns, field, problem(text));
    return text;
  }
}

export function readSerial(reader: FieldReader): number {
  const text = reader.text([195, 200]);
  if (!/^\d{6}$/.test(text)) {
    reader.fail([195, 200], 'record serial number', `record serial number '${text}' is not 6 digits (000001, 000002, … in file order)`);
    return Number.NaN;
  }
  return Number(text);
}

const TITLE = 'AIRLINE STANDARD SCHEDULE DATA SET';

export function readHeader(reader: FieldReader): SsimHeader {
  const title = reader.text(HEADER.title).trimEnd();
  if (title !== TITLE) reader.fail(HEADER.title, 'title of contents', `title of contents '${title}' must be '${TITLE}'`);
  const seasons = reader.text(HEADER.numberOfSeasons);
  const header: SsimHeader = { line: reader.line, title, dataSetSerial: reader.text(HEADER.dataSetSerial).trim(), serial: readSerial(reader) };
  if (/^\d$/.test(seasons)) header.numberOfSeasons = Number(seasons);
  return header;
}

function airline(reader: FieldReader, columns: Columns): string {
  const text = reader.text(columns);
  if (!/^([A-Z]{2}|[A-Z][0-9]|[0-9][A-Z]) $/.test(text)) {
    reader.fail(columns, 'airline designator', `airline designator '${text}' is not a two-character IATA designator followed by a space (e.g. 'LH ')`);
  }
  return text.trim();
}

export function readCarrier(reader: FieldReader): SsimCarrier {
  const timeMode = reader.text(CARRIER.timeMode);
  if (timeMode !== 'L' && timeMode !== 'U') reader.fail(CARRIER.timeMode, 'time mode', `time mode '${timeMode}' must be L (local times) or U (UTC)`);
  const from = reader.read(CARRIER.validFrom, 'period of schedule validity from', (t) => readSsimDate(t, 'schedule validity from date'), '');
  const to = reader.read(CARRIER.validTo, 'period of schedule validity to', (t) => readSsimDate(t, 'schedule validity to date'), '');
  if (from && to && to < from) reader.fail([15, 28], 'period of schedule validity', `schedule validity ends (${to}) before it starts (${from}); swap the dates`);
  const creationTime = reader.text(CARRIER.creationTime);
  const carrier: SsimCarrier = {
    line: reader.line,
    timeMode: timeMode === 'U' ? 'U' : 'L',
    airline: airline(reader, CARRIER.airline),
    season: reader.text(CARRIER.season).trim(),
    validity: { from, to },
    creationDate: reader.read(CARRIER.creationDate, 'creation date', (t) => readSsimDate(t, 'creation date'), ''),
    title: reader.text(CARRIER.title).trim(),
    scheduleStatus: reader.text(CARRIER.scheduleStatus).trim(),
    serial: readSerial(reader),
  };
  if (creationTime.trim() !== '') carrier.creationTime = reader.read(CARRIER.creationTime, 'creation time', (t) => readSsimTime(t, 'creation time'), '');
  return carrier;
}

function flightNumber(reader: FieldReader): string {
  const text = reader.match(FLIGHT_ID.flightNumber, 'flight number', /^ *\d{1,4}$/, (t) => `flight number '${t}' is not 1-4 digits right-justified in columns 6-9 (e.g. ' 400' or '0400')`);
  return String(Number(text.trim() || '0'));
}

function twoDigits(reader: FieldReader, columns: Columns, field: string): number {
  const text = reader.match(columns, field, /^\d{2}$/, (t) => `${field} '${t}' is not two digits (01-99)`);
  return Number(text);
}

function serviceType(reader: FieldReader): string {
  const text = reader.text(FLIGHT_ID.serviceType);
  if (!Object.hasOwn(SERVICE_TYPES, text)) {
    reader.fail(FLIGHT_ID.serviceType, 'service type', `service type '${text}' is not an SSIM Appendix C code (${Object.keys(SERVICE_TYPES).join(', ')}); F = scheduled cargo`);
  }
  return text;
}

function station(reader: FieldReader, which: 'departure' | 'arrival'): SsimStation {
  const columns = which === 'departure'
    ? { station: LEG.departureStation, passenger: LEG.passengerStd, aircraft: LEG.aircraftStd, variation: LEG.departureVariation, terminal: LEG.departureTerminal }
    : { station: LEG.arrivalStation, passenger: LEG.passengerSta, aircraft: LEG.aircraftSta, variation: LEG.arrivalVariation, terminal: LEG.arrivalTerminal };
  const kind = which === 'departure' ? 'STD' : 'STA';
  const result: SsimStation = {
    station: reader.match(columns.station, `${which} station`, /^[A-Z]{3}$/, (t) => `${which} station '${t}' is not a three-letter IATA airport code`),
    passengerTime: reader.read(columns.passenger, `passenger ${kind}`, (t) => readSsimTime(t, `passenger ${kind}`), '00:00'),
    aircraftTime: reader.read(columns.aircraft, `aircraft ${kind}`, (t) => readSsimTime(t, `aircraft ${kind}`), '00:00'),
    utcVariation: reader.read(columns.variation, `UTC/local time variation (${which})`, (t) => readUtcVariation(t, `${which} UTC/local time variation`), '+00:00'),
  };
  const terminal = reader.text(columns.terminal).trim();
  if (terminal !== '') {
    if (/^[A-Z0-9]{1,2}$/.test(terminal)) result.terminal = terminal;
    else reader.fail(columns.terminal, `${which} terminal`, `${which} terminal '${terminal}' must be one or two letters or digits`);
  }
  return result;
}

export function readLeg(reader: FieldReader, validityTo: string): SsimLeg {
  const suffix = reader.text(FLIGHT_ID.suffix);
  const from = reader.read(LEG.periodFrom, 'period of operation from', (t) => readSsimDate(t, 'period from date'), '');
  const toText = reader.text(LEG.periodTo);
  // 00XXX00 = until further notice: the carrier's schedule validity bounds it.
  const to = toText === OPEN_DATE && validityTo ? validityTo : reader.read(LEG.periodTo, 'period of operation to', (t) => readSsimDate(t, 'period to date'), '');
  if (from && to && to < from) reader.fail([15, 28], 'period of operation', `period of operation ends (${to}) before it starts (${from}); swap the dates`);
  const frequency = reader.text(LEG.frequencyRate);
  if (frequency !== ' ' && frequency !== '1') {
    reader.fail(LEG.frequencyRate, 'frequency rate', `frequency rate '${frequency}' (every ${frequency} weeks) is not supported: the canonical Flight is weekly; split the period into weekly periods`);
  }
  const leg: SsimLeg = {
    line: reader.line,
    airline: airline(reader, FLIGHT_ID.airline),
    flightNumber: flightNumber(reader),
    itineraryVariation: twoDigits(reader, FLIGHT_ID.itineraryVariation, 'itinerary variation identifier'),
    legSequence: twoDigits(reader, FLIGHT_ID.legSequence, 'leg sequence number'),
    serviceType: serviceType(reader),
    period: { from, to },
    daysOfOperation: reader.read(LEG.days, 'days of operation', readDaysOfOperation, []),
    departure: station(reader, 'departure'),
    arrival: station(reader, 'arrival'),
    aircraftType: reader.match(LEG.aircraftType, 'aircraft type', /^[A-Z0-9]{3}$/, (t) => `aircraft type '${t}' is not a three-character IATA aircraft type (e.g. 77F, 744)`),
    departureDateVariation: reader.read(LEG.departureDateVariation, 'date variation (departure)', (t) => readDateVariation(t, 'departure date variation'), 0),
    arrivalDateVariation: reader.read(LEG.arrivalDateVariation, 'date variation (arrival)', (t) => readDateVariation(t, 'arrival date variation'), 0),
    segments: [],
    serial: readSerial(reader),
  };
  if (suffix !== ' ') {
    if (/^[A-Z]$/.test(suffix)) leg.suffix = suffix;
    else reader.fail(FLIGHT_ID.suffix, 'operational suffix', `operational suffix '${suffix}' must be a letter or a space`);
  }
  return leg;
}

/** The flight identity (columns 2-11) a segment record must share with its flight leg. */
export function flightKey(record: string): string {
  return `${slice(record, [2, 11])}`;
}

export function readSegment(reader: FieldReader): SsimSegment {
  const dei = reader.match(SEGMENT.dataElementIdentifier, 'data element identifier', /^\d{3}$/, (t) => `data element identifier '${t}' is not three digits (e.g. 010, 127)`);
  return {
    line: reader.line,
    boardPoint: reader.match(SEGMENT.boardPoint, 'board point', /^[A-Z]{3}$/, (t) => `board point '${t}' is not a three-letter IATA airport code`),
    offPoint: reader.match(SEGMENT.offPoint, 'off point', /^[A-Z]{3}$/, (t) => `off point '${t}' is not a three-letter IATA airport code`),
    dataElementIdentifier: Number(dei),
    data: reader.text(SEGMENT.data).trimEnd(),
    serial: readSerial(reader),
  };
}

export function readTrailer(reader: FieldReader): SsimTrailer {
  const endCode = reader.text(TRAILER.endCode);
  if (endCode !== 'E' && endCode !== 'C') reader.fail(TRAILER.endCode, 'continuation/end code', `continuation/end code '${endCode}' must be E (end of data set) or C (continued)`);
  const check = reader.match(TRAILER.serialCheckReference, 'serial number check reference', /^\d{6}$/, (t) => `serial number check reference '${t}' is not 6 digits (the serial number of the record before the trailer)`);
  return { line: reader.line, airline: airline(reader, TRAILER.airline), serialCheckReference: Number(check), endCode: endCode === 'C' ? 'C' : 'E', serial: readSerial(reader) };
}
