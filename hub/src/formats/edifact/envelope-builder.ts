// Assembles segments into the envelope tree as they stream by, recording structural faults instead of stopping.
import { EdifactError, type EdifactErrorInit, SyntaxErrorCode } from './errors';
import type { Group, Interchange, Message } from './interchange';
import { partyFrom } from './interchange';
import type { Segment } from './segment';
import type { SyntaxInfo } from './tokenizer';

export interface BuilderOptions {
  /**
   * Keep every message (with its segments) in the tree. Off for streaming validation of huge files, where
   * memory must not grow with the number of messages: groups and counts are kept, messages are not.
   */
  retain: boolean;
  /** Called when a message closes, with its segments (UNH … UNT) and its group, retained or not. */
  onMessage?: (message: Message, segments: Segment[], group: Group | undefined) => void;
}

export class InterchangeBuilder {
  readonly errors: EdifactError[] = [];
  private header: Segment | undefined;
  private trailer: Segment | undefined;
  private readonly groups: Group[] = [];
  private readonly messages: Message[] = [];
  private looseMessages = 0;
  private group: Group | undefined;
  private message: Message | undefined;
  private messageSegments: Segment[] = [];
  private messageCount = 0;
  private lastSegment: Segment | undefined;

  constructor(private readonly options: BuilderOptions) {}

  push(segment: Segment): void {
    this.lastSegment = segment;
    const tag = segment.tag;
    // Data segments are the bulk: skip the service-segment switch unless the tag starts with UN.
    if (tag.charCodeAt(0) !== 0x55 || tag.charCodeAt(1) !== 0x4e) {
      this.data(segment);
      return;
    }
    switch (tag) {
      case 'UNB':
        if (this.header) this.fault(segment, 'UNEXPECTED_SERVICE_SEGMENT', 'a second UNB inside the interchange', 'send one interchange per transmission');
        else this.header = segment;
        return;
      case 'UNG':
        this.closeMessage(segment);
        this.closeGroup(segment);
        if (this.looseMessages > 0) {
          this.fault(segment, 'GROUPS_AND_MESSAGES_MIXED', 'functional group after messages outside any group', 'put every message in a group or none', SyntaxErrorCode.GROUPS_AND_MESSAGES_MIXED);
        }
        this.group = { index: this.groups.length + 1, reference: segment.elements[4]?.[0] ?? '', header: segment, messages: [], messageCount: 0 };
        if (segment.elements[0]?.[0]) this.group.messageType = segment.elements[0][0];
        this.groups.push(this.group);
        return;
      case 'UNE':
        this.closeMessage(segment);
        if (!this.group) {
          this.fault(segment, 'UNEXPECTED_SERVICE_SEGMENT', 'UNE without an open functional group', 'remove it or add the matching UNG', SyntaxErrorCode.INVALID_OCCURRENCE_OUTSIDE_MESSAGE);
        } else {
          this.group.trailer = segment;
          this.group = undefined;
        }
        return;
      case 'UNH':
        this.closeMessage(segment);
        if (!this.group && this.groups.length > 0) {
          this.fault(segment, 'GROUPS_AND_MESSAGES_MIXED', 'message outside a functional group in an interchange that uses groups', 'put every message in a group or none', SyntaxErrorCode.GROUPS_AND_MESSAGES_MIXED);
        }
        this.openMessage(segment);
        return;
      case 'UNT':
        if (!this.message) {
          this.fault(segment, 'UNEXPECTED_SERVICE_SEGMENT', 'UNT without an open message', 'remove it or add the matching UNH', SyntaxErrorCode.INVALID_OCCURRENCE_OUTSIDE_MESSAGE);
          return;
        }
        this.append(segment);
        this.message.trailer = segment;
        this.closeMessage(undefined);
        return;
      case 'UNZ':
        this.closeMessage(segment);
        this.closeGroup(segment);
        this.trailer = segment;
        return;
      default:
        this.data(segment);
    }
  }

