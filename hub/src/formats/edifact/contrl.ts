// CONTRL acknowledgements: UCI for the interchange, UCF/UCM/UCS/UCD pointing at every reported error.
import type { EdifactError } from './errors';
import { type MessageInput, generateInterchange } from './generator';
import type { Interchange, Message } from './interchange';
import { allMessages } from './interchange';
import type { SegmentInput } from './segment';
import type { ValidationResult } from './validator';

export const ACTION_ACKNOWLEDGED = '7';
export const ACTION_REJECTED = '4';

export interface AcknowledgeOptions {
  /** UNB 0020 of the CONTRL interchange itself (from a ControlReferenceStore). */
  controlRef: string;
  /** UNH 0062 of the CONTRL message; '1' by default. */
  messageRef?: string;
  date?: Date;
  /**
   * Accept the interchange (UCI 7) and reject only the messages with errors (UCM 4). By default any
   * error rejects the whole interchange (UCI 4), as customs partners expect.
   */
  partialAcceptance?: boolean;
}

/** UNB 0031 = 1 asks for a CONTRL; a CONTRL is never acknowledged (that would loop between partners). */
export function needsAcknowledgement(interchange: Interchange): boolean {
  return interchange.ackRequested && !allMessages(interchange).some((message) => message.type === 'CONTRL');
}

/** The CONTRL interchange text for `interchange`, or undefined when no acknowledgement is due. */
export function acknowledge(interchange: Interchange, result: Pick<ValidationResult, 'errors'>, options: AcknowledgeOptions): string | undefined {
  if (!needsAcknowledgement(interchange)) return undefined;
  const message = buildContrl(interchange, result, options);
  return generateInterchange({
    sender: interchange.recipient,
    recipient: interchange.sender,
    controlRef: options.controlRef,
    date: options.date ?? new Date(),
    syntax: { identifier: interchange.syntax.identifier, version: interchange.syntax.version >= 4 ? 4 : 3 },
    separators: interchange.syntax.separators,
    alwaysUna: interchange.syntax.una !== undefined,
    testIndicator: interchange.test,
    messages: [message],
  });
}

type Level = { kind: 'interchange' } | { kind: 'group'; group: number } | { kind: 'message'; message: Message };

/** The CONTRL message (D:3 for syntax 3, 4:1 for syntax 4) as a generator input. */
export function buildContrl(interchange: Interchange, result: Pick<ValidationResult, 'errors'>, options: AcknowledgeOptions): MessageInput {
  const v4 = interchange.syntax.version >= 4;
  const messages = allMessages(interchange);
  const byMessage = new Map<Message, EdifactError[]>();
  const byGroup = new Map<number, EdifactError[]>();
  const onInterchange: EdifactError[] = [];
  for (const error of result.errors) {
    const level = levelOf(error, interchange, messages);
    if (level.kind === 'message') push(byMessage, level.message, error);
    else if (level.kind === 'group') push(byGroup, level.group, error);
    else onInterchange.push(error);
  }
  const rejectAll = result.errors.length > 0 && !(options.partialAcceptance && onInterchange.length === 0 && byGroup.size === 0);
  const uci: string[][] = [
    [interchange.controlReference],
    partyOf(interchange.sender),
    partyOf(interchange.recipient),
    [rejectAll ? ACTION_REJECTED : ACTION_ACKNOWLEDGED],
    ...errorPointer(onInterchange[0]),
  ];
  const segments: SegmentInput[] = [{ tag: 'UCI', elements: uci }];
  const messageResponses = (list: Message[]): void => {
    for (const message of list) {
      const errors = byMessage.get(message);
      if (errors) segments.push(...messageResponse(message, errors));
    }
  };
  if (interchange.groups.length > 0) {
    for (const group of interchange.groups) {
      const errors = byGroup.get(group.index);
      const messageErrors = group.messages.some((message) => byMessage.has(message));
      if (!errors && !messageErrors) continue;
      const ucf: string[][] = [[group.reference], [], [], [errors || rejectAll ? ACTION_REJECTED : ACTION_ACKNOWLEDGED], ...errorPointer(errors?.[0])];
      segments.push({ tag: 'UCF', elements: ucf });
      messageResponses(group.messages);
    }
  } else {
    messageResponses(messages);
  }
  return {
    type: 'CONTRL',
    version: v4 ? '4' : 'D',
    release: v4 ? '1' : '3',
    agency: 'UN',
    reference: options.messageRef ?? '1',
    segments,
  };
}

