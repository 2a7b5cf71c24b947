// Several portal processes on one Redis: the per-client rate limit is one bucket for all of them,
// and a tracking event recorded through one is visible on the next read through another, even when
// that one had the history cached. Real Redis at 127.0.0.1:6379 (REDIS_URL), an own key prefix.
import { randomBytes } from 'node:crypto';
import { RedisCache, trackingEventExamples } from '@interline/hub';
import type { TrackingEvent } from '@interline/hub';
import { startPortalApi } from '../src';
import type { RunningPortalApi } from '../src';
import { SharedCache } from '../src/cache/shared-cache';
import { TrackingCache } from '../src/tracking/tracking-cache';
import type { ShipmentBooking } from '../src/schemas/shipments';
import type { TrackingHistory } from '../src/schemas/tracking';
import { bookingRequest, schedulePublication } from './support/fixtures';
import { startHarness } from './support/harness';
import type { Harness } from './support/harness';
import { client, validateResponsesAfterAll } from './support/http';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

let h: Harness;
let redis: RedisCache;
let one: RunningPortalApi;
let two: RunningPortalApi;

beforeAll(async () => {
  h = await startHarness();
  redis = await RedisCache.open(REDIS_URL, `interline-test:portal:${randomBytes(4).toString('hex')}:`);
  // Two portal processes as far as the limit and the cache go: each has its own limiter and cache
  // objects; only Redis is shared.
  const start = () => startPortalApi({ running: h.hub, port: 0, sharedCache: redis, rateLimit: { capacity: 5, refillPerSecond: 0.01 } });
  [one, two] = await Promise.all([start(), start()]);
}, 30_000);
validateResponsesAfterAll(() => h.url);
afterAll(async () => {
  await one?.stop();
  await two?.stop();
  await redis?.close();
  await h?.stop();
});

it('counts one client’s requests to either process against one bucket: the 429 comes at the shared limit', async () => {
  const token = await h.token('customer', 'acme', { subject: 'shared-bucket' });
  const statuses: number[] = [];
  const remaining: string[] = [];
  for (let i = 0; i < 7; i++) {
    const response = await client(i % 2 === 0 ? one.url : two.url).get('/v1/me', { token });
    statuses.push(response.status);
    remaining.push(response.headers.get('ratelimit-remaining') ?? '');
  }
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
  expect(remaining.slice(0, 5)).toEqual(['4', '3', '2', '1', '0']);
  // Another client has its own bucket in the same store.
  expect((await client(two.url).get('/v1/me', { token: await h.token('customer', 'acme', { subject: 'someone-else' }) })).status).toBe(200);
});

it('shows an event recorded through one process on the next read through the other, whose read was cached', async () => {
  const admin = await h.token('admin', '*');
  const customer = await h.token('customer', 'acme', { subject: 'tracking-reader' });
  expect((await client(h.url).post('/v1/flights', { token: admin, body: schedulePublication({ flightNumber: '8300', from: '2030-06-01' }) })).status).toBe(201);
  const booked = await client(h.url).post<ShipmentBooking>('/v1/shipments', { token: customer, body: bookingRequest({ flightNumber: '8300', date: '2030-06-01' }) });
  expect(booked.status).toBe(201);
  const awb = booked.body.shipment.waybill.number;
  const event = (n: number, status: TrackingEvent['status']): TrackingEvent => ({ ...structuredClone(trackingEventExamples[0]!), id: `${awb}-${n}`, awb, status, eventTime: `2030-06-01T0${n}:00:00Z` });
  const delivery = (n: number, status: TrackingEvent['status']) => ({
    event: { id: `evt-${awb}-${n}`, type: 'shipment.status-changed', tenant: 'acme', correlationid: `corr-${awb}`, traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01` },
    data: event(n, status),
  });

  expect((await client(one.url).post('/internal/v1/tracking-events', { token: admin, body: delivery(1, 'BKD') })).body).toMatchObject({ outcome: 'recorded' });
  const first = await client(two.url).get<TrackingHistory>(`/v1/shipments/${awb}/events`, { token: customer });
  expect(first.body.events.map((e) => e.status)).toEqual(['BKD']);

  // Proof that process two serves from the cache: a row written behind the portal's back is not seen.
  const hidden = event(2, 'RCS');
  await h.hub.hub.journal.sql.query(`INSERT INTO portal_tracking_events (id, awb, tenant, event_time, event) VALUES ($1, $2, 'acme', $3::timestamptz, $4::jsonb)`, [hidden.id, awb, hidden.eventTime, JSON.stringify(hidden)]);
  expect((await client(two.url).get<TrackingHistory>(`/v1/shipments/${awb}/events`, { token: customer })).body.events).toHaveLength(1);

  // Recorded through process one: the very next read through process two has it (and the hidden row).
  expect((await client(one.url).post('/internal/v1/tracking-events', { token: admin, body: delivery(3, 'DEP') })).body).toMatchObject({ outcome: 'recorded' });
  const next = await client(two.url).get<TrackingHistory>(`/v1/shipments/${awb}/events`, { token: customer });
  expect(next.body.events.map((e) => e.status)).toEqual(['BKD', 'RCS', 'DEP']);

  // A redelivered event changes nothing and still answers; the history stays right.
  expect((await client(one.url).post('/internal/v1/tracking-events', { token: admin, body: delivery(3, 'DEP') })).body).toMatchObject({ outcome: 'duplicate' });
  expect((await client(two.url).get<TrackingHistory>(`/v1/shipments/${awb}/events`, { token: customer })).body.events).toHaveLength(3);
});

it('does not let a history loaded before a change be served after it, even when it is stored after the invalidation', async () => {
  const cacheOfReader = new TrackingCache(new SharedCache(redis));
  const cacheOfWriter = new TrackingCache(new SharedCache(redis));
  let release!: () => void;
  const loaded = new Promise<void>((resolve) => (release = resolve));
  // The reader loads the old rows, then the writer commits and invalidates, then the reader stores.
  const slowRead = cacheOfReader.read('020-00000011', async () => {
    await loaded;
    return ['old'];
  });
  await new Promise((resolve) => setImmediate(resolve));
  await cacheOfWriter.invalidate('020-00000011');
  release();
  expect(await slowRead).toEqual(['old']);
  expect(await cacheOfReader.read('020-00000011', async () => ['new'])).toEqual(['new']);
  // And a stored, current history is served without loading.
  expect(await cacheOfReader.read('020-00000011', async () => ['loaded again'])).toEqual(['new']);
});