  private data(segment: Segment): void {
    if (this.message) this.append(segment);
    else {
      this.fault(segment, 'SEGMENT_OUTSIDE_MESSAGE', `segment ${segment.tag} outside any message`, 'every data segment must sit between UNH and UNT', SyntaxErrorCode.INVALID_OCCURRENCE_OUTSIDE_MESSAGE);
    }
  }

  /** The tree so far; `syntax` comes from the tokenizer once UNB was read. */
  finish(syntax: SyntaxInfo, segmentCount: number): Interchange {
    const header = this.header;
    if (!header) throw new Error('InterchangeBuilder.finish called before UNB');
    const e = header.elements;
    const interchange: Interchange = {
      syntax,
      header,
      sender: partyFrom(e[1]),
      recipient: partyFrom(e[2]),
      date: e[3]?.[0] ?? '',
      time: e[3]?.[1] ?? '',
      controlReference: e[4]?.[0] ?? '',
      ackRequested: e[8]?.[0] === '1',
      test: e[10]?.[0] === '1',
      groups: this.groups,
      messages: this.messages,
      messageCount: this.messageCount,
      segmentCount,
      errors: this.errors,
      warnings: [],
    };
    if (this.trailer) interchange.trailer = this.trailer;
    return interchange;
  }

  private openMessage(unh: Segment): void {
    const id = unh.elements[1] ?? [];
    const message: Message = {
      index: ++this.messageCount,
      reference: unh.elements[0]?.[0] ?? '',
      type: id[0] ?? '',
      version: id[1] ?? '',
      release: id[2] ?? '',
      agency: id[3] ?? '',
      header: unh,
      segmentCount: 0,
      segments: [],
    };
    if (id[4]) message.association = id[4];
    if (this.group) {
      message.groupIndex = this.group.index;
      this.group.messageCount++;
      if (this.options.retain) this.group.messages.push(message);
    } else {
      this.looseMessages++;
      if (this.options.retain) this.messages.push(message);
    }
    this.message = message;
    this.messageSegments = [];
    this.append(unh);
  }

  private append(segment: Segment): void {
    this.message!.segmentCount++;
    this.messageSegments.push(segment);
  }

  /** Closes the open message; `by` is the segment that closed it when UNT was missing. */
  private closeMessage(by: Segment | undefined): void {
    const message = this.message;
    if (!message) return;
    if (by) {
      this.fault(by, 'MISSING_UNT', `message ${message.index} (${message.reference}) has no UNT before ${by.tag}`, 'every UNH needs its UNT', SyntaxErrorCode.MISSING, message);
    }
    const segments = this.messageSegments;
    if (this.options.retain) message.segments = segments;
    this.options.onMessage?.(message, segments, this.group);
    this.message = undefined;
    this.messageSegments = [];
  }

  private closeGroup(by: Segment): void {
    if (!this.group) return;
    this.fault(by, 'MISSING_UNE', `functional group ${this.group.index} (${this.group.reference}) has no UNE before ${by.tag}`, 'every UNG needs its UNE', SyntaxErrorCode.MISSING);
    this.group = undefined;
  }

  private fault(
    segment: Segment,
    code: EdifactErrorInit['code'],
    detail: string,
    hint: string,
    syntaxError: EdifactErrorInit['syntaxError'] = SyntaxErrorCode.SERVICE_SEGMENT_INVALID,
    message: Message | undefined = this.message,
  ): void {
    this.errors.push(
      new EdifactError({
        code,
        syntaxError,
        detail,
        hint,
        segmentNumber: segment.index,
        segmentTag: segment.tag,
        byteOffset: segment.offset,
        messageIndex: message?.index,
        groupIndex: this.group?.index,
      }),
    );
  }

  get lastSegmentRead(): Segment | undefined {
    return this.lastSegment;
  }
}
