// `npm run bench -- edifact`: MB/s of parse + validate on a CUSDEC + PAXLST interchange, against the npm edifact Reader.
import { createRequire } from 'node:module';
import { edifact } from '@interline/hub';
import { type BenchmarkResult, peakRssMiB } from '../benchmark';

interface NpmReader {
  parse(document: string): Array<{ name: string; elements: string[][] }>;
}
const npmEdifact = createRequire(__filename)('edifact') as { Reader: new () => NpmReader };

function cusdec(declaration: number, items: number): edifact.MessageInput {
  const segments: edifact.SegmentInput[] = [
    { tag: 'BGM', elements: [['929', '', '', 'IMPORT DECLARATION'], [`DEC${String(declaration).padStart(10, '0')}`], ['9']] },
    { tag: 'CST', elements: [[''], ['40', '104']] },
    { tag: 'LOC', elements: [['41'], ['DEHAM', '139', '6']] },
    { tag: 'DTM', elements: [['137', '20240115', '102']] },
    { tag: 'RFF', elements: [['ABT', `020-${String(10_000_000 + declaration)}`]] },
    { tag: 'TDT', elements: [['20'], ['LH8400'], ['4'], [''], ['LH', '172', '20']] },
    { tag: 'NAD', elements: [['IM'], ['DE123456789012345', '', 'ZZZ'], [''], ['ACME IMPORTS GMBH'], ['HAFENSTRASSE 1'], ['HAMBURG'], [''], ['20457'], ['DE']] },
    { tag: 'MOA', elements: [['39', '12500.50', 'EUR']] },
    { tag: 'UNS', elements: [['D']] },
  ];
  for (let item = 1; item <= items; item++) {
    segments.push(
      { tag: 'CST', elements: [[String(item)], ['85423190', '122', '9']] },
      { tag: 'FTX', elements: [['AAA'], [''], [''], [`INTEGRATED CIRCUITS: LOT ${item}+${declaration}`]] },
      { tag: 'MEA', elements: [['WT'], ['AAB'], ['KGM', `${item * 7}.5`]] },
      { tag: 'PAC', elements: [[String(item)], [''], ['CT']] },
      { tag: 'MOA', elements: [['146', `${item * 113}.25`, 'EUR']] },
      { tag: 'TAX', elements: [['7'], ['VAT'], [''], [''], ['', '', '', '19'], ['S']] },
      { tag: 'MOA', elements: [['124', `${item * 21}.50`, 'EUR']] },
    );
  }
  segments.push({ tag: 'UNS', elements: [['S']] }, { tag: 'CNT', elements: [['5', String(items)]] });
  return { type: 'CUSDEC', version: 'D', release: '96B', agency: 'UN', segments };
}

function paxlst(flight: number, passengers: number): edifact.MessageInput {
  const segments: edifact.SegmentInput[] = [
    { tag: 'BGM', elements: [['745']] },
    { tag: 'NAD', elements: [['MS'], [''], [''], ['FLIGHT OPERATIONS']] },
    { tag: 'TDT', elements: [['20'], [`LH${400 + (flight % 500)}`]] },
    { tag: 'DTM', elements: [['189', '202401151430', '201']] },
    { tag: 'LOC', elements: [['125'], ['FRA']] },
    { tag: 'LOC', elements: [['87'], ['JFK']] },
  ];
  for (let p = 1; p <= passengers; p++) {
    segments.push(
      { tag: 'NAD', elements: [['FL'], [''], [''], [`PASSENGER${p}`, `GIVEN NAME ${flight}`], ['MAIN STREET 1'], ['FRANKFURT'], [''], ['60311'], ['DE']] },
      { tag: 'ATT', elements: [['2'], [''], [p % 2 ? 'M' : 'F']] },
      { tag: 'DTM', elements: [['329', `19${String(50 + (p % 50))}0101`]] },
      { tag: 'LOC', elements: [['178'], ['FRA']] },
      { tag: 'LOC', elements: [['179'], ['JFK']] },
      { tag: 'NAT', elements: [['2'], ['DEU']] },
      { tag: 'RFF', elements: [['AVF', `PNR${p}`]] },
      { tag: 'DOC', elements: [['P', '110', '111'], [`C01X${String(p).padStart(5, '0')}`]] },
      { tag: 'DTM', elements: [['36', '20300101']] },
    );
  }
  segments.push({ tag: 'CNT', elements: [['42', String(passengers)]] });
  return { type: 'PAXLST', version: 'D', release: '05B', agency: 'UN', association: 'IATA', segments };
}

