// Air waybill numbers: 3-digit airline prefix + 8-digit serial whose last digit is the first seven
// digits mod 7. Parsing, formatting, and the `awbCheckDigit` schema keyword all live here.
import { Type } from '@sinclair/typebox';
import { MalformedInputError } from '../errors';
import { addStringKeyword } from './schema-helpers';

/** The canonical written form: PPP-SSSSSSSS. */
export const AWB_PATTERN = '^[0-9]{3}-[0-9]{8}$';

// Separators seen in the wild: none (FSU lines), a hyphen (the printed AWB), a space (e-mails, portals).
const LOOSE_AWB = /^([0-9]{3})[- ]?([0-9]{8})$/;

export interface ParsedAwb {
  /** Airline prefix, 3 digits (020 = Lufthansa Cargo). */
  prefix: string;
  /** Serial number, 8 digits including the check digit. */
  serial: string;
  checkDigit: number;
  /** Canonical form PPP-SSSSSSSS. */
  number: string;
}

/** The check digit for the first seven serial digits: their value mod 7. */
export function awbCheckDigit(serial7: string): number {
  if (!/^[0-9]{7}$/.test(serial7)) {
    throw new MalformedInputError(`AWB serial "${serial7}" must be exactly 7 digits to compute its check digit.`, { serial: serial7 });
  }
  return Number(serial7) % 7;
}

/** Why `input` is not an acceptable AWB, or undefined when it is. */
function awbProblem(input: string): { message: string; expected?: number } | undefined {
  const match = LOOSE_AWB.exec(input.trim());
  if (!match) return { message: `"${input}" is not an AWB number; write it as PPP-SSSSSSSS (3-digit prefix, 8-digit serial), e.g. 020-12345675` };
  const serial = match[2] ?? '';
  const expected = awbCheckDigit(serial.slice(0, 7));
  const actual = Number(serial.slice(7));
  if (actual === expected) return undefined;
  return {
    message: `AWB ${match[1]}-${serial} has check digit ${actual} but expected ${expected} (${serial.slice(0, 7)} mod 7)`,
    expected,
  };
}

/** Parse `12312345675`, `123-12345675` or `123 12345675`; throws MalformedInputError naming the problem. */
export function parseAwb(input: string): ParsedAwb {
  const problem = awbProblem(input);
  if (problem) throw new MalformedInputError(`${problem.message}.`, { awb: input });
  const match = LOOSE_AWB.exec(input.trim()) as RegExpExecArray;
  const prefix = match[1] ?? '';
  const serial = match[2] ?? '';
  return { prefix, serial, checkDigit: Number(serial.slice(7)), number: `${prefix}-${serial}` };
}

/** True when `input` is an AWB in any accepted form with the right check digit. */
export function isValidAwb(input: string): boolean {
  return awbProblem(input) === undefined;
}

/**
 * Canonical PPP-SSSSSSSS from a prefix and a serial. A 7-digit serial gets its check digit appended
 * (issuing a new number); an 8-digit serial is checked and refused when its check digit is wrong.
 */
export function formatAwb(prefix: string, serial: string): string {
  if (!/^[0-9]{3}$/.test(prefix)) {
    throw new MalformedInputError(`AWB prefix "${prefix}" must be 3 digits (keep leading zeros: "020", not 20).`, { prefix });
  }
  if (/^[0-9]{7}$/.test(serial)) return `${prefix}-${serial}${awbCheckDigit(serial)}`;
  return parseAwb(`${prefix}-${serial}`).number;
}

// Shape errors are `pattern`'s job; the keyword only speaks when the shape is right and the digit is not.
addStringKeyword('awbCheckDigit', (value) => {
  if (!new RegExp(AWB_PATTERN).test(value)) return undefined;
  const problem = awbProblem(value);
  return problem && { message: problem.message, params: { expected: problem.expected } };
});

export function awbNumber(description: string) {
  return Type.String({
    pattern: AWB_PATTERN,
    awbCheckDigit: true,
    description: `${description} Air waybill number PPP-SSSSSSSS; the last digit is the first seven serial digits mod 7.`,
    examples: ['020-12345675'],
  });
}
