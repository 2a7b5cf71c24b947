// Reads an SSIM chapter 7 data set line by line: record length, record order (1, 2, 3/4…, 5),
// consecutive record serial numbers, the trailer's check reference, and every field of each record.
// Zero-filled block padding records are skipped. Feed lines as they arrive (streaming) or parse a text.
import { SsimError } from './errors';
import type { SsimIssue } from './errors';
import { RECORD_LENGTH } from './layout';
import { FieldReader, flightKey, readCarrier, readHeader, readLeg, readSegment, readTrailer } from './record-readers';
import type { SsimCarrierBlock, SsimFile, SsimHeader, SsimLeg } from './records';

const FILLER = /^0+$/;

export interface SsimParseOptions {
  /** Stop collecting after this many issues (the file is rejected either way). */
  maxIssues?: number;
}

type Expecting = 'header' | 'carrier' | 'body' | 'carrier-or-end';

export class SsimParser {
  private readonly issues: SsimIssue[] = [];
  private readonly carriers: SsimCarrierBlock[] = [];
  private header: SsimHeader | undefined;
  private expecting: Expecting = 'header';
  private line = 0;
  private nextSerial = 1;
  private lastSerial = 0;
  private lastLeg: { leg: SsimLeg; key: string } | undefined;
  private readonly maxIssues: number;

  constructor(options: SsimParseOptions = {}) {
    this.maxIssues = options.maxIssues ?? 100;
  }

  /** Read one line (without its line break); problems are collected and reported by finish(). */
  feed(rawLine: string): void {
    this.line += 1;
    if (this.issues.length >= this.maxIssues) return;
    const record = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (record.trim() === '') return;
    if (record.length !== RECORD_LENGTH) {
      this.issue(0, 0, 'record', `record is ${record.length} characters long; SSIM chapter 7 records are exactly ${RECORD_LENGTH} (pad with spaces, one record per line)`);
      return;
    }
    if (FILLER.test(record)) return;
    const type = record[0];
    const reader = new FieldReader(record, this.line);
    switch (type) {
      case '1':
        this.onHeader(reader);
        break;
      case '2':
        this.onCarrier(reader);
        break;
      case '3':
        this.onLeg(reader);
        break;
      case '4':
        this.onSegment(reader);
        break;
      case '5':
        this.onTrailer(reader);
        break;
      default:
        this.issue(1, 1, 'record type', `record type '${type}' is not 1 (header), 2 (carrier), 3 (flight leg), 4 (segment data), 5 (trailer) or 0 (padding)`);
    }
  }

  /** The whole data set; throws SsimError listing every malformed record. */
  finish(): SsimFile {
    if (this.issues.length === 0) {
      if (!this.header) this.issue(0, 0, 'file', 'the file holds no header record (type 1); an SSIM data set starts with "1AIRLINE STANDARD SCHEDULE DATA SET"');
      else if (this.expecting !== 'carrier-or-end') this.issue(0, 0, 'file', `the file ends without a trailer record (type 5) after line ${this.line}; the data set may be truncated`);
    }
    if (this.issues.length > 0 || !this.header) throw new SsimError(this.issues);
    return { header: this.header, carriers: this.carriers };
  }

  private issue(from: number, to: number, field: string, message: string, line = this.line): void {
    this.issues.push({ line, columns: [from, to], field, message });
  }

  /** Serial numbers run 000001, 000002, … over every record except the zero padding. */
  private checkSerial(serial: number): void {
    if (Number.isNaN(serial)) return;
    if (serial !== this.nextSerial) {
      this.issue(195, 200, 'record serial number', `record serial number ${String(serial).padStart(6, '0')} is out of sequence: expected ${String(this.nextSerial).padStart(6, '0')} (a record is missing, duplicated or out of order)`);
    }
    this.lastSerial = serial;
    this.nextSerial = serial + 1;
  }

  private accept(reader: FieldReader): boolean {
    this.issues.push(...reader.issues);
    return reader.issues.length === 0;
  }

