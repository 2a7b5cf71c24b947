// Airline schedules into the portal: flight.schedule-updated (an airline's SSIM file, SSM/ASM)
// through routes/portal-flight-schedules.yaml and the portal connector's recordFlightSchedule to
// /internal/v1/flight-schedules, which upserts one sellable flight per operating date.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEnvelope, flightExamples } from '@interline/hub';
import type { ConnectorDefinition, Flight } from '@interline/hub';
import type { TObject } from '@sinclair/typebox';
import { portalConnector, startPortalApi } from '../src';
import type { FlightAvailability } from '../src/schemas/flights';
import type { InternalOutcome } from '../src/schemas/internal';
import type { ShipmentBooking } from '../src/schemas/shipments';
import { bookingRequest } from './support/fixtures';
import { eventually, startHarness } from './support/harness';
import type { Harness } from './support/harness';
import { client, validateResponsesAfterAll } from './support/http';

const ROUTE_FILE = path.resolve(__dirname, '..', '..', 'routes', 'portal-flight-schedules.yaml');
const event = { id: 'evt-schedule', type: 'flight.schedule-updated', tenant: 'default', correlationid: 'corr-schedule', traceparent: `00-${'c'.repeat(32)}-${'d'.repeat(16)}-01` };

let h: Harness;
let api: ReturnType<typeof client>;
let admin: string;
let customer: string;

/** A freighter leg FRA→ORD operating on the given dates' weekdays in 2030. */
function leg(overrides: Partial<Flight> = {}): Flight {
  return {
    ...structuredClone(flightExamples[1]!),
    id: 'ssim-LH8160',
    flightNumber: '8160',
    period: { from: '2030-08-05', to: '2030-08-11' },
    daysOfOperation: [1, 3, 6],
    updatedAt: '2030-01-01T00:00:00Z',
    ...overrides,
  };
}

const search = async (date: string, destination = 'ORD') => (await api.get<{ items: FlightAvailability[] }>(`/v1/flights?origin=FRA&destination=${destination}&date=${date}`, { token: customer })).body.items;
const record = (data: Flight, token = admin) => api.post<InternalOutcome>('/internal/v1/flight-schedules', { token, body: { event, data } });

beforeAll(async () => {
  h = await startHarness({
    routes: { 'portal-flight-schedules.yaml': readFileSync(ROUTE_FILE, 'utf8') },
    connectors: (portal) => ({ portal: { definition: portalConnector as unknown as ConnectorDefinition<TObject, unknown>, config: { baseUrl: portal.url, token: portal.token } } }),
    portal: { schedules: { ratePerKg: { amountMinor: 380, currency: 'EUR' }, capacityByAircraftType: { '74N': { cargoWeightKg: 110_000, cargoVolumeM3: 700 } } } },
  });
  api = client(h.url);
  admin = await h.token('admin', '*');
  customer = await h.token('customer', 'acme');
}, 30_000);
validateResponsesAfterAll(() => h.url);
afterAll(async () => {
  await h?.stop();
});

it('puts each operating date of a leg on sale with the leg’s capacity at the configured rate', async () => {
  const recorded = await record(leg());
  expect(recorded.status).toBe(200);
  expect(recorded.body).toEqual({ outcome: 'recorded', id: 'ssim-LH8160', reason: 'LH8160A FRA-ORD: 3 new, 0 updated' });
  // Mon 5, Wed 7, Sat 10 August 2030; not on the Tuesday.
  expect(await search('2030-08-06')).toEqual([]);
  const [flight] = await search('2030-08-07');
  expect(flight).toMatchObject({
    id: 'LH8160A-2030-08-07-FRA',
    departure: { airport: 'FRA', scheduledTime: '21:40' },
    aircraftType: '77F',
    capacity: { weightKg: 102_000, volumeM3: 650 },
    booked: { weightKg: 0, volumeM3: 0 },
    remaining: { weightKg: 102_000, volumeM3: 650 },
    ratePerKg: { amountMinor: 380, currency: 'EUR' },
  });
});

it('keeps the capacity, bookings and holds of flights on sale when the schedule is sent again; times and state follow', async () => {
  const booked = await api.post<ShipmentBooking>('/v1/shipments', {
    token: customer,
    body: { ...bookingRequest({ flightNumber: '8160', date: '2030-08-10', destination: 'ORD', weightKg: 1500, volumeM3: 9 }), flight: { carrier: 'LH', flightNumber: '8160', suffix: 'A', date: '2030-08-10' } },
  });
  expect(booked.status).toBe(201);
  // A new version: later departure, a smaller aircraft's capacity, one more week.
  const changed = leg({ departure: { airport: 'FRA', scheduledTime: '22:15', utcOffset: '+01:00' }, capacity: { cargoWeightKg: 1000, cargoVolumeM3: 5 }, period: { from: '2030-08-05', to: '2030-08-18' }, updatedAt: '2030-02-01T00:00:00Z' });
  expect((await record(changed)).body).toEqual({ outcome: 'recorded', id: 'ssim-LH8160', reason: 'LH8160A FRA-ORD: 3 new, 3 updated' });
  const [held] = await search('2030-08-10');
  expect(held).toMatchObject({ departure: { scheduledTime: '22:15' }, capacity: { weightKg: 102_000, volumeM3: 650 }, booked: { weightKg: 1500, volumeM3: 9 }, remaining: { weightKg: 100_500, volumeM3: 641 } });
  const [added] = await search('2030-08-14');
  expect(added).toMatchObject({ capacity: { weightKg: 1000, volumeM3: 5 }, remaining: { weightKg: 1000, volumeM3: 5 } });
  const allocation = await h.hub.hub.journal.sql.query<{ state: string }>(`SELECT state FROM portal_allocations WHERE booking_id = $1`, [booked.body.booking.id]);
  expect(allocation.rows).toEqual([{ state: 'held' }]);

  // An older version arriving late changes nothing; a cancellation (SSM CNL) stops sales but keeps the booking.
  expect((await record(leg({ departure: { airport: 'FRA', scheduledTime: '06:00', utcOffset: '+01:00' }, updatedAt: '2030-01-15T00:00:00Z' }))).body).toMatchObject({ outcome: 'ignored' });
  expect((await search('2030-08-10'))[0]?.departure.scheduledTime).toBe('22:15');
  expect((await record({ ...changed, state: 'cancelled', updatedAt: '2030-03-01T00:00:00Z' })).body).toMatchObject({ outcome: 'recorded' });
  expect((await search('2030-08-10'))[0]).toMatchObject({ state: 'cancelled', booked: { weightKg: 1500 } });
  const refused = await api.post<{ code: string }>('/v1/shipments', { token: customer, body: { ...bookingRequest({ date: '2030-08-12', destination: 'ORD', weightKg: 10 }), flight: { carrier: 'LH', flightNumber: '8160', suffix: 'A', date: '2030-08-12' } } });
  expect(refused.status).toBe(409);
  expect(refused.body.code).toBe('FLIGHT_CANCELLED');
});

