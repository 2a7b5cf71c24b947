// `npm run bench -- api`: the portal API under concurrent load on loopback — tracking reads (cached)
// and booking writes (capacity hold, AWB, shipment, booking, outbox; group-committed: the requests
// that arrive together share one transaction), without and with an Idempotency-Key per request, on
// the embedded runtime with the PGlite journal on disk (DATABASE_URL: PostgreSQL) — and, in the same
// run, a bare Fastify endpoint answering JSON as the baseline. Clients are node:http with
// keep-alive, closed loop.
import { Agent, request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { ensureLocalSigningKey, loadConfig, signLocalToken, silentLogger, startRuntime, trackingEventExamples } from '@interline/hub';
import { startPortalApi } from '@interline/portal-api';
import type { BenchmarkResult } from '../benchmark';
import { peakRssMiB, percentile } from '../benchmark';

interface Load {
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
}

interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/** `concurrency` clients each send their next request as soon as the last one answered, for `seconds`. */
async function closedLoop(baseUrl: string, token: string | undefined, concurrency: number, seconds: number, next: (n: number) => Call, okStatus: number): Promise<Load> {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const deadline = performance.now() + seconds * 1000;
  const once = (call: Call): Promise<number> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...call.headers };
      if (token) headers.authorization = `Bearer ${token}`;
      if (call.body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(call.body);
      }
      const req = request({ host: url.hostname, port: url.port, method: call.method, path: call.path, agent, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(call.body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const call = next(issued++);
        const at = performance.now();
        const status = await once(call).catch(() => 0);
        latencies.push(performance.now() - at);
        if (status !== okStatus) errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    requestsPerSecond: Math.round(latencies.length / elapsed),
    requests: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    errors,
  };
}

async function bareFastify(concurrency: number, seconds: number): Promise<Load> {
  const app = Fastify({ logger: false });
  app.get('/v1/ping', async () => ({ status: 'ok', at: new Date().toISOString() }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return await closedLoop(`http://127.0.0.1:${port}`, undefined, concurrency, seconds, () => ({ method: 'GET', path: '/v1/ping' }), 200);
  } finally {
    await app.close();
  }
}

function schedule(flightNumber: string, kg: number) {
  return {
    schedule: {
      id: `bench-${flightNumber}`,
      carrier: 'LH',
      flightNumber,
      departure: { airport: 'FRA', scheduledTime: '10:35', utcOffset: '+01:00' },
      arrival: { airport: 'JFK', scheduledTime: '14:25', utcOffset: '-04:00' },
      arrivalDayOffset: 0,
      period: { from: '2030-09-01', to: '2030-09-01' },
      daysOfOperation: [1, 2, 3, 4, 5, 6, 7],
      aircraftType: '77F',
      serviceType: 'F',
      capacity: { cargoWeightKg: kg, cargoVolumeM3: kg },
      state: 'active',
      updatedAt: '2030-01-01T00:00:00Z',
    },
    ratePerKg: { amountMinor: 450, currency: 'EUR' },
  };
}

function booking(flightNumber: string): string {
  return JSON.stringify({
    shipper: { partyId: 'bench-shipper' },
    consignee: { partyId: 'bench-consignee' },
    origin: 'FRA',
    destination: 'JFK',
    flight: { carrier: 'LH', flightNumber, date: '2030-09-01' },
    pieces: [{ count: 1, grossWeightKg: 1, volumeM3: 0.01 }],
    goodsDescription: 'Benchmark cargo',
    chargesPayment: 'prepaid',
  });
}

async function post(url: string, token: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

export async function run(args: string[]): Promise<BenchmarkResult> {
  const seconds = Number(args[0] ?? 5);
  const concurrency = Number(args[1] ?? 32);
  const dir = mkdtempSync(path.join(tmpdir(), 'interline-bench-api-'));
  mkdirSync(path.join(dir, 'routes'));
  writeFileSync(path.join(dir, 'interline.yaml'), ['server: { host: 127.0.0.1, port: 0 }', `mappings: ${JSON.stringify(path.join(dir, 'no-mappings'))}`].join('\n'));
  // DATABASE_URL=postgres://… runs the same load against PostgreSQL (the production journal).
  const databaseUrl = process.env.DATABASE_URL;
  const config = loadConfig({ file: path.join(dir, 'interline.yaml'), env: databaseUrl ? { DATABASE_URL: databaseUrl } : {} });
  const hub = await startRuntime(config, { logger: silentLogger() });
  // INTERLINE_BENCH_GROUP_COMMIT=off: every booking in its own transaction (the path before group commit).
  const groupCommit = process.env.INTERLINE_BENCH_GROUP_COMMIT !== 'off';
  const api = await startPortalApi({ running: hub, port: 0, logger: silentLogger(), rateLimit: { capacity: 1e9, refillPerSecond: 1e9 }, workers: { bookingBatches: { groupCommit } } });
  try {
    const key = ensureLocalSigningKey(config.dataDir);
    const admin = await signLocalToken(key, { role: 'admin', subject: 'bench:admin', tenant: '*' });
    const customer = await signLocalToken(key, { role: 'customer', subject: 'bench:customer', tenant: 'bench' });
    for (const flight of ['100', '200']) {
      const published = await post(`${api.url}/v1/flights`, admin, schedule(flight, 10_000_000));
      if (published.status !== 201) throw new Error(`could not publish the bench flight: ${JSON.stringify(published.body)}`);
    }
    // Tracking histories to read: 50 shipments with 5 milestones each.
    const awbs: string[] = [];
    for (let i = 0; i < 50; i++) {
      const booked = await post(`${api.url}/v1/shipments`, customer, JSON.parse(booking('100')));
      const awb = (booked.body as { shipment: { waybill: { number: string } } }).shipment.waybill.number;
      awbs.push(awb);
      for (const [n, status] of ['BKD', 'RCS', 'MAN', 'DEP', 'ARR'].entries()) {
        const data = { ...trackingEventExamples[0], id: `${awb}-${n}`, awb, status, flight: undefined, quantity: undefined, eventTime: `2030-09-01T0${n}:00:00Z` };
        const event = { id: `evt-${awb}-${n}`, type: 'shipment.status-changed', tenant: 'bench', correlationid: `evt-${awb}-${n}`, traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01` };
        const recorded = await post(`${api.url}/internal/v1/tracking-events`, admin, { event, data: JSON.parse(JSON.stringify(data)) });
        if (recorded.status !== 200) throw new Error(`could not record a bench tracking event: ${JSON.stringify(recorded.body)}`);
      }
    }
    const baseline = await bareFastify(concurrency, seconds);
    const trackingReads = await closedLoop(api.url, customer, concurrency, seconds, (n) => ({ method: 'GET', path: `/v1/shipments/${awbs[n % awbs.length]}/events` }), 200);
    const body = booking('200');
    const bookingWrites = await closedLoop(api.url, customer, concurrency, seconds, () => ({ method: 'POST', path: '/v1/shipments', body }), 201);
    // Each request with its own key: the claim and the stored response ride in the same batch.
    const run = Date.now().toString(36);
    const bookingWritesWithKeys = await closedLoop(api.url, customer, concurrency, seconds, (n) => ({ method: 'POST', path: '/v1/shipments', body, headers: { 'idempotency-key': `bench-${run}-${n}` } }), 201);
    return {
      trackingReads,
      bookingWrites,
      bookingWritesWithKeys,
      concurrency,
      secondsPerPhase: seconds,
      journal: databaseUrl ? 'postgresql' : 'pglite (on disk)',
      groupCommit,
      peakRssMiB: peakRssMiB(),
      baseline: { name: 'bare Fastify GET returning JSON, same client and concurrency', ...baseline },
      ratio: Math.round((trackingReads.requestsPerSecond / baseline.requestsPerSecond) * 10000) / 10000,
      writeRatio: Math.round((bookingWrites.requestsPerSecond / baseline.requestsPerSecond) * 10000) / 10000,
    };
  } finally {
    await api.stop();
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
