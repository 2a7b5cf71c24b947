// Writing canonical values into EDIFACT elements: dates, numbers, money, long texts cut to the
// element sizes of D.96B, and ids longer than one element. Every limit that cannot be met is an
// error naming the field, never a silent truncation.
import { fromMinorUnits } from '@interline/hub';
import type { Money } from '@interline/hub';

/** A segment as the engine's generator takes it: elements of components, all text. */
export interface EdiSegment {
  tag: string;
  elements: string[][];
}

/** The message the connector wraps in an interchange (UNH and UNT are written by the engine). */
export interface EdiMessage {
  type: string;
  version: string;
  release: string;
  agency: string;
  segments: EdiSegment[];
}

/** Mutually defined code lists (3055 = ZZZ) the partner agreement names; documented in the connector README. */
export const MUTUAL = 'ZZZ';

export function segment(tag: string, ...elements: Array<string | string[]>): EdiSegment {
  return { tag, elements: elements.map((element) => (typeof element === 'string' ? [element] : element)) };
}

/** RFC 3339 instant → CCYYMMDDHHMMSS in UTC (format 204): EDIFACT has no offset in 204, so UTC is agreed. */
export function ediTimestamp(value: string, field: string): string[] {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`${field} "${value}" is not an RFC 3339 timestamp`);
  const iso = new Date(time).toISOString();
  return [`${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`, '204'];
}

/** YYYY-MM-DD → CCYYMMDD (format 102). */
export function ediDate(value: string, field: string): string[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`${field} "${value}" is not a date YYYY-MM-DD`);
  return [value.replace(/-/g, ''), '102'];
}

/** A decimal without exponent or thousands separators, as n..18 wants it. */
export function ediNumber(value: number, field: string): string {
  if (!Number.isFinite(value)) throw new Error(`${field} ${value} is not a finite number`);
  const text = String(value);
  if (/e/i.test(text)) throw new Error(`${field} ${value} is too large or too small for an EDIFACT numeric element`);
  if (text.replace(/[-.]/g, '').length > 18) throw new Error(`${field} ${value} has more than 18 digits`);
  return text;
}

export function ediMoney(money: Money, field: string): string {
  try {
    return fromMinorUnits(money.amountMinor, money.currency);
  } catch (error) {
    throw new Error(`${field}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Cut text into pieces of `size` characters (the last may be shorter). */
export function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size));
  return out;
}

/** Text that must fit one element of `max` characters. */
export function fits(text: string, max: number, field: string, where: string): string {
  if (text.length > max) throw new Error(`${field} "${text}" is ${text.length} characters; ${where} holds at most ${max}`);
  return text;
}

/** An id in RFF C506: 1154 (35) and, when longer, 4000 (35); ids up to 70 characters. */
export function referenceWithId(qualifier: string, id: string, field: string): EdiSegment {
  fits(id, 70, field, 'RFF 1154 + 4000');
  return id.length <= 35 ? segment('RFF', [qualifier, id]) : segment('RFF', [qualifier, id.slice(0, 35), '', id.slice(35)]);
}

/** FTX segments with qualifier `qualifier` carrying `text` in 5 × 70 characters each. */
export function freeText(qualifier: string, text: string): EdiSegment[] {
  return chunks(text, 350).map((piece) => segment('FTX', qualifier, '', '', chunks(piece, 70)));
}