it('takes the capacity of the aircraft type for a leg without any, and lists unpriced legs without capacity', async () => {
  const noCapacity = leg({ id: 'ssim-LH8400', flightNumber: '8400', operationalSuffix: undefined, aircraftType: '74N', capacity: undefined, arrival: { airport: 'JFK', scheduledTime: '11:05', utcOffset: '-04:00' } });
  delete noCapacity.operationalSuffix;
  expect((await record(noCapacity)).status).toBe(200);
  expect((await search('2030-08-05', 'JFK'))[0]).toMatchObject({ id: 'LH8400-2030-08-05-FRA', capacity: { weightKg: 110_000, volumeM3: 700 } });

  const unpriced = await startPortalApi({ running: h.hub, port: 0 });
  try {
    const outcome = await client(unpriced.url).post<InternalOutcome>('/internal/v1/flight-schedules', { token: admin, body: { event, data: { ...noCapacity, id: 'ssim-LH8402', flightNumber: '8402' } } });
    expect(outcome.body.reason).toMatch(/3 new, 0 updated; new dates listed without capacity: no rate is configured \(schedules\.ratePerKg\)/);
    const listed = (await search('2030-08-05', 'JFK')).find((f) => f.id === 'LH8402-2030-08-05-FRA');
    expect(listed).toMatchObject({ capacity: { weightKg: 0, volumeM3: 0 }, remaining: { weightKg: 0, volumeM3: 0 } });
  } finally {
    await unpriced.stop();
  }
});

it('takes schedules from the service role only, and refuses a leg that is not a canonical Flight by field', async () => {
  for (const role of ['customer', 'agent', 'support', 'partner'] as const) {
    expect((await record(leg({ id: `by-${role}` }), await h.token(role, role === 'support' ? '*' : 'acme'))).status).toBe(403);
  }
  expect((await api.post('/internal/v1/flight-schedules', { body: { event, data: leg() } })).status).toBe(401);
  const bad = await api.post<{ errors: Array<{ path: string }> }>('/internal/v1/flight-schedules', { token: admin, body: { event, data: { ...leg(), daysOfOperation: [8] } } });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e) => e.path)).toContain('/data/daysOfOperation/0');
});

it('upserts legs an airline connector emits, through the route and the portal connector; the portal’s own publications are not routed back', async () => {
  const emitted = createEnvelope({ type: 'flight.schedule-updated', source: 'interline/connector-airlines', data: leg({ id: 'ssim-LH8170', flightNumber: '8170', operationalSuffix: 'B' }), partitionkey: 'LH8170' });
  expect((await h.hub.hub.ingress.submit(emitted)).status).toBe('accepted');
  const flight = await eventually(async () => (await search('2030-08-07')).find((f) => f.id === 'LH8170B-2030-08-07-FRA'), 10_000, 'the routed schedule to reach the portal');
  expect(flight).toMatchObject({ capacity: { weightKg: 102_000 }, ratePerKg: { amountMinor: 380 } });
  const deliveries = await h.hub.hub.journal.sql.query<{ route_id: string; status: string }>(`SELECT route_id, status FROM deliveries WHERE message_id = $1`, [emitted.id]);
  expect(deliveries.rows).toEqual([{ route_id: 'portal-flight-schedules', status: 'delivered' }]);

  const published = await api.post('/v1/flights', { token: admin, body: { schedule: leg({ id: 'portal-LH8180', flightNumber: '8180' }), ratePerKg: { amountMinor: 400, currency: 'EUR' } } });
  expect(published.status).toBe(201);
  const own = published.headers.get('interline-message-id') as string;
  const outcome = await eventually(async () => (await h.hub.hub.journal.sql.query<{ outcome: string | null }>(`SELECT outcome FROM portal_outbox WHERE id = $1 AND published_at IS NOT NULL`, [own])).rows[0], 10_000, 'the portal’s own event to reach the hub');
  expect(outcome.outcome).not.toMatch(/^rejected/);
  const routed = await h.hub.hub.journal.sql.query(`SELECT route_id FROM deliveries WHERE message_id = $1`, [own]);
  expect(routed.rows).toEqual([]);
});
