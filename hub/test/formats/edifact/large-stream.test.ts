// A ~200 MB interchange streamed through parsing and validation with bounded memory.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { InterchangeWriter, type MessageInput, type StreamProgress, validateStream } from '../../../src/formats/edifact';

// A real collection before each heap sample, so the figure is what the pipeline retains, not garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const TARGET_BYTES = 200 * 1024 * 1024;
const CHUNK = 64 * 1024;

function cusdec(n: number): MessageInput {
  const segments: MessageInput['segments'] = [{ tag: 'BGM', elements: [['929', '', '', 'IMPORT DECLARATION'], [`DEC${n}`], ['9']] }, { tag: 'UNS', elements: ['D'] }];
  for (let item = 1; item <= 20; item++) {
    segments.push(
      { tag: 'CST', elements: [String(item), ['85423190', '122', '9']] },
      { tag: 'FTX', elements: ['AAA', '', '', [`GOODS ITEM ${item} OF DECLARATION ${n}`]] },
      { tag: 'MOA', elements: [['146', `${item * 113}.25`, 'EUR']] },
    );
  }
  segments.push({ tag: 'UNS', elements: ['S'] });
  return { type: 'CUSDEC', version: 'D', release: '96B', agency: 'UN', segments };
}

function paxlst(n: number): MessageInput {
  const segments: MessageInput['segments'] = [
    { tag: 'BGM', elements: ['745'] },
    { tag: 'TDT', elements: ['20', `LH${n % 1000}`] },
    { tag: 'DTM', elements: [['189', '202401151430', '201']] },
  ];
  for (let p = 1; p <= 30; p++) {
    segments.push({ tag: 'NAD', elements: ['FL', '', '', [`PASSENGER${p}`, 'GIVEN NAME']] }, { tag: 'DOC', elements: [['P', '110', '111'], [`C01X${p}`]] });
  }
  segments.push({ tag: 'CNT', elements: [['42', '30']] });
  return { type: 'PAXLST', version: 'D', release: '05B', agency: 'UN', association: 'IATA', segments };
}

/**
 * ~200 MB of interchange as 64 KiB chunks, produced on the fly: a ~1 MB block of messages is written once
 * and cut into chunks again and again (chunk edges fall anywhere inside segments), then UNZ closes it.
 */
function* chunks(state: { bytes: number; messages: number }): Generator<Buffer> {
  const writer = new InterchangeWriter({ sender: 'SENDER', recipient: 'RECEIVER', controlRef: 'BIG1', date: { date: '240115', time: '0930' }, lineEnd: '\n' });
  const header = writer.header();
  const parts: string[] = [];
  let perBlock = 0;
  for (let n = 1, size = 0; size < 1_000_000; n++, perBlock++) {
    const text = writer.message(n % 2 ? cusdec(n) : paxlst(n));
    parts.push(text);
    size += text.length;
  }
  const block = Buffer.from(parts.join(''), 'latin1');
  yield Buffer.from(header, 'latin1');
  state.bytes = header.length;
  let offset = 0;
  while (state.bytes < TARGET_BYTES) {
    const end = Math.min(offset + CHUNK, block.length);
    yield block.subarray(offset, end);
    state.bytes += end - offset;
    offset = end;
    if (offset === block.length) {
      offset = 0;
      state.messages += perBlock;
    }
  }
  if (offset > 0) {
    // Finish the block so the interchange ends on a message boundary.
    yield block.subarray(offset);
    state.messages += perBlock;
  }
  yield Buffer.from(`UNZ+${state.messages}+BIG1'\n`, 'latin1');
}

describe('a ~200 MB interchange', () => {
  it('streams through parsing and validation in bounded memory', async () => {
    const state = { bytes: 0, messages: 0 };
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    let maxRetained = 0;
    let maxGrowth = 0;
    let nextSample = 0;
    const started = Date.now();
    const onProgress = (progress: StreamProgress): void => {
      maxRetained = Math.max(maxRetained, progress.retainedBytes);
      if (progress.bytes >= nextSample) {
        nextSample += 16 * 1024 * 1024;
        collectGarbage();
        maxGrowth = Math.max(maxGrowth, process.memoryUsage().heapUsed - baseline);
      }
    };
    const result = await validateStream(chunks(state), { onProgress });
    const seconds = (Date.now() - started) / 1000;

    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(state.bytes).toBeGreaterThanOrEqual(TARGET_BYTES);
    expect(result.interchange.messageCount).toBe(state.messages);
    // The tokenizer never holds more than one unfinished segment (the longest here is under 100 bytes).
    expect(maxRetained).toBeLessThan(256);
    expect(maxGrowth).toBeLessThan(64 * 1024 * 1024);
    expect(seconds).toBeLessThan(60);
  }, 120_000);
});