  private outOfOrder(what: string, expected: string): void {
    this.issue(1, 1, 'record type', `${what} is out of place: expected ${expected}`);
  }

  private onHeader(reader: FieldReader): void {
    if (this.expecting !== 'header') return this.outOfOrder('a second header record (type 1)', 'one header at the start of the data set');
    const header = readHeader(reader);
    this.checkSerial(header.serial);
    if (this.accept(reader)) this.header = header;
    this.expecting = 'carrier';
  }

  private onCarrier(reader: FieldReader): void {
    if (this.expecting !== 'carrier' && this.expecting !== 'carrier-or-end') return this.outOfOrder('carrier record (type 2)', this.expecting === 'header' ? 'the header record (type 1) first' : 'the trailer (type 5) of the previous carrier first');
    const carrier = readCarrier(reader);
    this.checkSerial(carrier.serial);
    this.accept(reader);
    this.carriers.push({ carrier, legs: [] });
    this.lastLeg = undefined;
    this.expecting = 'body';
  }

  private onLeg(reader: FieldReader): void {
    const block = this.carriers[this.carriers.length - 1];
    if (this.expecting !== 'body' || !block) return this.outOfOrder('flight leg record (type 3)', 'a carrier record (type 2) before the flight legs');
    const leg = readLeg(reader, block.carrier.validity.to);
    this.checkSerial(leg.serial);
    if (leg.airline && block.carrier.airline && leg.airline !== block.carrier.airline && reader.issues.length === 0) {
      reader.fail([3, 5], 'airline designator', `flight leg airline '${leg.airline}' differs from the carrier record's '${block.carrier.airline}' (line ${block.carrier.line}); one carrier block holds one airline's flights`);
    }
    if (!this.accept(reader)) {
      this.lastLeg = undefined;
      return;
    }
    block.legs.push(leg);
    this.lastLeg = { leg, key: flightKey(reader.record) };
  }

  private onSegment(reader: FieldReader): void {
    if (this.expecting !== 'body') return this.outOfOrder('segment data record (type 4)', 'it to follow its flight leg record (type 3)');
    const segment = readSegment(reader);
    this.checkSerial(segment.serial);
    if (this.lastLeg && flightKey(reader.record) !== this.lastLeg.key) {
      reader.fail([2, 11], 'flight designator', `segment data for '${flightKey(reader.record).trim()}' follows flight leg '${this.lastLeg.key.trim()}' (line ${this.lastLeg.leg.line}); a type 4 record must follow the type 3 record of the same flight`);
    }
    if (this.accept(reader)) this.lastLeg?.leg.segments.push(segment);
  }

  private onTrailer(reader: FieldReader): void {
    const block = this.carriers[this.carriers.length - 1];
    if (this.expecting !== 'body' || !block) return this.outOfOrder('trailer record (type 5)', 'a carrier record (type 2) and its flight legs first');
    const before = this.lastSerial;
    const trailer = readTrailer(reader);
    this.checkSerial(trailer.serial);
    if (reader.issues.length === 0 && trailer.serialCheckReference !== before) {
      reader.fail([188, 193], 'serial number check reference', `serial number check reference ${String(trailer.serialCheckReference).padStart(6, '0')} does not match the record before the trailer (${String(before).padStart(6, '0')}); the data set is incomplete or the trailer is wrong`);
    }
    if (reader.issues.length === 0 && trailer.airline !== block.carrier.airline) {
      reader.fail([3, 5], 'airline designator', `trailer airline '${trailer.airline}' differs from the carrier record's '${block.carrier.airline}' (line ${block.carrier.line})`);
    }
    if (this.accept(reader)) block.trailer = trailer;
    this.expecting = 'carrier-or-end';
  }
}

/** Parse a whole SSIM text; throws SsimError naming each malformed record's line and columns. */
export function parseSsim(text: string | Buffer, options: SsimParseOptions = {}): SsimFile {
  const parser = new SsimParser(options);
  const content = typeof text === 'string' ? text : text.toString('latin1');
  for (const line of content.split('\n')) parser.feed(line);
  return parser.finish();
}
