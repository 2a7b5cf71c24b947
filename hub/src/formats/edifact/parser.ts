// Parsing entry points: whole interchanges into the envelope tree, or segment streams from chunked bytes.
import { InterchangeBuilder } from './envelope-builder';
import type { Interchange } from './interchange';
import type { Segment } from './segment';
import { SegmentTokenizer, type TokenizerOptions } from './tokenizer';

export type ParseOptions = TokenizerOptions;

/** Chunk size used when a whole buffer is parsed: keeps each concat at the segment boundary small. */
const WHOLE_BUFFER_CHUNK = 1024 * 1024;

/**
 * Strings are encoded the way the interchange's charset would have sent them: UTF-8 for UNOW/UNOY,
 * latin-1 otherwise (so byte offsets in errors match what the partner's file would show).
 */
export function toBytes(input: Uint8Array | string): Uint8Array {
  if (typeof input !== 'string') return input;
  const declared = /UNB.(UNO[A-Z]|IAT[AB])/.exec(input.slice(0, 512))?.[1];
  // Code points above 0xFF cannot be latin-1 bytes; UTF-8 is the only lossless choice for them.
  let wide = false;
  for (let i = 0; i < input.length && !wide; i++) wide = input.charCodeAt(i) > 0xff;
  return Buffer.from(input, declared === 'UNOW' || declared === 'UNOY' || wide ? 'utf8' : 'latin1');
}

/** Parses one complete interchange into its envelope tree; throws EdifactError when it cannot be read. */
export function parseInterchange(input: Uint8Array | string, options: ParseOptions = {}): Interchange {
  const bytes = toBytes(input);
  const tokenizer = new SegmentTokenizer(options);
  const builder = new InterchangeBuilder({ retain: true });
  const sink = (segment: Segment): void => builder.push(segment);
  for (let start = 0; start < bytes.length; start += WHOLE_BUFFER_CHUNK) {
    tokenizer.write(bytes.subarray(start, Math.min(bytes.length, start + WHOLE_BUFFER_CHUNK)), sink);
  }
  tokenizer.end(sink);
  const interchange = builder.finish(tokenizer.syntax!, tokenizer.segmentsRead);
  interchange.errors = [...tokenizer.errors, ...builder.errors];
  interchange.warnings = [...tokenizer.warnings];
  return interchange;
}

/** Segments of chunked bytes, lazily; memory stays bounded by the longest segment. */
export function* parseSegments(chunks: Iterable<Uint8Array>, options: ParseOptions = {}): Generator<Segment, SegmentTokenizer> {
  const tokenizer = new SegmentTokenizer(options);
  const ready: Segment[] = [];
  const sink = (segment: Segment): void => {
    ready.push(segment);
  };
  for (const chunk of chunks) {
    tokenizer.write(chunk, sink);
    yield* ready;
    ready.length = 0;
  }
  tokenizer.end(sink);
  yield* ready;
  return tokenizer;
}

/** The async form of parseSegments, for node streams and other async byte sources. */
export async function* parseSegmentStream(source: AsyncIterable<Uint8Array>, options: ParseOptions = {}): AsyncGenerator<Segment, SegmentTokenizer> {
  const tokenizer = new SegmentTokenizer(options);
  const ready: Segment[] = [];
  const sink = (segment: Segment): void => {
    ready.push(segment);
  };
  for await (const chunk of source) {
    tokenizer.write(chunk, sink);
    yield* ready;
    ready.length = 0;
  }
  tokenizer.end(sink);
  yield* ready;
  return tokenizer;
}
