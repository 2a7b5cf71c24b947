// Finding where an interchange starts (UNA or UNB, past banners when allowed) and vetting the UNA.
import { EdifactError, SyntaxErrorCode } from './errors';
import type { Leniency } from './leniency';
import { leniencyHint } from './leniency';
import {
  type UnaAdvice,
  UNA_LENGTH,
  describeCharacter,
  isImpossibleServiceCharacter,
  isStandardServiceCharacter,
  isUnaAt,
  readUna,
} from './syntax';

const U = 0x55;
const N = 0x4e;
const B = 0x42;
const SPACE = 0x20;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isUnbAt(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === U && bytes[at + 1] === N && bytes[at + 2] === B;
}

/** A UNB that really starts an interchange: not part of a word, followed by a separator. */
function isPlausibleUnb(bytes: Uint8Array, at: number): boolean {
  if (!isUnbAt(bytes, at)) return false;
  const next = bytes[at + 3];
  const before = at > 0 ? bytes[at - 1]! : SPACE;
  return next !== undefined && !isAlphanumeric(next) && !isWhitespace(next) && !isAlphanumeric(before);
}

/** A UNA whose nine characters are followed (past line breaks) by UNB. */
function isPlausibleUna(bytes: Uint8Array, at: number): boolean | undefined {
  if (!isUnaAt(bytes, at)) return false;
  let next = at + UNA_LENGTH;
  while (next < bytes.length && (bytes[next] === 0x0a || bytes[next] === 0x0d)) next++;
  if (next + 3 > bytes.length) return undefined; // not enough bytes yet to tell
  return isUnbAt(bytes, next);
}

export interface StartSearch {
  /** Offset of UNA/UNB in the bytes, or -1 when more bytes are needed. */
  at: number;
  /** True when the bytes before `at` are more than whitespace (a tolerated banner). */
  skippedText: boolean;
}

/**
 * Locates the interchange start in the first bytes of a stream. Leading whitespace is always accepted;
 * other leading text only with leniency.textAroundInterchange. Throws when the start can never be found.
 */
export function findInterchangeStart(bytes: Buffer, leniency: Leniency, final: boolean, maxPreamble: number): StartSearch {
  let first = 0;
  while (first < bytes.length && isWhitespace(bytes[first]!)) first++;
  if (bytes.length - first >= 3 && (isUnaAt(bytes, first) || isUnbAt(bytes, first))) {
    // UNA needs its nine characters, UNB the separator after its tag, before anything can be decided.
    const needed = isUnaAt(bytes, first) ? UNA_LENGTH : 4;
    if (bytes.length - first < needed && !final) return { at: -1, skippedText: false };
    return { at: first, skippedText: false };
  }
  if (bytes.length - first < 3 && !final) return { at: -1, skippedText: false };
  for (let at = first; at + 3 <= bytes.length; at++) {
    if (bytes[at] !== U) continue;
    const una = isPlausibleUna(bytes, at);
    if (una === undefined && !final) return { at: -1, skippedText: false };
    if (una === true || isPlausibleUnb(bytes, at)) {
      if (!leniency.textAroundInterchange) {
        throw new EdifactError({
          code: 'TEXT_BEFORE_INTERCHANGE',
          syntaxError: SyntaxErrorCode.INVALID_OCCURRENCE_OUTSIDE_MESSAGE,
          detail: `${at} bytes of text (${preview(bytes, 0, Math.min(at, 24))}) come before the interchange start ${una === true ? 'UNA' : 'UNB'}`,
          byteOffset: 0,
          hint: `remove the banner before sending, or ${leniencyHint('textAroundInterchange')}`,
        });
      }
      return { at, skippedText: true };
    }
  }
  if (final || bytes.length > maxPreamble || !leniency.textAroundInterchange) {
    throw new EdifactError({
      code: 'NO_INTERCHANGE',
      syntaxError: SyntaxErrorCode.SERVICE_SEGMENT_INVALID,
      detail: `no UNA or UNB found in the first ${Math.min(bytes.length, maxPreamble)} bytes (they begin ${preview(bytes, first, first + 16)}): this is not an EDIFACT interchange`,
      byteOffset: first,
      hint: 'check that the file is EDIFACT and was not damaged or compressed in transfer',
    });
  }
  return { at: -1, skippedText: false };
}

/** Printable preview of bytes for error messages; control and non-ASCII bytes appear as hex. */
export function preview(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < Math.min(end, bytes.length); i++) {
    const code = bytes[i]!;
    out += code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : `\\x${code.toString(16).padStart(2, '0')}`;
  }
  return `"${out}"`;
}

/** Reads and vets a UNA: impossible or clashing characters are always fatal, non-standard ones need leniency. */
export function vetUna(bytes: Buffer, at: number, byteOffset: number, leniency: Leniency, warn: (error: EdifactError) => void): UnaAdvice {
  const una = readUna(bytes, at);
  const fail = (detail: string, syntaxError: EdifactError['syntaxError'], hint: string): never => {
    throw new EdifactError({ code: 'INVALID_UNA', syntaxError, detail, hint, segmentTag: 'UNA', byteOffset });
  };
  const named: Array<[string, number, boolean]> = [
    ['component separator', una.component, false],
    ['data element separator', una.element, false],
    ['release character', una.release, true],
    ['repetition separator', una.fifth, true],
    ['segment terminator', una.segment, false],
  ];
  if (una.decimal !== 0x2c && una.decimal !== 0x2e) {
    fail(`UNA decimal mark ${describeCharacter(una.decimal)} is neither comma nor full stop`, SyntaxErrorCode.INVALID_DECIMAL_NOTATION, 'the sender must correct its UNA');
  }
  const used = new Map<number, string>([[una.decimal, 'decimal mark']]);
  for (const [name, code, spaceAllowed] of named) {
    if (spaceAllowed && code === SPACE) continue;
    if (isImpossibleServiceCharacter(code)) {
      fail(`UNA ${name} ${describeCharacter(code)} cannot be a service character`, SyntaxErrorCode.INVALID_SERVICE_CHARACTER_IN_UNA, 'the sender must correct its UNA');
    }
    const clash = used.get(code);
    if (clash !== undefined) {
      fail(`UNA ${name} ${describeCharacter(code)} is also the ${clash}`, SyntaxErrorCode.INVALID_SERVICE_CHARACTER_IN_UNA, 'the sender must correct its UNA');
    }
    used.set(code, name);
    if (!isStandardServiceCharacter(code)) {
      const error = new EdifactError({
        code: 'INVALID_SERVICE_CHARACTER',
        syntaxError: SyntaxErrorCode.INVALID_SERVICE_CHARACTER_IN_UNA,
        detail: `UNA ${name} ${describeCharacter(code)} is not a level A service character`,
        hint: leniencyHint('nonStandardServiceCharacters'),
        segmentTag: 'UNA',
        byteOffset,
      });
      if (!leniency.nonStandardServiceCharacters) throw error;
      warn(error);
    }
  }
  return una;
}
