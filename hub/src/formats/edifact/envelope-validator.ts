// Checks the envelopes: UNB/UNG/UNH/UNT/UNE/UNZ contents, control counts, references and empty levels.
import { type DecimalPolicy, checkSegmentElements } from './element-validator';
import type { MessageDirectory } from './directory/registry';
import { serviceDictionaryId } from './directory/registry';
import { EdifactError, type EdifactErrorInit, SyntaxErrorCode } from './errors';
import type { Group, Interchange, Message } from './interchange';
import type { Leniency, LeniencySwitch } from './leniency';
import { leniencyHint } from './leniency';
import type { IssueSink } from './message-validator';
import type { Segment } from './segment';

export interface EnvelopeCheckContext {
  directory: MessageDirectory;
  leniency: Leniency;
  decimals: DecimalPolicy;
}

/**
 * Interchange and group envelopes: UNB/UNZ/UNG/UNE contents, counts and references, empty levels.
 * Each message's own envelope is checked by validateMessageEnvelope (as messages close, when streaming).
 */
export function validateEnvelope(interchange: Interchange, context: EnvelopeCheckContext, sink: IssueSink): void {
  const service = serviceDictionaryId(interchange.syntax.version);
  const checkService = (segment: Segment | undefined, owner: { messageIndex?: number; groupIndex?: number }): void => {
    if (!segment) return;
    const spec = context.directory.segment(service, service, segment.tag);
    if (!spec) return;
    checkSegmentElements(segment, spec, context.decimals, (problem) => {
      const init = { ...problem, ...owner, segmentNumber: segment.index, segmentTag: segment.tag, byteOffset: segment.offset };
      if (segment.tag === 'UNB' && isShortV4Date(interchange, init)) return shortDate(init, context.leniency, sink);
      sink.error(new EdifactError(init));
    });
  };
  checkService(interchange.header, {});
  checkService(interchange.trailer, {});
  const trailer = interchange.trailer;
  const grouped = interchange.groups.length > 0;
  const lowerCount = grouped ? interchange.groups.length : interchange.messageCount;
  if (lowerCount === 0) {
    sink.error(
      new EdifactError({
        code: 'EMPTY_INTERCHANGE',
        syntaxError: SyntaxErrorCode.LOWER_LEVEL_EMPTY,
        detail: 'the interchange contains no messages',
        segmentNumber: interchange.header.index,
        segmentTag: 'UNB',
        byteOffset: interchange.header.offset,
        hint: 'send at least one message',
      }),
    );
  }
  if (trailer) {
    const what = grouped ? 'functional groups' : 'messages';
    compareCount(trailer, 0, lowerCount, `UNZ control count`, what, 'the interchange', undefined, {}, sink);
    compareReference(trailer, 1, interchange.controlReference, 'UNZ', 'UNB 0020', undefined, {}, sink);
  }
  for (const group of interchange.groups) {
    checkService(group.header, { groupIndex: group.index });
    checkService(group.trailer, { groupIndex: group.index });
    checkGroup(group, sink);
  }
}

/**
 * A message's UNT count and reference, and whether its type fits its functional group (`groupType`:
 * UNG 0038, or the type of the group's first message).
 */
export function validateMessageEnvelope(message: Message, group: Group | undefined, groupType: string | undefined, leniency: Leniency, sink: IssueSink): void {
  const type = groupType;
  if (group && type !== undefined && message.type !== type) {
    sink.error(
      new EdifactError({
        code: 'MIXED_MESSAGE_TYPES_IN_GROUP',
        syntaxError: SyntaxErrorCode.MORE_THAN_ONE_MESSAGE_TYPE_IN_GROUP,
        detail: `message ${message.index} is ${message.type} in functional group ${group.index} of ${type} messages`,
        segmentNumber: message.header.index,
        segmentTag: 'UNH',
        elementPosition: 2,
        componentPosition: 1,
        byteOffset: message.header.offset,
        messageIndex: message.index,
        groupIndex: group.index,
        hint: 'put each message type in its own group',
      }),
    );
  }
  checkTrailer(message, leniency, sink);
}

function isShortV4Date(interchange: Interchange, init: EdifactErrorInit): boolean {
  const date = interchange.date;
  return interchange.syntax.version >= 4 && init.elementPosition === 4 && init.componentPosition === 1 && /^\d{6}$/.test(date);
}

