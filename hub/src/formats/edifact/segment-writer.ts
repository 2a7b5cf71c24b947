// Serialises segments: escapes data with the release character and truncates trailing empty parts.
import { EdifactError, SyntaxErrorCode } from './errors';
import type { SegmentInput } from './segment';
import { NONE, type Separators } from './syntax';

export class SegmentWriter {
  private readonly special: Set<number>;
  private readonly component: string;
  private readonly element: string;
  private readonly release: string;
  private readonly repetition: string;
  private readonly terminator: string;

  constructor(
    readonly separators: Separators,
    /** Written after each terminator, e.g. '\n' for one segment per line. */
    private readonly lineEnd = '',
  ) {
    const codes = [separators.component, separators.element, separators.segment, separators.release, separators.repetition];
    this.special = new Set(codes.filter((code) => code !== NONE));
    this.component = String.fromCharCode(separators.component);
    this.element = String.fromCharCode(separators.element);
    this.release = separators.release === NONE ? '' : String.fromCharCode(separators.release);
    this.repetition = separators.repetition === NONE ? '' : String.fromCharCode(separators.repetition);
    this.terminator = String.fromCharCode(separators.segment) + lineEnd;
  }

  /** One segment with its terminator; trailing empty elements and components are left out. */
  write(segment: SegmentInput): string {
    const parts: string[] = [];
    const elements = segment.elements;
    for (let i = 0; i < elements.length; i++) {
      const occurrences = segment.repetitions?.[i];
      if (occurrences && occurrences.length > 1) {
        if (!this.repetition) throw this.cannotEncode(segment.tag, 'repeats an element, but these separators have no repetition separator (syntax version 4 needed)');
        parts.push(occurrences.map((components) => this.writeComponents(segment.tag, components)).join(this.repetition));
      } else {
        const element = elements[i]!;
        parts.push(typeof element === 'string' ? this.escape(segment.tag, element) : this.writeComponents(segment.tag, element));
      }
    }
    let last = parts.length;
    while (last > 0 && parts[last - 1] === '') last--;
    const body = last === 0 ? '' : this.element + parts.slice(0, last).join(this.element);
    return `${segment.tag}${body}${this.terminator}`;
  }

  private writeComponents(tag: string, components: ReadonlyArray<string>): string {
    let last = components.length;
    while (last > 0 && components[last - 1] === '') last--;
    let out = '';
    for (let j = 0; j < last; j++) {
      if (j > 0) out += this.component;
      out += this.escape(tag, components[j]!);
    }
    return out;
  }

  escape(tag: string, value: string): string {
    let out: string | undefined;
    let start = 0;
    for (let i = 0; i < value.length; i++) {
      if (!this.special.has(value.charCodeAt(i))) continue;
      if (!this.release) throw this.cannotEncode(tag, `has ${JSON.stringify(value[i])} in ${JSON.stringify(value)}, and level B has no release character`);
      out = (out ?? '') + value.slice(start, i) + this.release + value[i];
      start = i + 1;
    }
    return out === undefined ? value : out + value.slice(start);
  }

  private cannotEncode(tag: string, detail: string): EdifactError {
    return new EdifactError({
      code: 'UNENCODABLE_VALUE',
      syntaxError: SyntaxErrorCode.INVALID_SERVICE_CHARACTERS,
      detail: `segment ${tag} ${detail}`,
      segmentTag: tag,
      hint: 'choose separators that can carry the data (level A with a release character)',
    });
  }
}