/** An interchange of alternating CUSDEC and PAXLST messages of at least `megabytes` MB. */
function buildInterchange(megabytes: number): Buffer {
  const writer = new edifact.InterchangeWriter({
    sender: { id: 'DE123456789', qualifier: 'ZZ' },
    recipient: { id: 'DEHAMCUSTOMS', qualifier: 'ZZ' },
    controlRef: 'BENCH0001',
    date: { date: '240115', time: '0930' },
    syntax: { identifier: 'UNOA', version: 3 },
    alwaysUna: true,
    lineEnd: '\n',
  });
  const parts: string[] = [writer.header()];
  let size = parts[0]!.length;
  for (let n = 1; size < megabytes * 1_000_000; n++) {
    const text = writer.message(n % 2 ? cusdec(n, 20) : paxlst(n, 40));
    parts.push(text);
    size += text.length;
  }
  parts.push(writer.trailer());
  return Buffer.from(parts.join(''), 'latin1');
}

async function seconds(work: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function chunked(input: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < input.length; offset += size) chunks.push(input.subarray(offset, offset + size));
  return chunks;
}

/**
 * Headline: bytes → segment objects → validated, message by message (validateStream over 64 KiB chunks,
 * the engine's path for files of any size). Also measured: the whole tree in memory (parseInterchange +
 * validateInterchange), and the npm edifact Reader building its segment array from the same input.
 */
export async function run(args: string[]): Promise<BenchmarkResult> {
  const megabytesArg = args.find((arg) => arg.startsWith('--mb='));
  const input = buildInterchange(megabytesArg ? Number(megabytesArg.slice(5)) : 24);
  const text = input.toString('latin1');
  const megabytes = input.length / 1_000_000;
  const chunks = chunked(input, 64 * 1024);

  let segments = 0;
  const streamed = async (): Promise<void> => {
    const result = await edifact.validateStream(chunks);
    if (!result.valid) throw new Error(`benchmark input is invalid: ${result.errors[0]?.message}`);
    segments = result.interchange.segmentCount;
  };
  const tree = (): void => {
    const result = edifact.validateInterchange(edifact.parseInterchange(input));
    if (!result.valid) throw new Error(`benchmark input is invalid: ${result.errors[0]?.message}`);
  };
  let theirSegments = 0;
  const reader = (): void => {
    theirSegments = new npmEdifact.Reader().parse(text).length;
  };

  // Warm everything up on a small interchange so the timings measure steady-state code.
  const warm = buildInterchange(1);
  await edifact.validateStream(chunked(warm, 64 * 1024));
  edifact.validateInterchange(edifact.parseInterchange(warm));
  new npmEdifact.Reader().parse(warm.toString('latin1'));

  // The Reader runs first, on a fresh heap, so our garbage never slows the baseline down.
  const readerSeconds = await seconds(reader);
  const streamSeconds = Math.min(await seconds(streamed), await seconds(streamed), await seconds(streamed));
  const treeSeconds = Math.min(await seconds(tree), await seconds(tree));
  if (theirSegments !== segments) throw new Error(`npm edifact read ${theirSegments} segments, the engine ${segments}`);

  const rate = (secondsTaken: number): number => Math.round((megabytes / secondsTaken) * 10) / 10;
  const mbPerSecond = rate(streamSeconds);
  const baselineMbPerSecond = rate(readerSeconds);
  return {
    mbPerSecond,
    megabytes: Math.round(megabytes * 10) / 10,
    segments,
    treeMbPerSecond: rate(treeSeconds),
    treeRatio: Math.round((rate(treeSeconds) / baselineMbPerSecond) * 10) / 10,
    peakRssMiB: peakRssMiB(),
    baseline: { name: 'npm edifact Reader', mbPerSecond: baselineMbPerSecond },
    ratio: Math.round((mbPerSecond / baselineMbPerSecond) * 10) / 10,
  };
}
