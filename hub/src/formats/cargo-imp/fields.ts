// Field grammars of the FSU message: AWB consignment line, quantity, flight, day/time and airports.
// Each reader returns a typed value or throws a CargoImpError that names the field and its expected form.
import { CargoImpError } from './errors';
import type { Field } from './lines';

export const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

export interface Quantity {
  /** T: the whole consignment; P: part of it (split shipment). */
  code: 'T' | 'P';
  pieces: number;
  weightUnit: 'K' | 'L';
  weight: number;
  /** With code P: pieces of the whole consignment. */
  totalPieces?: number;
}

export interface FlightId {
  carrier: string;
  number: string;
  suffix?: string;
}

export interface DayTime {
  day: number;
  /** 1–12. */
  month: number;
  /** HHMM local time, when the field carries one. */
  time?: string;
}

export interface Consignment {
  prefix: string;
  serial: string;
  origin: string;
  destination: string;
}

const at = (field: Field, line: number) => ({ line, column: field.column });

/** `020-12345675FRAJFK`: AWB prefix, serial with mod-7 check digit, origin and destination airports. */
export function readConsignment(field: Field, line: number): Consignment {
  const match = /^([0-9]{3})-([0-9]{8})([A-Z]{3})([A-Z]{3})$/.exec(field.value);
  if (!match) {
    throw new CargoImpError('BAD_CONSIGNMENT', `consignment "${field.value}" must be AWB prefix-serial then origin and destination airports, e.g. 020-12345675FRAJFK`, at(field, line));
  }
  const [, prefix = '', serial = '', origin = '', destination = ''] = match;
  const expected = Number(serial.slice(0, 7)) % 7;
  if (Number(serial.slice(7)) !== expected) {
    throw new CargoImpError('AWB_CHECK_DIGIT', `AWB ${prefix}-${serial} has check digit ${serial.slice(7)} but ${serial.slice(0, 7)} mod 7 is ${expected}; correct the serial number`, at(field, line));
  }
  return { prefix, serial, origin, destination };
}

/** `T6K358.5`, `P1K85T13`, `T2L120`: shipment description code, pieces, weight code and weight, total pieces for a part. */
export function readQuantity(field: Field, line: number): Quantity {
  const match = /^([TP])([0-9]{1,4})([KL])([0-9]{1,7}(?:\.[0-9]{1,2})?)(?:T([0-9]{1,4}))?$/.exec(field.value);
  if (!match) {
    throw new CargoImpError('BAD_QUANTITY', `quantity "${field.value}" must be T or P, pieces, K or L, weight (and T with total pieces for a part), e.g. T6K358.5 or P1K85T13`, at(field, line));
  }
  const [, code = 'T', pieces = '0', weightUnit = 'K', weight = '0', total] = match;
  if (code === 'T' && total !== undefined) {
    throw new CargoImpError('BAD_QUANTITY', `quantity "${field.value}" gives total pieces for a whole consignment (T); use P for a part consignment`, at(field, line));
  }
  const quantity: Quantity = { code: code as 'T' | 'P', pieces: Number(pieces), weightUnit: weightUnit as 'K' | 'L', weight: Number(weight) };
  if (total !== undefined) quantity.totalPieces = Number(total);
  return quantity;
}

export function writeQuantity(quantity: Quantity): string {
  const total = quantity.code === 'P' && quantity.totalPieces !== undefined ? `T${quantity.totalPieces}` : '';
  return `${quantity.code}${quantity.pieces}${quantity.weightUnit}${formatWeight(quantity.weight)}${total}`;
}

function formatWeight(weight: number): string {
  return String(Math.round(weight * 100) / 100);
}

/** `LH400`, `5X1234A`: airline designator, 1–4 digit flight number, optional operational suffix. */
export function readFlight(field: Field, line: number): FlightId {
  const match = /^([A-Z]{2}|[A-Z][0-9]|[0-9][A-Z])([0-9]{1,4})([A-Z])?$/.exec(field.value);
  if (!match) {
    throw new CargoImpError('BAD_FLIGHT', `flight "${field.value}" must be a 2-character airline designator and 1–4 digits with an optional suffix letter, e.g. LH400`, at(field, line));
  }
  const [, carrier = '', number = '', suffix] = match;
  return suffix === undefined ? { carrier, number } : { carrier, number, suffix };
}

export function isFlight(value: string): boolean {
  return /^([A-Z]{2}|[A-Z][0-9]|[0-9][A-Z])[0-9]{1,4}[A-Z]?$/.test(value);
}

/** `14MAR` or `14MAR0947`: day, month and an optional local time. */
export function readDayTime(field: Field, line: number): DayTime {
  const match = /^([0-9]{2})([A-Z]{3})((?:[01][0-9]|2[0-3])[0-5][0-9])?$/.exec(field.value);
  const month = match ? MONTHS.indexOf(match[2] as (typeof MONTHS)[number]) + 1 : 0;
  const day = match ? Number(match[1]) : 0;
  if (!match || month === 0 || day < 1 || day > 31) {
    throw new CargoImpError('BAD_DATE', `date "${field.value}" must be day, 3-letter month and optional local time HHMM, e.g. 14MAR or 14MAR0947`, at(field, line));
  }
  return match[3] === undefined ? { day, month } : { day, month, time: match[3] };
}

export function writeDayTime(value: DayTime): string {
  return `${String(value.day).padStart(2, '0')}${MONTHS[value.month - 1]}${value.time ?? ''}`;
}

/** One airport (`FRA`) or a pair (`FRAJFK`). */
export function readAirports(field: Field, line: number): string[] {
  if (/^[A-Z]{3}$/.test(field.value)) return [field.value];
  if (/^[A-Z]{6}$/.test(field.value)) return [field.value.slice(0, 3), field.value.slice(3)];
  throw new CargoImpError('BAD_AIRPORT', `airport field "${field.value}" must be one IATA airport code (FRA) or two run together (FRAJFK)`, at(field, line));
}
