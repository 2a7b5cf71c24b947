// `npm run bench -- hub`: messages/s through validate → map → deliver (HTTP to a loopback sink) on
// the embedded runtime with the PGlite journal on disk, against the same validate + map in a bare loop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEnvelope, loadConfig, loadMappings, silentLogger, startRuntime, trackingEventExamples, validateEventData } from '@interline/hub';
import type { MappingContext } from '@interline/hub';
import { startHttpSimulator, SIMULATOR_BEARER_TOKEN } from '@interline/connector-http/testing';
import { httpConnector } from '@interline/connector-http';
import { writeFileSync, mkdirSync } from 'node:fs';
import type { BenchmarkResult } from '../benchmark';
import { peakRssMiB, percentile } from '../benchmark';

const REPO = path.resolve(__dirname, '..', '..', '..');
const MAPPING = 'http/tracking-event-to-partner';

function event(n: number) {
  const base = trackingEventExamples[0];
  if (!base) throw new Error('no tracking event example');
  return { ...base, id: `bench-${n}`, remarks: `bench message ${n}` };
}

async function baseline(count: number): Promise<number> {
  const mappings = await loadMappings(path.join(REPO, 'mappings'));
  const ctx: MappingContext = { envelope: { id: 'b', type: 'shipment.status-changed', tenant: 'default', correlationid: 'b', time: new Date().toISOString() } };
  const started = process.hrtime.bigint();
  for (let n = 0; n < count; n++) {
    const data = event(n);
    const check = validateEventData('shipment.status-changed', data);
    if (!check.ok) throw new Error('baseline validation failed');
    await mappings.run(MAPPING, data, ctx);
  }
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

export async function run(args: string[]): Promise<BenchmarkResult> {
  const count = Number(args[0] ?? 3000);
  const inFlight = Number(args[1] ?? 64);
  const dir = mkdtempSync(path.join(tmpdir(), 'interline-bench-'));
  const sink = await startHttpSimulator({ host: '127.0.0.1', port: 0 });
  mkdirSync(path.join(dir, 'routes'));
  writeFileSync(
    path.join(dir, 'routes', 'bench.yaml'),
    ['routes:', '  - id: bench', '    from: { type: shipment.status-changed }', '    steps:', '      - validate', `      - map: ${MAPPING}`, '      - to: partner.deliver', '    ordering: none', '    concurrency: 32'].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'interline.yaml'),
    ['server: { host: 127.0.0.1, port: 0 }', `mappings: ${path.join(REPO, 'mappings')}`, 'connectors:', '  partner:', '    use: http', `    config: { baseUrl: "${sink.baseUrl}", bearerToken: "${SIMULATOR_BEARER_TOKEN}" }`].join('\n'),
  );
  const config = loadConfig({ file: path.join(dir, 'interline.yaml'), env: {} });
  const hub = await startRuntime(config, { logger: silentLogger(), resolveConnector: () => httpConnector });
  try {
    const submittedAt = new Map<string, number>();
    const submit = async (n: number): Promise<void> => {
      const envelope = createEnvelope({ type: 'shipment.status-changed', source: 'bench', data: event(n) });
      submittedAt.set(envelope.id, Date.now());
      const result = await hub.hub.ingress.submit(envelope);
      if (result.status !== 'accepted') throw new Error(`bench message rejected: ${JSON.stringify(result)}`);
    };
    const delivered = async (total: number): Promise<void> => {
      // inspect() copies the whole sink state: poll it sparingly so the bench measures the hub, not itself.
      while (sink.inspect().effects.length < total) await new Promise((resolve) => setTimeout(resolve, 100));
    };
    const latencies = (from: number): number[] =>
      sink
        .inspect()
        .effects.slice(from)
        .map((effect) => Date.parse(effect.at) - (submittedAt.get(String(effect.idempotencyKey).split(':')[0] ?? '') ?? 0));

    // Phase 1, throughput: producers submit as fast as the hub accepts (queues build up).
    const started = Date.now();
    let next = 0;
    const producer = async (): Promise<void> => {
      while (next < count) await submit(next++);
    };
    await Promise.all(Array.from({ length: inFlight }, producer));
    await delivered(count);
    const elapsedSeconds = (Date.now() - started) / 1000;
    const messagesPerSecond = count / elapsedSeconds;
    const saturated = latencies(0);

    // Phase 2, latency: an open-loop load at half the measured throughput, where queues stay short.
    const rate = Math.max(10, Math.floor(messagesPerSecond / 2));
    const latencyCount = Math.min(count, rate * 5);
    const phase2Start = Date.now();
    const sends: Array<Promise<void>> = [];
    for (let i = 0; i < latencyCount; i++) {
      const due = phase2Start + (i * 1000) / rate;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sends.push(submit(count + i));
    }
    await Promise.all(sends);
    await delivered(count + latencyCount);
    const paced = latencies(count);
    const baselinePerSecond = await baseline(count);
    return {
      messagesPerSecond: Math.round(messagesPerSecond),
      messages: count,
      p50Ms: percentile(paced, 50),
      p99Ms: percentile(paced, 99),
      latencyAtMessagesPerSecond: rate,
      saturatedP50Ms: percentile(saturated, 50),
      saturatedP99Ms: percentile(saturated, 99),
      peakRssMiB: peakRssMiB(),
      journal: 'pglite (on disk)',
      baseline: { name: 'validate + map in a bare loop', messagesPerSecond: Math.round(baselinePerSecond) },
      ratio: Math.round((messagesPerSecond / baselinePerSecond) * 10000) / 10000,
    };
  } finally {
    await hub.stop();
    await sink.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
