// Streaming byte → segment tokenizer: frames segments across chunks; retains at most one unfinished segment.
import { isUtf8 } from 'node:buffer';
import { type ByteDecoder, type Charset, decoderFor, inRepertoire } from './charsets';
import { EdifactError, type EdifactErrorInit, SyntaxErrorCode } from './errors';
import { findInterchangeStart, preview, vetUna } from './interchange-start';
import { type Leniency, type LeniencyOptions, leniencyHint, resolveLeniency } from './leniency';
import type { Segment } from './segment';
import { INCOMPLETE, INVALID, PLAIN, RESTART, SegmentSplitter, buildClassTable } from './segment-splitter';
import { checkTag, readSyntaxHeader } from './syntax-header';
import { NONE, type Separators, type UnaAdvice, UNA_LENGTH, levelASeparators, levelBSeparators, separatorsFromUna } from './syntax';
import { CharacterProblems, IssueLog, type ScanContext } from './tokenizer-issues';

export interface TokenizerOptions {
  leniency?: LeniencyOptions;
  /** Longest segment accepted, in bytes; also the bound on what the tokenizer retains between chunks. */
  maxSegmentLength?: number;
  /** How far to look for UNA/UNB past a banner (with leniency.textAroundInterchange). */
  maxPreambleLength?: number;
  /** Collected (non-fatal) errors after which the stream is abandoned as garbage. */
  maxErrors?: number;
}

/** What UNA and UNB declared, known once UNB has been read. */
export interface SyntaxInfo {
  identifier: string;
  version: number;
  charset: Charset;
  separators: Separators;
  /** The UNA as sent, when there was one. */
  una: UnaAdvice | undefined;
  /** The version 3 reserved UNA character when it was not a space (data, not a separator). */
  reservedCharacter: number;
}

export type SegmentSink = (segment: Segment) => void;

type Phase = 'preamble' | 'header' | 'body' | 'trailer' | 'ignoring';

const EMPTY: Buffer = Buffer.alloc(0);
const CR = 0x0d;
const LF = 0x0a;

export class SegmentTokenizer {
  readonly leniency: Leniency;
  private readonly maxSegmentLength: number;
  private readonly maxPreambleLength: number;
  // The segment being scanned, for positions in errors raised from the splitter callbacks.
  private readonly context: ScanContext = { index: 0, offset: 0, utf8: false, redecoded: false, charset: undefined };
  private readonly issues: IssueLog;
  private readonly problems: CharacterProblems;
  private phase: Phase = 'preamble';
  private pending: Buffer = EMPTY;
  /** Absolute stream offset of pending[0]. */
  private pendingOffset = 0;
  private segmentCount = 0;
  private separators: Separators = levelASeparators(3);
  private una: UnaAdvice | undefined;
  private info: SyntaxInfo | undefined;
  private splitter!: SegmentSplitter;
  private decode: ByteDecoder = decoderFor('latin1');
  /** One byte per character: char offsets in decoded text are byte offsets. */
  private singleByte = true;

  constructor(options: TokenizerOptions = {}) {
    this.leniency = resolveLeniency(options.leniency);
    this.maxSegmentLength = options.maxSegmentLength ?? 1024 * 1024;
    this.maxPreambleLength = options.maxPreambleLength ?? 64 * 1024;
    this.issues = new IssueLog(options.maxErrors ?? 1000, this.context);
    this.problems = new CharacterProblems(this.issues, this.leniency, this.context);
  }

  /** Non-fatal errors (strict deviations that do not stop framing, e.g. characters outside UNOA). */
  get errors(): EdifactError[] {
    return this.issues.errors;
  }

  /** Deviations tolerated by leniency, with their positions. */
  get warnings(): EdifactError[] {
    return this.issues.warnings;
  }

  /** Separators, charset and version, once UNB has been read. */
  get syntax(): SyntaxInfo | undefined {
    return this.info;
  }

  /** Bytes held back between writes: at most one unfinished segment (or the preamble while searching). */
  get retainedBytes(): number {
    return this.pending.length;
  }

  get segmentsRead(): number {
    return this.segmentCount;
  }

  write(chunk: Uint8Array, sink: SegmentSink): void {
    if (chunk.length === 0) return;
    const incoming = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const bytes = this.pending.length > 0 ? Buffer.concat([this.pending, incoming]) : incoming;
    const base = this.pendingOffset;
    this.pending = EMPTY;
    this.consume(bytes, base, sink, false);
  }

