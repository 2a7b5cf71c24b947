// Validation entry points: a parsed interchange, or a byte stream validated message by message.
import { bundledDirectory, type MessageDirectory } from './directory/registry';
import { decimalPolicy } from './element-validator';
import { InterchangeBuilder } from './envelope-builder';
import { validateEnvelope, validateMessageEnvelope } from './envelope-validator';
import type { EdifactError } from './errors';
import type { Interchange } from './interchange';
import { allMessages } from './interchange';
import { type IssueSink, validateMessage } from './message-validator';
import { type Leniency, resolveLeniency } from './leniency';
import { SegmentTokenizer, type TokenizerOptions } from './tokenizer';

export interface ValidationOptions extends TokenizerOptions {
  /** Message definitions; the bundled directory by default. */
  directory?: MessageDirectory;
  /** Accept messages without a definition (reported as warnings) instead of rejecting them. */
  allowUnknownMessages?: boolean;
  /** Stop collecting after this many errors (the count keeps going); default 10 000. */
  maxReportedErrors?: number;
  /** validateStream only: called after each chunk, e.g. for progress logs or memory checks. */
  onProgress?: (progress: StreamProgress) => void;
}

export interface StreamProgress {
  bytes: number;
  segments: number;
  /** Bytes the tokenizer holds back between chunks (at most one unfinished segment). */
  retainedBytes: number;
}

export interface ValidationResult {
  valid: boolean;
  /** Every error found, in stream order, each with its position. */
  errors: EdifactError[];
  /** Deviations tolerated by leniency. */
  warnings: EdifactError[];
  /** Errors found in total (errors may hold fewer when maxReportedErrors was reached). */
  errorCount: number;
}

class Collector implements IssueSink {
  readonly errors: EdifactError[] = [];
  readonly warnings: EdifactError[] = [];
  errorCount = 0;
  constructor(private readonly limit: number) {}
  error(error: EdifactError): void {
    this.errorCount++;
    if (this.errors.length < this.limit) this.errors.push(error);
  }
  warning(error: EdifactError): void {
    if (this.warnings.length < this.limit) this.warnings.push(error);
  }
  result(): ValidationResult {
    const order = (a: EdifactError, b: EdifactError): number => (a.segmentNumber ?? 0) - (b.segmentNumber ?? 0);
    return { valid: this.errorCount === 0, errors: this.errors.sort(order), warnings: this.warnings.sort(order), errorCount: this.errorCount };
  }
}

function contextFor(interchange: Pick<Interchange, 'syntax'>, options: ValidationOptions, leniency: Leniency) {
  const directory = options.directory ?? bundledDirectory();
  const decimals = decimalPolicy(interchange.syntax.una?.decimal);
  return {
    message: { directory, syntaxVersion: interchange.syntax.version, decimals, allowUnknownMessages: options.allowUnknownMessages ?? false },
    envelope: { directory, leniency, decimals },
  };
}

/** Validates a parsed interchange: reading errors, envelopes and every message; collects all errors. */
export function validateInterchange(interchange: Interchange, options: ValidationOptions = {}): ValidationResult {
  const collector = new Collector(options.maxReportedErrors ?? 10_000);
  for (const error of interchange.errors) collector.error(error);
  for (const warning of interchange.warnings) collector.warning(warning);
  const context = contextFor(interchange, options, resolveLeniency(options.leniency));
  validateEnvelope(interchange, context.envelope, collector);
  const groups = new Map(interchange.groups.map((group) => [group.index, group]));
  for (const message of allMessages(interchange)) {
    const group = message.groupIndex === undefined ? undefined : groups.get(message.groupIndex);
    validateMessageEnvelope(message, group, group?.messageType ?? group?.messages[0]?.type, context.envelope.leniency, collector);
    validateMessage(message, message.segments, context.message, collector);
  }
  return collector.result();
}

export interface StreamValidation extends ValidationResult {
  /** The envelope tree with groups and counts but no messages (they are validated and dropped as they pass). */
  interchange: Interchange;
}

/**
 * Validates an interchange arriving as chunks, holding one message at a time: the way to check files too
 * large for memory. Throws EdifactError when the bytes cannot be read at all (truncated, garbage).
 */
export async function validateStream(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: ValidationOptions = {}): Promise<StreamValidation> {
  const collector = new Collector(options.maxReportedErrors ?? 10_000);
  const tokenizer = new SegmentTokenizer(options);
  let context: ReturnType<typeof contextFor> | undefined;
  const firstTypes = new Map<number, string>();
  const builder = new InterchangeBuilder({
    retain: false,
    onMessage: (message, segments, group) => {
      context ??= contextFor({ syntax: tokenizer.syntax! }, options, tokenizer.leniency);
      if (group && !firstTypes.has(group.index)) firstTypes.set(group.index, message.type);
      const groupType = group ? (group.messageType ?? firstTypes.get(group.index)) : undefined;
      validateMessageEnvelope(message, group, groupType, context.envelope.leniency, collector);
      validateMessage(message, segments, context.message, collector);
    },
  });
  const sink = builder.push.bind(builder);
  let bytes = 0;
  for await (const chunk of source) {
    tokenizer.write(chunk, sink);
    bytes += chunk.length;
    options.onProgress?.({ bytes, segments: tokenizer.segmentsRead, retainedBytes: tokenizer.retainedBytes });
  }
  tokenizer.end(sink);
  const interchange = builder.finish(tokenizer.syntax!, tokenizer.segmentsRead);
  interchange.errors = [...tokenizer.errors, ...builder.errors];
  interchange.warnings = [...tokenizer.warnings];
  for (const error of interchange.errors) collector.error(error);
  for (const warning of interchange.warnings) collector.warning(warning);
  context ??= contextFor(interchange, options, tokenizer.leniency);
  validateEnvelope(interchange, context.envelope, collector);
  return { ...collector.result(), interchange };
}