function shortDate(init: EdifactErrorInit, leniency: Leniency, sink: IssueSink): void {
  const error = new EdifactError({
    ...init,
    code: 'SHORT_DATE_IN_V4',
    detail: 'UNB date has 6 digits (YYMMDD) in a syntax version 4 interchange, which needs CCYYMMDD',
    hint: `send the century, or ${leniencyHint('shortDateInV4')}`,
  });
  if (leniency.shortDateInV4) sink.warning(error);
  else sink.error(error);
}

function checkGroup(group: Group, sink: IssueSink): void {
  const owner = { groupIndex: group.index };
  if (group.messageCount === 0) {
    sink.error(
      new EdifactError({
        code: 'EMPTY_GROUP',
        syntaxError: SyntaxErrorCode.LOWER_LEVEL_EMPTY,
        detail: `functional group ${group.index} (${group.reference}) contains no messages`,
        segmentNumber: group.header.index,
        segmentTag: 'UNG',
        byteOffset: group.header.offset,
        groupIndex: group.index,
        hint: 'send at least one message per group',
      }),
    );
  }
  if (group.trailer) {
    compareCount(group.trailer, 0, group.messageCount, 'UNE message count', 'messages', `functional group ${group.index}`, undefined, owner, sink);
    compareReference(group.trailer, 1, group.reference, 'UNE', 'UNG 0048', undefined, owner, sink);
  }
}

function checkTrailer(message: Message, leniency: Leniency, sink: IssueSink): void {
  const trailer = message.trailer;
  if (!trailer) return;
  const owner = { messageIndex: message.index, groupIndex: message.groupIndex };
  compareCount(trailer, 0, message.segmentCount, 'UNT segment count', 'segments', `message ${message.index}`, leniency.wrongSegmentCounts ? 'wrongSegmentCounts' : undefined, owner, sink);
  compareReference(trailer, 1, message.reference, 'UNT', 'UNH 0062', leniency.wrongMessageReferences ? 'wrongMessageReferences' : undefined, owner, sink);
}

function compareCount(
  trailer: Segment,
  element: number,
  actual: number,
  label: string,
  unit: string,
  scope: string,
  tolerated: LeniencySwitch | undefined,
  owner: { messageIndex?: number; groupIndex?: number },
  sink: IssueSink,
): void {
  const sent = trailer.elements[element]?.[0] ?? '';
  if (sent === '' || Number(sent) === actual) return;
  const error = new EdifactError({
    code: 'COUNT_MISMATCH',
    syntaxError: SyntaxErrorCode.CONTROL_COUNT_MISMATCH,
    detail: `${label} ${sent} does not match ${actual} ${unit} in ${scope}`,
    hint: trailer.tag === 'UNT' ? `set UNT 0074 to ${actual}, or ${leniencyHint('wrongSegmentCounts')}` : `set the count to ${actual}`,
    segmentNumber: trailer.index,
    segmentTag: trailer.tag,
    elementPosition: element + 1,
    byteOffset: trailer.offset,
    ...owner,
  });
  if (tolerated) sink.warning(error);
  else sink.error(error);
}

function compareReference(
  trailer: Segment,
  element: number,
  expected: string,
  label: string,
  source: string,
  tolerated: LeniencySwitch | undefined,
  owner: { messageIndex?: number; groupIndex?: number },
  sink: IssueSink,
): void {
  const sent = trailer.elements[element]?.[0] ?? '';
  if (sent === expected || sent === '') return;
  const error = new EdifactError({
    code: 'REFERENCE_MISMATCH',
    syntaxError: SyntaxErrorCode.REFERENCES_DO_NOT_MATCH,
    detail: `${label} reference ${JSON.stringify(sent)} does not match ${source} ${JSON.stringify(expected)}`,
    hint: trailer.tag === 'UNT' ? `repeat the UNH reference, or ${leniencyHint('wrongMessageReferences')}` : 'repeat the header reference in the trailer',
    segmentNumber: trailer.index,
    segmentTag: trailer.tag,
    elementPosition: element + 1,
    byteOffset: trailer.offset,
    ...owner,
  });
  if (tolerated) sink.warning(error);
  else sink.error(error);
}