  /** Ends the stream: throws when it stops inside a segment or before UNZ. */
  end(sink: SegmentSink): void {
    if (this.phase === 'preamble') {
      const bytes = this.pending;
      this.pending = EMPTY;
      this.consume(bytes, this.pendingOffset, sink, true);
    }
    const rest = this.pending;
    this.pending = EMPTY;
    if (this.phase !== 'header' && this.phase !== 'body') return;
    if (rest.length > 0) {
      throw new EdifactError({
        code: 'TRUNCATED',
        syntaxError: SyntaxErrorCode.MISSING,
        detail: `the interchange is cut inside a segment: ${rest.length} bytes (${preview(rest, 0, 24)}) have no segment terminator`,
        segmentNumber: this.segmentCount + 1,
        byteOffset: this.pendingOffset,
        hint: 'the transfer was incomplete; ask the partner to resend the whole interchange',
      });
    }
    throw new EdifactError({
      code: 'TRUNCATED',
      syntaxError: SyntaxErrorCode.MISSING,
      detail: `the interchange ends after segment ${this.segmentCount} without UNZ`,
      segmentNumber: this.segmentCount,
      byteOffset: this.pendingOffset,
      hint: 'the transfer was incomplete; ask the partner to resend the whole interchange',
    });
  }

  private consume(bytes: Buffer, base: number, sink: SegmentSink, final: boolean): void {
    let pos = 0;
    if (this.phase === 'preamble') {
      const found = findInterchangeStart(bytes, this.leniency, final, this.maxPreambleLength);
      if (found.at < 0) {
        this.keep(bytes, 0, base);
        return;
      }
      if (found.skippedText) {
        this.issues.warn({
          code: 'TEXT_BEFORE_INTERCHANGE',
          syntaxError: SyntaxErrorCode.INVALID_OCCURRENCE_OUTSIDE_MESSAGE,
          detail: `skipped ${found.at} bytes of text before the interchange`,
          byteOffset: base,
          hint: leniencyHint('textAroundInterchange'),
        });
      }
      pos = this.begin(bytes, found.at, base);
    }
    const len = bytes.length;
    while (pos < len) {
      if (this.phase === 'trailer' || this.phase === 'ignoring') {
        pos = this.afterInterchange(bytes, pos, base);
        continue;
      }
      // Decode a whole block at once; UTF-8 stops after the last terminator byte (separators are ASCII,
      // so no character is cut). The block loop returns early when UNB or UNZ changes how to read on.
      let blockEnd = len;
      if (!this.singleByte) {
        const last = bytes.lastIndexOf(this.separators.segment);
        if (last < pos) break;
        blockEnd = last + 1;
      }
      const phase = this.phase;
      const text = this.decode(bytes, pos, blockEnd);
      const used = this.splitBlock(text, base + pos, sink);
      pos += used === text.length ? blockEnd - pos : this.singleByte ? used : Buffer.byteLength(text.slice(0, used), 'utf8');
      if (this.phase === phase && used < text.length) break;
    }
    if (pos < len) {
      if (len - pos > this.maxSegmentLength) this.tooLong(base + pos);
      this.keep(bytes, pos, base + pos);
    } else {
      this.pendingOffset = base + len;
    }
  }

