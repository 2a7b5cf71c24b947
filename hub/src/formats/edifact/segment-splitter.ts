// Splits decoded text into segments in one pass: one class lookup per character, exact-size arrays out.
import type { Segment } from './segment';
import { internTag } from './tags';

// Character classes; the hot loop only looks at codes whose class is not PLAIN. (Plain consts exported by
// name below: `export const` would make every use in this module a property load on `exports`.)
const PLAIN = 0;
const COMPONENT = 1;
const ELEMENT = 2;
const RELEASE = 3;
const REPETITION = 4;
const INVALID = 5;
const LINE_BREAK = 6;
const RESERVED = 7;
const TERMINATOR = 8;
export { INVALID, PLAIN };

/** What the splitter cannot decide alone; the tokenizer answers with leniency and positions. */
export interface SplitProblems {
  /** A character outside the repertoire; return true to give the segment to the slow path instead. */
  invalidCharacter(text: string, segmentStart: number, charIndex: number, elementPosition: number | undefined, componentPosition: number | undefined): boolean;
  /** The version 3 reserved UNA character found in data. */
  reservedCharacter(text: string, segmentStart: number, charIndex: number, elementPosition: number, componentPosition: number): void;
  /** A release character with nothing after it. */
  danglingRelease(text: string, segmentStart: number, charIndex: number, elementPosition: number, componentPosition: number): void;
}

/** scan() outcomes besides a segment: the text ended first, or the segment needs the slow path. */
const INCOMPLETE = 1;
const RESTART = 2;
export { INCOMPLETE, RESTART };

export class SegmentSplitter {
  /** Where the last scanned segment ended: the index of its terminator (or of the end of text). */
  end = 0;
  // Scratch reused across segments; results are copied out with exact lengths, because arrays grown by
  // push keep spare capacity, which would multiply the heap of a fully parsed interchange.
  private readonly elements: string[][] = [];
  private readonly components: string[] = [];

  constructor(
    /** Class of each code below 256. */
    private readonly classes: Uint8Array,
    /** Class of codes of 256 and above (only produced by multi-byte or non-latin decoders). */
    private readonly highClass: number,
    private readonly problems: SplitProblems,
  ) {}

