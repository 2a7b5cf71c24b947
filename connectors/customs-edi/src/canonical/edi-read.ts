// Reading EDIFACT element values back into canonical shapes: dates, numbers, money, ids split over
// two components, texts spread over several segments. Failures name the segment and what was expected.
import { toMinorUnits } from '@interline/hub';
import type { Money } from '@interline/hub';

/** A segment as parsed (or as generated): elements of components. */
export interface EdiSegment {
  tag: string;
  elements: string[][];
}

export function at(segment: EdiSegment, element: number, component = 0): string {
  return segment.elements[element]?.[component] ?? '';
}

/** CCYYMMDDHHMMSS (204) or CCYYMMDDHHMM (203), UTC → RFC 3339 with Z. */
export function readTimestamp(segment: EdiSegment, field: string): string {
  const value = at(segment, 0, 1);
  const format = at(segment, 0, 2);
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/.exec(value);
  if (!match || (format !== '204' && format !== '203')) {
    throw new Error(`DTM ${at(segment, 0)} for ${field} has "${value}" in format ${format || 'none'}; expected CCYYMMDDHHMMSS (204) or CCYYMMDDHHMM (203), UTC`);
  }
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6] ?? '00'}Z`;
}

/** CCYYMMDD (102) → YYYY-MM-DD. */
export function readDate(segment: EdiSegment, field: string): string {
  const value = at(segment, 0, 1);
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match || at(segment, 0, 2) !== '102') throw new Error(`DTM ${at(segment, 0)} for ${field} has "${value}"; expected CCYYMMDD in format 102`);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

export function readNumber(value: string, field: string): number {
  // EDIFACT allows a comma as decimal mark when no UNA says otherwise.
  const normal = value.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normal)) throw new Error(`${field} "${value}" is not a number`);
  return Number(normal);
}

export function readInteger(value: string, field: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`${field} "${value}" is not a whole number`);
  return Number(value);
}

/** MOA C516: amount (5004) and currency (6345) → Money. */
export function readMoney(segment: EdiSegment, field: string): Money {
  const currency = at(segment, 0, 2);
  if (!currency) throw new Error(`MOA ${at(segment, 0)} for ${field} has no currency (C516 6345)`);
  return { amountMinor: toMinorUnits(at(segment, 0, 1).replace(',', '.'), currency), currency };
}

/** An id written in RFF 1154 and, when longer than 35 characters, continued in 4000. */
export function readSplitId(segment: EdiSegment): string {
  return `${at(segment, 0, 1)}${at(segment, 0, 3)}`;
}

/** The C108 text of an FTX (element 4), all components joined. */
export function freeTextOf(segment: EdiSegment): string {
  return (segment.elements[3] ?? []).join('');
}

/** DOC: the code in C002 1001 (or 1000 for codes longer than 3), the reference in C503 1004 + 1366. */
export function readDocument(segment: EdiSegment): { code: string; reference: string } {
  return { code: at(segment, 0) || at(segment, 0, 3), reference: `${at(segment, 1)}${at(segment, 1, 2)}` };
}