  /** Splits the segments of decoded text; returns how many characters it consumed. */
  private splitBlock(text: string, blockOffset: number, sink: SegmentSink): number {
    const n = text.length;
    const splitter = this.splitter;
    const phase = this.phase;
    let i = 0;
    let bytesBefore = 0;
    let charsCounted = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === CR || c === LF) {
        i++;
        continue;
      }
      if (!this.singleByte) {
        bytesBefore += Buffer.byteLength(text.slice(charsCounted, i), 'utf8');
        charsCounted = i;
      }
      const offset = blockOffset + (this.singleByte ? i : bytesBefore);
      const index = this.segmentCount + 1;
      const context = this.context;
      context.index = index;
      context.offset = offset;
      context.utf8 = !this.singleByte;
      context.redecoded = false;
      const mark = this.issues.mark();
      let segment = splitter.scan(text, i, index, offset, false);
      let end = splitter.end;
      if (segment === RESTART) {
        // The slow path scans the segment again: forget what the first pass reported about it.
        this.issues.rollback(mark);
        end = splitter.findEnd(text, i, false);
        segment = end < 0 ? INCOMPLETE : this.slowPath(text.slice(i, end), index, offset);
      }
      if (segment === INCOMPLETE) {
        if (n - i > this.maxSegmentLength) this.tooLong(offset);
        return i;
      }
      if (end - i > this.maxSegmentLength) this.tooLong(offset);
      this.segmentCount = index;
      checkTag(segment, this.separators.component);
      if (phase === 'header') this.readHeader(segment);
      else if (segment.tag === 'UNZ') this.phase = 'trailer';
      sink(segment);
      i = end + 1;
      if (this.phase !== phase) return i;
    }
    return n;
  }

  private keep(bytes: Buffer, from: number, offset: number): void {
    // Copy: the caller may reuse its chunk, and a view would pin the whole chunk in memory.
    this.pending = Buffer.from(bytes.subarray(from));
    this.pendingOffset = offset;
  }

  /** Reads the UNA (if any) and prepares separators for UNB; returns where UNB starts. */
  private begin(bytes: Buffer, at: number, base: number): number {
    this.phase = 'header';
    let pos = at;
    if (bytes[at + 2] === 0x41) {
      if (bytes.length - at < UNA_LENGTH) {
        throw new EdifactError({
          code: 'TRUNCATED',
          syntaxError: SyntaxErrorCode.UNA_NOT_SUPPORTED,
          detail: 'the interchange ends inside the UNA string advice',
          segmentTag: 'UNA',
          byteOffset: base + at,
          hint: 'ask the partner to resend the whole interchange',
        });
      }
      this.una = vetUna(bytes, at, base + at, this.leniency, (error) => this.issues.warn(error));
      this.separators = separatorsFromUna(this.una, false);
      pos = at + UNA_LENGTH;
    } else if (bytes[at + 3] === 0x1d) {
      this.separators = levelBSeparators(3);
    }
    this.configure(this.separators, NONE, () => true, PLAIN);
    return pos;
  }

  private configure(separators: Separators, reserved: number, isAllowed: (code: number) => boolean, highClass: number): void {
    const table = buildClassTable({ ...separators, reserved, isAllowed });
    this.splitter = new SegmentSplitter(table, highClass, this.problems);
  }

  /** The rare segment with line breaks, or a UTF-8 sequence under a latin-1 charset (with leniency). */
  private slowPath(text: string, index: number, offset: number): Segment {
    const context = this.context;
    const at = text.search(/[\r\n]/);
    if (at >= 0) {
      const error: EdifactErrorInit = {
        code: 'LINE_WRAPPING',
        syntaxError: SyntaxErrorCode.INVALID_CHARACTERS,
        detail: `line break inside segment ${index} ${text.slice(0, 3)}: the file looks wrapped at a fixed width`,
        segmentNumber: index,
        segmentTag: text.slice(0, 3).replace(/[\r\n]/g, ''),
        byteOffset: offset + (context.utf8 ? Buffer.byteLength(text.slice(0, at), 'utf8') : at),
        hint: `send one segment per line or none, or ${leniencyHint('lineWrapping')}`,
      };
      if (!this.leniency.lineWrapping) throw new EdifactError(error);
      this.issues.warnOnce(error);
      text = text.replace(/[\r\n]+/g, '');
    } else if (context.charset?.encoding === 'latin1') {
      // Under UNOA/UNOB/UNOC a sender may really be writing UTF-8: read it as such when it is valid UTF-8.
      const bytes = Buffer.from(text, 'latin1');
      if (isUtf8(bytes)) {
        text = bytes.toString('utf8');
        context.utf8 = true;
      }
    }
    context.redecoded = true;
    const segment = this.splitter.scan(text, 0, index, offset, true);
    if (typeof segment === 'number') throw new Error('unreachable: a single segment rescanned incompletely');
    return segment;
  }

  /** UNB fixes the version, charset and repetition separator for everything after it. */
  private readHeader(unb: Segment): void {
    const header = readSyntaxHeader(unb, this.una, this.separators, this.leniency, (init) => this.issues.warn(init));
    const { charset, separators, reserved } = header;
    this.separators = separators;
    this.context.charset = charset;
    this.decode = decoderFor(charset.encoding);
    this.singleByte = charset.encoding !== 'utf8';
    const repertoire = charset.repertoire;
    this.configure(separators, reserved, (code) => inRepertoire(repertoire, code), repertoire === 'graphic' ? PLAIN : INVALID);
    this.info = { identifier: header.identifier, version: header.version, charset, separators, una: this.una, reservedCharacter: reserved };
    this.phase = 'body';
  }

  private afterInterchange(bytes: Buffer, pos: number, base: number): number {
    const len = bytes.length;
    if (this.phase === 'trailer') {
      let i = pos;
      while (i < len && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === CR || bytes[i] === LF || bytes[i] === 0x1a)) i++;
      if (i === len) return len;
      const error: EdifactErrorInit = {
        code: 'TEXT_AFTER_INTERCHANGE',
        syntaxError: SyntaxErrorCode.INVALID_OCCURRENCE_OUTSIDE_MESSAGE,
        detail: `data after UNZ (${preview(bytes, i, i + 24)})`,
        segmentNumber: this.segmentCount,
        byteOffset: base + i,
        hint: `send one interchange per file, or ${leniencyHint('textAroundInterchange')}`,
      };
      if (!this.leniency.textAroundInterchange) throw new EdifactError(error);
      this.issues.warn(error);
      this.phase = 'ignoring';
    }
    return len;
  }

  private tooLong(offset: number): never {
    throw new EdifactError({
      code: 'SEGMENT_TOO_LONG',
      syntaxError: SyntaxErrorCode.INVALID_CHARACTERS,
      detail: `segment ${this.segmentCount + 1} runs past ${this.maxSegmentLength} bytes without a segment terminator ${JSON.stringify(String.fromCharCode(this.separators.segment))}`,
      segmentNumber: this.segmentCount + 1,
      byteOffset: offset,
      hint: 'the data is binary, damaged or uses another terminator than its UNA declares; raise maxSegmentLength only for known huge segments',
    });
  }
}