  /**
   * Scans one segment starting at `from`. With `endTerminates` the end of the text closes the segment
   * (the caller passes exactly one segment); otherwise a terminator must be found, or INCOMPLETE comes back.
   */
  scan(text: string, from: number, index: number, offset: number, endTerminates: boolean): Segment | typeof INCOMPLETE | typeof RESTART {
    const classes = this.classes;
    const high = this.highClass;
    const n = text.length;
    let i = from;
    let kind = PLAIN;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      kind = c < 256 ? classes[c]! : high;
      if (kind === PLAIN || kind === INVALID || kind === RESERVED) continue; // a bad tag is reported by the caller
      if (kind === LINE_BREAK) return RESTART;
      break;
    }
    if (i === n && !endTerminates) return INCOMPLETE;
    const tag = i - from === 3 ? this.tagAt(text, from) : text.slice(from, i);
    if (i === n || kind === TERMINATOR) {
      this.end = i;
      return { tag, elements: [], index, offset };
    }
    if (kind !== ELEMENT) {
      // A component separator after the tag is explicit nesting; anything else breaks the tag.
      const end = this.findEnd(text, i, endTerminates);
      if (end < 0) return INCOMPLETE;
      this.end = end;
      return { tag: text.slice(from, i + 1), elements: [], index, offset };
    }
    return this.scanElements(text, from, i + 1, { tag, elements: NO_ELEMENTS, index, offset }, endTerminates);
  }

  private scanElements(text: string, segmentStart: number, from: number, segment: Segment, endTerminates: boolean): Segment | typeof INCOMPLETE | typeof RESTART {
    const classes = this.classes;
    const high = this.highClass;
    const n = text.length;
    const elements = this.elements;
    const components = this.components;
    let elementCount = 0;
    let componentCount = 0;
    let occurrences: string[][] | undefined;
    let start = from;
    let pending = '';
    let released = false;
    for (let i = from; ; i++) {
      let kind: number;
      if (i < n) {
        const c = text.charCodeAt(i);
        kind = c < 256 ? classes[c]! : high;
        if (kind === PLAIN) continue;
      } else if (endTerminates) {
        kind = TERMINATOR;
      } else {
        return INCOMPLETE;
      }
      switch (kind) {
        case COMPONENT:
          components[componentCount++] = released ? pending + text.slice(start, i) : this.value(text, start, i);
          released = false;
          start = i + 1;
          break;
        case ELEMENT:
        case REPETITION:
        case TERMINATOR: {
          const value = released ? pending + text.slice(start, i) : this.value(text, start, i);
          const element = componentCount === 0 ? [value] : exact(components, componentCount, value);
          released = false;
          start = i + 1;
          componentCount = 0;
          if (kind === REPETITION) {
            (occurrences ??= []).push(element);
            break;
          }
          if (occurrences !== undefined) {
            occurrences.push(element);
            (segment.repetitions ??= {})[elementCount] = occurrences;
            elements[elementCount++] = occurrences[0]!;
            occurrences = undefined;
          } else {
            elements[elementCount++] = element;
          }
          if (kind === TERMINATOR) {
            this.end = i;
            segment.elements = elements.slice(0, elementCount);
            return segment;
          }
          break;
        }
        case RELEASE:
          if (i + 1 >= n) {
            if (!endTerminates) return INCOMPLETE;
            this.problems.danglingRelease(text, segmentStart, i, elementCount + 1, componentCount + 1);
            break;
          }
          pending = (released ? pending : '') + text.slice(start, i) + text[i + 1];
          released = true;
          i++;
          start = i + 1;
          break;
        case LINE_BREAK:
          return RESTART;
        case RESERVED:
          this.problems.reservedCharacter(text, segmentStart, i, elementCount + 1, componentCount + 1);
          break;
        default:
          if (this.problems.invalidCharacter(text, segmentStart, i, elementCount + 1, componentCount + 1)) return RESTART;
      }
    }
  }

  private readonly tags = new Map<number, string>();
  private readonly shortValues = new Map<number, string>();

  /**
   * Codes and qualifiers of one to three ASCII characters fill most of an interchange: sharing one string
   * per distinct value keeps a fully parsed tree much smaller (and cheaper for the garbage collector).
   */
  private value(text: string, start: number, end: number): string {
    const length = end - start;
    if (length === 0 || length > 3) return text.slice(start, end);
    let key = length;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c > 0x7f) return text.slice(start, end);
      key = (key << 8) | c;
    }
    let value = this.shortValues.get(key);
    if (value === undefined) {
      value = text.slice(start, end);
      if (this.shortValues.size < 65536) this.shortValues.set(key, value);
    }
    return value;
  }

  /** Tags repeat endlessly: one shared string per tag instead of one per segment (see tags.ts). */
  private tagAt(text: string, from: number): string {
    const a = text.charCodeAt(from);
    const b = text.charCodeAt(from + 1);
    const c = text.charCodeAt(from + 2);
    if ((a | b | c) > 0x7f) return text.slice(from, from + 3);
    const key = (a << 16) | (b << 8) | c;
    let tag = this.tags.get(key);
    if (tag === undefined) {
      tag = internTag(text.slice(from, from + 3));
      if (this.tags.size < 4096) this.tags.set(key, tag);
    }
    return tag;
  }

  /** Index of the next unreleased terminator from `from`, the text length when it terminates, else -1. */
  findEnd(text: string, from: number, endTerminates: boolean): number {
    const classes = this.classes;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const kind = c < 256 ? classes[c]! : this.highClass;
      if (kind === TERMINATOR) return i;
      if (kind === RELEASE) i++;
    }
    return endTerminates ? text.length : -1;
  }
}

const NO_ELEMENTS: string[][] = [];

/** The components gathered so far plus the last one, as a packed array of exactly that length. */
function exact(components: string[], count: number, last: string): string[] {
  if (count === 1) return [components[0]!, last];
  if (count === 2) return [components[0]!, components[1]!, last];
  const element = components.slice(0, count);
  element.push(last);
  return element;
}

/** Builds the class table for one set of separators; the repertoire marks every other code INVALID or PLAIN. */
export function buildClassTable(options: {
  component: number;
  element: number;
  segment: number;
  release: number;
  repetition: number;
  reserved: number;
  isAllowed: (code: number) => boolean;
}): Uint8Array {
  const table = new Uint8Array(256);
  for (let code = 0; code < 256; code++) table[code] = options.isAllowed(code) ? PLAIN : INVALID;
  table[0x0a] = LINE_BREAK;
  table[0x0d] = LINE_BREAK;
  if (options.reserved >= 0) table[options.reserved] = RESERVED;
  if (options.repetition >= 0) table[options.repetition] = REPETITION;
  if (options.release >= 0) table[options.release] = RELEASE;
  table[options.component] = COMPONENT;
  table[options.element] = ELEMENT;
  table[options.segment] = TERMINATOR;
  return table;
}