function push<K>(map: Map<K, EdifactError[]>, key: K, error: EdifactError): void {
  const list = map.get(key);
  if (list) list.push(error);
  else map.set(key, [error]);
}

function partyOf(party: Interchange['sender']): string[] {
  return [party.id, party.qualifier ?? '', party.internalId ?? ''];
}

/** 0085, service segment tag and S011 for an error on a service segment (UCI, UCF and UCM share the layout). */
function errorPointer(error: EdifactError | undefined): string[][] {
  if (!error) return [];
  const out: string[][] = [[error.syntaxError]];
  // A missing trailer is found at the segment that came instead; the pointer names the missing one.
  const missing = error.code === 'MISSING_UNT' ? 'UNT' : error.code === 'MISSING_UNE' ? 'UNE' : undefined;
  if (missing) return [...out, [missing]];
  const tag = error.segmentTag && /^UN[ABZGEHT]$/.test(error.segmentTag) ? error.segmentTag : '';
  if (tag) out.push([tag]);
  if (tag && error.elementPosition !== undefined) out.push(dataElementId(error));
  return out;
}

/** S011: 0098 counts the tag as position 1, so data element n is n + 1. */
function dataElementId(error: EdifactError): string[] {
  const id = [String(error.elementPosition! + 1)];
  if (error.componentPosition !== undefined) id.push(String(error.componentPosition));
  return id;
}

function messageResponse(message: Message, errors: EdifactError[]): SegmentInput[] {
  // Problems of UNH/UNT themselves go on UCM; a segment missing right after UNH is a body problem (UCS).
  const onEnvelope = errors.filter(
    (error) =>
      error.segmentNumber === undefined ||
      error.code === 'MISSING_UNT' ||
      ((error.segmentTag === 'UNH' || error.segmentTag === 'UNT') && error.code !== 'MISSING_SEGMENT'),
  );
  const id = [message.type, message.version, message.release, message.agency];
  if (message.association) id.push(message.association);
  const out: SegmentInput[] = [{ tag: 'UCM', elements: [[message.reference], id, [ACTION_REJECTED], ...errorPointer(onEnvelope[0])] }];
  const bySegment = new Map<number, EdifactError[]>();
  for (const error of errors) {
    if (onEnvelope.includes(error)) continue;
    push(bySegment, error.segmentNumber!, error);
  }
  let reported = 0;
  for (const [segmentNumber, list] of [...bySegment].sort((a, b) => a[0] - b[0])) {
    if (reported >= 999) break; // SG2 repeats at most 999 times
    const position = String(segmentNumber - message.header.index + 1);
    const segmentLevel = list.filter((error) => error.elementPosition === undefined);
    const elementLevel = list.filter((error) => error.elementPosition !== undefined);
    for (const error of segmentLevel) {
      out.push({ tag: 'UCS', elements: [[position], [error.syntaxError]] });
      reported++;
    }
    if (elementLevel.length > 0) {
      out.push({ tag: 'UCS', elements: [[position]] });
      reported++;
      for (const error of elementLevel.slice(0, 99)) out.push({ tag: 'UCD', elements: [[error.syntaxError], dataElementId(error)] });
    }
  }
  return out;
}

/** Where an error belongs: its message (also found by segment number), its group, or the interchange. */
function levelOf(error: EdifactError, interchange: Interchange, messages: Message[]): Level {
  if (error.messageIndex !== undefined) {
    const message = messages[error.messageIndex - 1];
    if (message) return { kind: 'message', message };
  }
  const at = error.segmentNumber;
  if (at !== undefined && error.segmentTag !== 'UNB' && error.segmentTag !== 'UNZ') {
    const message = messages.find((m) => m.header.index <= at && at < m.header.index + m.segmentCount);
    if (message) return { kind: 'message', message };
    const group = interchange.groups.find((g) => g.header.index <= at && at <= (g.trailer?.index ?? Number.MAX_SAFE_INTEGER));
    if (group) return { kind: 'group', group: group.index };
  }
  if (error.groupIndex !== undefined) return { kind: 'group', group: error.groupIndex };
  return { kind: 'interchange' };
}
