// Checks a segment's data elements against its definition: counts, mandatory parts, representation and length.
import type { EdifactErrorInit } from './errors';
import { SyntaxErrorCode } from './errors';
import type { ElementSpec, Format, SegmentSpec } from './directory/types';
import type { Segment } from './segment';

/** Which decimal marks numeric values may use: the UNA's, or either when there is no UNA. */
export interface DecimalPolicy {
  /** Character codes accepted as decimal mark. */
  marks: readonly number[];
  /** For messages: "the UNA declares '.'" or "comma or full stop". */
  description: string;
}

export type ProblemSink = (problem: Omit<EdifactErrorInit, 'segmentNumber' | 'segmentTag' | 'byteOffset'>) => void;

const COMMA = 0x2c;
const FULL_STOP = 0x2e;
const MINUS = 0x2d;

export function decimalPolicy(unaDecimal: number | undefined): DecimalPolicy {
  if (unaDecimal === undefined) return { marks: [COMMA, FULL_STOP], description: 'comma or full stop' };
  return { marks: [unaDecimal], description: `the UNA decimal mark ${JSON.stringify(String.fromCharCode(unaDecimal))}` };
}

function present(components: readonly string[] | undefined): boolean {
  if (!components) return false;
  for (const value of components) if (value !== '') return true;
  return false;
}

export function checkSegmentElements(segment: Segment, spec: SegmentSpec, decimals: DecimalPolicy, report: ProblemSink): void {
  const elements = segment.elements;
  const defined = spec.elements;
  for (let i = 0; i < elements.length; i++) {
    const elementPosition = i + 1;
    const element = defined[i];
    if (!element) {
      if (elements.slice(i).some(present)) {
        report({
          code: 'TOO_MANY_ELEMENTS',
          syntaxError: SyntaxErrorCode.TOO_MANY_CONSTITUENTS,
          detail: `${segment.tag} has data in element ${elementPosition}, but the segment defines ${defined.length}`,
          elementPosition,
          hint: 'remove the extra data elements',
        });
      }
      return;
    }
    const occurrences = segment.repetitions?.[i];
    if (!occurrences) {
      checkElement(segment.tag, elements[i]!, element, elementPosition, decimals, report);
      continue;
    }
    if (occurrences.length > element.repeat) {
      report({
        code: 'TOO_MANY_ELEMENT_REPETITIONS',
        syntaxError: SyntaxErrorCode.TOO_MANY_CONSTITUENTS,
        detail: `${segment.tag} element ${elementPosition} (${element.id}) repeats ${occurrences.length} times, at most ${element.repeat} allowed`,
        elementPosition,
        hint: 'send fewer repetitions',
      });
    }
    for (const occurrence of occurrences) checkElement(segment.tag, occurrence, element, elementPosition, decimals, report);
  }
  for (let i = elements.length; i < defined.length; i++) {
    const element = defined[i]!;
    if (element.mandatory) missingElement(segment.tag, element, i + 1, report);
  }
}

function missingElement(tag: string, element: ElementSpec, elementPosition: number, report: ProblemSink): void {
  report({
    code: 'MISSING_ELEMENT',
    syntaxError: SyntaxErrorCode.MISSING,
    detail: `mandatory data element ${element.id} is missing in ${tag}`,
    elementPosition,
    hint: `send ${element.id} in element ${elementPosition}`,
  });
}

function checkElement(tag: string, components: string[], element: ElementSpec, elementPosition: number, decimals: DecimalPolicy, report: ProblemSink): void {
  if (!present(components)) {
    if (element.mandatory) missingElement(tag, element, elementPosition, report);
    return;
  }
  const parts = element.components;
  if (!parts) {
    for (let j = 1; j < components.length; j++) {
      if (components[j] !== '') {
        report({
          code: 'TOO_MANY_COMPONENTS',
          syntaxError: SyntaxErrorCode.TOO_MANY_CONSTITUENTS,
          detail: `${tag} element ${elementPosition} (${element.id}) is a simple data element but has ${components.length} components`,
          elementPosition,
          componentPosition: j + 1,
          hint: 'a separator in the data probably lacks its release character',
        });
        break;
      }
    }
    checkValue(tag, components[0] ?? '', element.id, element.format!, elementPosition, undefined, decimals, report);
    return;
  }
  for (let j = 0; j < components.length; j++) {
    const part = parts[j];
    const value = components[j]!;
    if (!part) {
      if (components.slice(j).some((c) => c !== '')) {
        report({
          code: 'TOO_MANY_COMPONENTS',
          syntaxError: SyntaxErrorCode.TOO_MANY_CONSTITUENTS,
          detail: `${tag} composite ${element.id} has data in component ${j + 1}, but defines ${parts.length}`,
          elementPosition,
          componentPosition: j + 1,
          hint: 'remove the extra components or release the separator in the data',
        });
      }
      break;
    }
    if (value === '') {
      if (part.mandatory) missingComponent(tag, element.id, part.id, elementPosition, j + 1, report);
    } else {
      checkValue(tag, value, part.id, part.format, elementPosition, j + 1, decimals, report);
    }
  }
  for (let j = components.length; j < parts.length; j++) {
    const part = parts[j]!;
    if (part.mandatory) missingComponent(tag, element.id, part.id, elementPosition, j + 1, report);
  }
}

