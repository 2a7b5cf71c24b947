// Writes interchanges: envelopes with correct control counts, UNA only when needed, messages escaped.
import type { Party } from './interchange';
import type { SegmentInput } from './segment';
import { SegmentWriter } from './segment-writer';
import { type Separators, formatUna, levelASeparators, levelBSeparators, sameSeparators } from './syntax';

export interface MessageInput {
  type: string;
  version: string;
  release: string;
  agency: string;
  association?: string;
  /** UNH 0062; defaults to the message's ordinal in the interchange. */
  reference?: string;
  /** The segments between UNH and UNT. */
  segments: SegmentInput[];
}

export interface GroupInput {
  /** UNG 0048. */
  reference: string;
  /** UNG 0038; defaults to the type of the group's first message. */
  messageType?: string;
  /** UNG S006 / S007 application sender and recipient; default to the interchange parties. */
  sender?: Party;
  recipient?: Party;
  messages: MessageInput[];
}

export interface EnvelopeParams {
  sender: Party | string;
  recipient: Party | string;
  /** UNB 0020: take it from a ControlReferenceStore so it is unique per partner. */
  controlRef: string;
  /** Preparation time (UTC parts are written); now by default. Or the exact UNB S004 texts. */
  date?: Date | { date: string; time: string };
  testIndicator?: boolean;
  ackRequested?: boolean;
  /** Syntax identifier and version; UNOC version 3 by default. */
  syntax?: { identifier: string; version: 3 | 4 };
  /** Separators to use; a UNA is written only when they differ from the defaults of the syntax level. */
  separators?: Partial<Separators>;
  /** Write a UNA even with default separators (some partners insist). */
  alwaysUna?: boolean;
  applicationReference?: string;
  /** Written after each segment terminator, e.g. '\n'. */
  lineEnd?: string;
}

export interface InterchangeInput extends EnvelopeParams {
  /** Messages outside groups (give either messages or groups). */
  messages?: MessageInput[];
  groups?: GroupInput[];
}

function partyElement(party: Party | string): string[] {
  if (typeof party === 'string') return [party];
  return [party.id, party.qualifier ?? '', party.internalId ?? ''];
}

function dateParts(params: EnvelopeParams, version: number): { date: string; time: string } {
  const value = params.date ?? new Date();
  if (!(value instanceof Date)) return value;
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const year = version >= 4 ? pad(value.getUTCFullYear(), 4) : pad(value.getUTCFullYear() % 100);
  return { date: `${year}${pad(value.getUTCMonth() + 1)}${pad(value.getUTCDate())}`, time: `${pad(value.getUTCHours())}${pad(value.getUTCMinutes())}` };
}

/**
 * Writes an interchange piece by piece (header, groups, messages, trailer) so huge interchanges can be
 * streamed; it counts what it wrote, so every trailer count is right by construction.
 */
export class InterchangeWriter {
  readonly separators: Separators;
  private readonly writer: SegmentWriter;
  private readonly version: 3 | 4;
  private readonly identifier: string;
  private readonly prepared: { date: string; time: string };
  private messageCount = 0;
  private groupCount = 0;
  private groupMessages = 0;
  private looseMessages = 0;
  private openGroup: string | undefined;
  private started = false;

  constructor(private readonly params: EnvelopeParams) {
    this.identifier = params.syntax?.identifier ?? 'UNOC';
    this.version = params.syntax?.version ?? 3;
    const defaults = this.identifier === 'UNOB' && params.separators === undefined ? levelBSeparators(this.version) : levelASeparators(this.version);
    this.separators = { ...defaults, ...params.separators };
    this.writer = new SegmentWriter(this.separators, params.lineEnd ?? '');
    this.prepared = dateParts(params, this.version);
  }

  /** UNA (when needed) and UNB. */
  header(): string {
    this.started = true;
    const p = this.params;
    const standard = sameSeparators(this.separators, levelASeparators(this.version)) || sameSeparators(this.separators, levelBSeparators(this.version));
    const una = p.alwaysUna || !standard ? `${formatUna(this.separators)}${p.lineEnd ?? ''}` : '';
    const elements: string[][] = [
      [this.identifier, String(this.version)],
      partyElement(p.sender),
      partyElement(p.recipient),
      [this.prepared.date, this.prepared.time],
      [p.controlRef],
      [],
      [p.applicationReference ?? ''],
      [],
      [p.ackRequested ? '1' : ''],
      [],
      [p.testIndicator ? '1' : ''],
    ];
    return una + this.writer.write({ tag: 'UNB', elements });
  }

  beginGroup(group: Omit<GroupInput, 'messages'> & { messages?: MessageInput[] }, firstType?: string): string {
    if (this.looseMessages > 0) throw new Error('InterchangeWriter: cannot open a group after messages outside groups');
    if (this.openGroup !== undefined) throw new Error('InterchangeWriter: close the open group first');
    this.openGroup = group.reference;
    this.groupCount++;
    this.groupMessages = 0;
    const type = group.messageType ?? firstType ?? group.messages?.[0]?.type ?? '';
    const first = group.messages?.[0];
    return this.writer.write({
      tag: 'UNG',
      elements: [
        [type],
        partyElement(group.sender ?? this.params.sender).slice(0, 2),
        partyElement(group.recipient ?? this.params.recipient).slice(0, 2),
        [this.prepared.date, this.prepared.time],
        [group.reference],
        [first?.agency ?? 'UN'],
        first ? [first.version, first.release, first.association ?? ''] : [],
      ],
    });
  }

  endGroup(): string {
    if (this.openGroup === undefined) throw new Error('InterchangeWriter: no group is open');
    const segment = this.writer.write({ tag: 'UNE', elements: [[String(this.groupMessages)], [this.openGroup]] });
    this.openGroup = undefined;
    return segment;
  }

  /** UNH, the message's segments and UNT with the right segment count. */
  message(message: MessageInput): string {
    if (!this.started) throw new Error('InterchangeWriter: write the header first');
    if (this.openGroup === undefined && this.groupCount > 0) throw new Error('InterchangeWriter: messages and groups cannot be mixed');
    this.messageCount++;
    if (this.openGroup !== undefined) this.groupMessages++;
    else this.looseMessages++;
    const reference = message.reference ?? String(this.messageCount);
    const id = [message.type, message.version, message.release, message.agency];
    if (message.association) id.push(message.association);
    let out = this.writer.write({ tag: 'UNH', elements: [[reference], id] });
    for (const segment of message.segments) out += this.writer.write(segment);
    out += this.writer.write({ tag: 'UNT', elements: [[String(message.segments.length + 2)], [reference]] });
    return out;
  }

  /** UNZ with the number of groups, or of messages when no group was written. */
  trailer(): string {
    if (this.openGroup !== undefined) throw new Error('InterchangeWriter: close the open group first');
    const count = this.groupCount > 0 ? this.groupCount : this.messageCount;
    return this.writer.write({ tag: 'UNZ', elements: [[String(count)], [this.params.controlRef]] });
  }
}

/** The whole interchange as text (encode it with the charset the UNB declares). */
export function generateInterchange(input: InterchangeInput): string {
  if (input.messages?.length && input.groups?.length) throw new Error('generateInterchange: give messages or groups, not both');
  const writer = new InterchangeWriter(input);
  let out = writer.header();
  if (input.groups?.length) {
    for (const group of input.groups) {
      out += writer.beginGroup(group);
      for (const message of group.messages) out += writer.message(message);
      out += writer.endGroup();
    }
  } else {
    for (const message of input.messages ?? []) out += writer.message(message);
  }
  return out + writer.trailer();
}
