// `npm run bench -- amqp`: end-to-end messages/s through the hub on RabbitMQ with the PostgreSQL
// journal (validate → map → HTTP deliver, persistent jobs, confirms), p50/p99, against raw amqplib
// (windowed confirms + consume with ack) moving the same number of messages on the same broker.
// Arguments: [messages=3000] [producers in flight=64] [route concurrency=64]. The sink runs in its
// own process (BENCH_SINK=inprocess puts it back in the hub's process, as before).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import * as amqplib from 'amqplib';
import { createEnvelope, loadConfig, silentLogger, startRuntime, trackingEventExamples } from '@interline/hub';
import { SIMULATOR_BEARER_TOKEN } from '@interline/connector-http/testing';
import { httpConnector } from '@interline/connector-http';
import type { HubMetrics } from '@interline/hub';
import type { BenchmarkResult } from '../benchmark';
import { peakRssMiB, percentile } from '../benchmark';
import { startBenchSink } from '../http-sink';

const REPO = path.resolve(__dirname, '..', '..', '..');
const AMQP_BASE = process.env.RABBITMQ_URL_BASE ?? 'amqp://guest:guest@127.0.0.1:5672';
const PG_ADMIN = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function deliveredCount(metrics: HubMetrics): Promise<number> {
  const { values } = await metrics.deliveries.get();
  return values.filter((v) => v.labels.outcome === 'delivered').reduce((sum, v) => sum + v.value, 0);
}

async function rawAmqp(url: string, count: number): Promise<number> {
  const connection = await amqplib.connect(url);
  const publisher = await connection.createConfirmChannel();
  const consumer = await connection.createChannel();
  const queue = 'bench.raw';
  await publisher.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await consumer.prefetch(256);
  let received = 0;
  const done = new Promise<void>((resolve) => {
    void consumer.consume(queue, (message) => {
      if (!message) return;
      consumer.ack(message);
      received += 1;
      if (received === count) resolve();
    });
  });
  const started = process.hrtime.bigint();
  const window = 512;
  let outstanding = 0;
  const waiters: Array<() => void> = [];
  const body = Buffer.from(JSON.stringify({ messageId: 'x'.repeat(36), routeId: 'bench', key: 'k' }));
  const publishes: Array<Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    while (outstanding >= window) await new Promise<void>((resolve) => waiters.push(resolve));
    outstanding += 1;
    publishes.push(
      new Promise<void>((resolve, reject) =>
        publisher.sendToQueue(queue, body, { persistent: true }, (error: unknown) => {
          outstanding -= 1;
          waiters.shift()?.();
          if (error) reject(error instanceof Error ? error : new Error(String(error)));
          else resolve();
        }),
      ),
    );
  }
  await Promise.all(publishes);
  await done;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await connection.close();
  return count / seconds;
}

export async function run(args: string[]): Promise<BenchmarkResult> {
  const count = Number(args[0] ?? 3000);
  const inFlight = Number(args[1] ?? 64);
  const routeConcurrency = Number(args[2] ?? 64);
  const suffix = randomBytes(4).toString('hex');
  const vhost = `interline_bench_${suffix}`;
  const dbName = `interline_bench_${suffix}`;
  execFileSync('rabbitmqctl', ['-q', 'add_vhost', vhost]);
  execFileSync('rabbitmqctl', ['-q', 'set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*']);
  const admin = new Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const amqpUrl = `${AMQP_BASE}/${vhost}`;
  const dbUrl = PG_ADMIN.replace(/\/[^/]*$/, `/${dbName}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'interline-bench-amqp-'));
  const sinkWhere = process.env.BENCH_SINK === 'inprocess' ? 'inprocess' : 'process';
  const sink = await startBenchSink(sinkWhere);
  try {
    mkdirSync(path.join(dir, 'routes'));
    writeFileSync(
      path.join(dir, 'routes', 'bench.yaml'),
      ['routes:', '  - id: bench', '    from: { type: shipment.status-changed }', '    steps:', '      - validate', '      - map: http/tracking-event-to-partner', '      - to: partner.deliver', '    ordering: none', `    concurrency: ${routeConcurrency}`].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'interline.yaml'),
      ['server: { host: 127.0.0.1, port: 0 }', `mappings: ${path.join(REPO, 'mappings')}`, 'connectors:', '  partner:', '    use: http', `    config: { baseUrl: "${sink.baseUrl}", bearerToken: "${SIMULATOR_BEARER_TOKEN}" }`].join('\n'),
    );
    const config = loadConfig({ file: path.join(dir, 'interline.yaml'), env: { INTERLINE_TRANSPORT: process.env.BENCH_TRANSPORT ?? amqpUrl, DATABASE_URL: dbUrl } });
    const hub = await startRuntime(config, { logger: silentLogger(), resolveConnector: () => httpConnector });
    const submittedAt = new Map<string, number>();
    let messagesPerSecond: number;
    try {
      const base = trackingEventExamples[0];
      if (!base) throw new Error('no tracking event example');
      const started = Date.now();
      let next = 0;
      const producer = async (): Promise<void> => {
        while (next < count) {
          const n = next++;
          const envelope = createEnvelope({ type: 'shipment.status-changed', source: 'bench', data: { ...base, id: `bench-${n}` } });
          submittedAt.set(envelope.id, Date.now());
          const result = await hub.hub.ingress.submit(envelope);
          if (result.status !== 'accepted') throw new Error(`bench message rejected: ${JSON.stringify(result)}`);
        }
      };
      await Promise.all(Array.from({ length: inFlight }, producer));
      // Done = every delivery journaled as delivered (the hub's own counter, read in O(1)). Polling
      // sink.inspect() instead deep-copied every recorded request on the hub's event loop each time.
      while ((await deliveredCount(hub.hub.metrics)) < count) await new Promise((resolve) => setTimeout(resolve, 10));
      messagesPerSecond = count / ((Date.now() - started) / 1000);
    } finally {
      await hub.stop();
    }
    const { effects } = await sink.state();
    if (effects.length !== count) throw new Error(`the sink recorded ${effects.length} side effects for ${count} messages; each must arrive exactly once`);
    const latencies = effects.map((e) => Date.parse(e.at) - (submittedAt.get(String(e.idempotencyKey).split(':')[0] ?? '') ?? 0));
    const baseline = await rawAmqp(amqpUrl, count);
    return {
      messagesPerSecond: Math.round(messagesPerSecond),
      messages: count,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      peakRssMiB: peakRssMiB(),
      journal: 'postgresql',
      transport: 'rabbitmq (quorum queues, persistent, confirms)',
      sink: sinkWhere === 'process' ? 'http simulator in its own process' : 'http simulator in the hub process',
      baseline: { name: 'raw amqplib: windowed confirms + consume with ack', messagesPerSecond: Math.round(baseline) },
      ratio: Math.round((messagesPerSecond / baseline) * 1000) / 1000,
    };
  } finally {
    await sink.stop();
    execFileSync('rabbitmqctl', ['-q', 'delete_vhost', vhost]);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