function missingComponent(tag: string, composite: string, id: string, elementPosition: number, componentPosition: number, report: ProblemSink): void {
  report({
    code: 'MISSING_COMPONENT',
    syntaxError: SyntaxErrorCode.MISSING,
    detail: `mandatory component ${id} of ${composite} is missing in ${tag}`,
    elementPosition,
    componentPosition,
    hint: `send ${id} in component ${componentPosition}`,
  });
}

/** Checks one value's representation; length excludes a leading minus and the decimal mark of numbers. */
export function checkValue(
  tag: string,
  value: string,
  id: string,
  format: Format,
  elementPosition: number,
  componentPosition: number | undefined,
  decimals: DecimalPolicy,
  report: ProblemSink,
): void {
  let length = value.length;
  if (format.type === 'n') {
    const problem = numericProblem(value, decimals);
    if (problem) {
      report({ ...problem, detail: `${tag} ${id} value ${JSON.stringify(value)} ${problem.detail}`, elementPosition, componentPosition });
      return;
    }
    length = digitCount(value);
  } else if (format.type === 'a') {
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x30 && c <= 0x39) {
        report({
          code: 'INVALID_CHARACTER_TYPE',
          syntaxError: SyntaxErrorCode.INVALID_TYPE_OF_CHARACTERS,
          detail: `${tag} ${id} is alphabetic (${format.text}) but ${JSON.stringify(value)} contains digits`,
          hint: 'send letters only',
          elementPosition,
          componentPosition,
        });
        return;
      }
    }
  }
  if (length > format.max) {
    report({
      code: 'VALUE_TOO_LONG',
      syntaxError: SyntaxErrorCode.DATA_ELEMENT_TOO_LONG,
      detail: `${tag} ${id} value ${JSON.stringify(abbreviate(value))} has ${length} characters, ${format.text} allows ${format.max}`,
      hint: `shorten it to ${format.max} characters`,
      elementPosition,
      componentPosition,
    });
  } else if (length < format.min) {
    report({
      code: 'VALUE_TOO_SHORT',
      syntaxError: SyntaxErrorCode.DATA_ELEMENT_TOO_SHORT,
      detail: `${tag} ${id} value ${JSON.stringify(value)} has ${length} characters, ${format.text} needs ${format.min}`,
      hint: `send ${format.min} characters`,
      elementPosition,
      componentPosition,
    });
  }
}

function abbreviate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
}

function digitCount(value: string): number {
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
  }
  return digits;
}

/** ISO 9735 numbers: optional leading minus, digits, at most one decimal mark with a digit on each side. */
function numericProblem(value: string, decimals: DecimalPolicy): Omit<EdifactErrorInit, 'detail'> & { detail: string } | undefined {
  const start = value.charCodeAt(0) === MINUS ? 1 : 0;
  let mark = -1;
  for (let i = start; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) continue;
    if (c === COMMA || c === FULL_STOP) {
      if (!decimals.marks.includes(c)) {
        return {
          code: 'INVALID_DECIMAL_MARK',
          syntaxError: SyntaxErrorCode.INVALID_DECIMAL_NOTATION,
          detail: `uses ${JSON.stringify(String.fromCharCode(c))} as decimal mark, but the interchange allows ${decimals.description}`,
          hint: 'use the decimal mark the UNA declares (and no thousands separators)',
        };
      }
      if (mark >= 0) {
        return {
          code: 'INVALID_DECIMAL_MARK',
          syntaxError: SyntaxErrorCode.INVALID_DECIMAL_NOTATION,
          detail: 'has more than one decimal mark',
          hint: 'thousands separators are not allowed in EDIFACT numbers',
        };
      }
      mark = i;
      continue;
    }
    return {
      code: 'INVALID_CHARACTER_TYPE',
      syntaxError: SyntaxErrorCode.INVALID_TYPE_OF_CHARACTERS,
      detail: `is numeric but contains ${JSON.stringify(String.fromCharCode(c))}`,
      hint: 'send digits, one decimal mark and an optional leading minus only',
    };
  }
  if (value.length === start) {
    return { code: 'INVALID_CHARACTER_TYPE', syntaxError: SyntaxErrorCode.INVALID_TYPE_OF_CHARACTERS, detail: 'has a minus sign but no digits', hint: 'send the number after the minus sign' };
  }
  if (mark === start) {
    return { code: 'MISSING_DIGIT_BEFORE_DECIMAL', syntaxError: SyntaxErrorCode.MISSING_DIGIT_BEFORE_DECIMAL, detail: 'has no digit before its decimal mark', hint: 'write 0.5, not .5' };
  }
  if (mark === value.length - 1) {
    return { code: 'INVALID_DECIMAL_MARK', syntaxError: SyntaxErrorCode.INVALID_DECIMAL_NOTATION, detail: 'has no digit after its decimal mark', hint: 'write 2 or 2.0, not 2.' };
  }
  return undefined;
}
