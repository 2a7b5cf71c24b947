// Validates one message against its directory definition: segment table first, then every segment's elements.
import { type DecimalPolicy, type ProblemSink, checkSegmentElements } from './element-validator';
import type { MessageDirectory } from './directory/registry';
import { serviceDictionaryId } from './directory/registry';
import { EdifactError, type EdifactErrorInit, SyntaxErrorCode } from './errors';
import type { Message } from './interchange';
import type { Segment } from './segment';
import { TableWalker } from './table-walker';

export interface MessageCheckContext {
  directory: MessageDirectory;
  syntaxVersion: number;
  decimals: DecimalPolicy;
  /** Report messages without a definition as warnings instead of errors (syntax-only acceptance). */
  allowUnknownMessages: boolean;
}

export interface IssueSink {
  error(error: EdifactError): void;
  warning(error: EdifactError): void;
}

/** Validates a message's segments (UNH … UNT); every problem goes to the sink with its position. */
export function validateMessage(message: Message, segments: Segment[], context: MessageCheckContext, sink: IssueSink): void {
  const owner = (init: EdifactErrorInit): EdifactError =>
    new EdifactError({ ...init, messageIndex: message.index, groupIndex: message.groupIndex });
  const name = `${message.type} ${message.version}:${message.release}:${message.agency}`;
  const compiled = context.directory.message(message.type, message.version, message.release, message.agency);
  const service = serviceDictionaryId(context.syntaxVersion);
  if (!compiled) {
    const error = owner({
      code: 'UNKNOWN_MESSAGE',
      syntaxError: SyntaxErrorCode.MESSAGE_NOT_SUPPORTED,
      detail: `message ${message.index} is ${name}, which has no definition in the directory`,
      hint: 'add a definition file for it, or set allowUnknownMessages to accept it unchecked',
      segmentNumber: message.header.index,
      segmentTag: 'UNH',
      elementPosition: 2,
      byteOffset: message.header.offset,
    });
    if (context.allowUnknownMessages) sink.warning(error);
    else sink.error(error);
    return;
  }
  const walker = new TableWalker(compiled.root, `message ${message.index} ${message.type}`, compiled.tags, (problem) => {
    const { at, ...init } = problem;
    sink.error(owner({ ...init, byteOffset: at?.offset }));
  });
  const specs = context.directory.segmentsFor(compiled.definition.segmentDictionary, service);
  let current: Segment = message.header;
  const report: ProblemSink = (problem) => sink.error(owner({ ...problem, segmentNumber: current.index, segmentTag: current.tag, byteOffset: current.offset }));
  for (const segment of segments) {
    walker.place(segment);
    const spec = specs.get(segment.tag);
    if (!spec) continue;
    current = segment;
    checkSegmentElements(segment, spec, context.decimals, report);
  }
  walker.finish(message.trailer !== undefined);
}
