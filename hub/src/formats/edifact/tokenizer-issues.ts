// What the tokenizer reports without stopping: collected errors, tolerated deviations, the splitter's questions.
import type { Charset } from './charsets';
import { EdifactError, type EdifactErrorInit, SyntaxErrorCode } from './errors';
import { type Leniency, leniencyHint } from './leniency';
import type { SplitProblems } from './segment-splitter';

/** Where the tokenizer is: the segment being scanned and how its text maps back to bytes. */
export interface ScanContext {
  index: number;
  offset: number;
  /** Decoded as UTF-8: character positions must be converted to byte offsets. */
  utf8: boolean;
  /** The segment is on its second (slow-path) scan: do not ask for another. */
  redecoded: boolean;
  charset: Charset | undefined;
}

export class IssueLog {
  /** Non-fatal errors (strict deviations that do not stop framing, e.g. characters outside UNOA). */
  readonly errors: EdifactError[] = [];
  /** Deviations tolerated by leniency, with their positions. */
  readonly warnings: EdifactError[] = [];
  private readonly reportedOnce = new Set<string>();

  constructor(
    private readonly maxErrors: number,
    private readonly context: ScanContext,
  ) {}

  error(error: EdifactError): void {
    this.errors.push(error);
    if (this.errors.length > this.maxErrors) {
      throw new EdifactError({
        code: 'TOO_MANY_ERRORS',
        syntaxError: SyntaxErrorCode.INVALID_CHARACTERS,
        detail: `more than ${this.maxErrors} errors by segment ${this.context.index}: the data is not EDIFACT in the declared character set`,
        segmentNumber: this.context.index,
        byteOffset: this.context.offset,
        hint: 'check the syntax identifier in UNB against the bytes the partner sends',
      });
    }
  }

  warn(init: EdifactErrorInit | EdifactError): void {
    if (this.warnings.length < this.maxErrors) this.warnings.push(init instanceof EdifactError ? init : new EdifactError(init));
  }

  /** Deviations that would repeat on every line or character are reported once, at the first place. */
  warnOnce(init: EdifactErrorInit): void {
    if (this.reportedOnce.has(init.code)) return;
    this.reportedOnce.add(init.code);
    this.warn(init);
  }

  mark(): { errors: number; warnings: number } {
    return { errors: this.errors.length, warnings: this.warnings.length };
  }

  /** Forgets what was reported since `mark` (a segment about to be scanned again). */
  rollback(mark: { errors: number; warnings: number }): void {
    this.errors.length = mark.errors;
    for (const dropped of this.warnings.splice(mark.warnings)) this.reportedOnce.delete(dropped.code);
  }
}

/** Answers the splitter: strict errors, lenient warnings, or a request for the slow path. */
export class CharacterProblems implements SplitProblems {
  constructor(
    private readonly log: IssueLog,
    private readonly leniency: Leniency,
    private readonly context: ScanContext,
  ) {}

  invalidCharacter(text: string, segmentStart: number, charIndex: number, elementPosition: number | undefined, componentPosition: number | undefined): boolean {
    const context = this.context;
    const code = text.charCodeAt(charIndex);
    // Under a latin-1 charset a sender may really be writing UTF-8: let the slow path try reading it so.
    if (this.leniency.charactersOutsideRepertoire && code >= 0x80 && !context.redecoded && context.charset?.encoding === 'latin1') return true;
    const error: EdifactErrorInit = {
      code: 'INVALID_CHARACTER',
      syntaxError: SyntaxErrorCode.INVALID_CHARACTERS,
      detail: `character ${JSON.stringify(String.fromCharCode(code))} is not allowed by syntax identifier ${context.charset?.id ?? '(before UNB)'}`,
      ...this.position(text, segmentStart, charIndex, elementPosition, componentPosition),
      hint: `declare UNOC or UNOW in UNB, or ${leniencyHint('charactersOutsideRepertoire')}`,
    };
    if (this.leniency.charactersOutsideRepertoire) this.log.warn(error);
    else this.log.error(new EdifactError(error));
    return false;
  }

  reservedCharacter(text: string, segmentStart: number, charIndex: number, elementPosition: number, componentPosition: number): void {
    const error: EdifactErrorInit = {
      code: 'RESERVED_CHARACTER_IN_DATA',
      syntaxError: SyntaxErrorCode.INVALID_SERVICE_CHARACTERS,
      detail: `${JSON.stringify(text[charIndex])} is in the reserved UNA position of a syntax version 3 interchange and also appears in data, which is ambiguous`,
      ...this.position(text, segmentStart, charIndex, elementPosition, componentPosition),
      hint: `send a space in UNA position 8 for version 3, or ${leniencyHint('reservedCharacterInV3Data')}`,
    };
    if (!this.leniency.reservedCharacterInV3Data) throw new EdifactError(error);
    this.log.warnOnce(error);
  }

  danglingRelease(text: string, segmentStart: number, charIndex: number, elementPosition: number, componentPosition: number): void {
    this.log.error(
      new EdifactError({
        code: 'INVALID_CHARACTER',
        syntaxError: SyntaxErrorCode.INVALID_SERVICE_CHARACTERS,
        detail: 'release character with nothing after it',
        ...this.position(text, segmentStart, charIndex, elementPosition, componentPosition),
        hint: 'the sender must escape a trailing release character as ??',
      }),
    );
  }

  private position(text: string, segmentStart: number, charIndex: number, elementPosition: number | undefined, componentPosition: number | undefined) {
    const context = this.context;
    const inSegment = text.slice(segmentStart, charIndex);
    return {
      segmentNumber: context.index,
      segmentTag: text.slice(segmentStart, segmentStart + 3),
      elementPosition,
      componentPosition,
      byteOffset: context.offset + (context.utf8 ? Buffer.byteLength(inSegment, 'utf8') : inSegment.length),
    };
  }
}
