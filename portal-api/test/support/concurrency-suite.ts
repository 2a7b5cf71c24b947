// The concurrency suite, run once on PGlite and once on PostgreSQL: no overbooking under 200
// concurrent booking requests, holds that expire and are released, allocations confirmed or
// released, seats on passenger flights, and outbox relays sharing one outbox.
import { silentLogger } from '@interline/hub';
import type { IngressResult } from '@interline/hub';
import { startPortalApi } from '../../src';
import type { RunningPortalApi } from '../../src';
import { PortalMetrics } from '../../src/http/http-metrics';
import { OutboxRelay } from '../../src/outbox/outbox-relay';
import { appendEvent } from '../../src/outbox/outbox-writer';
import { bookingRequest, schedulePublication } from './fixtures';
import { eventually, startHarness } from './harness';
import type { Harness } from './harness';
import { client, validateResponsesAfterAll } from './http';
import type { ShipmentBooking } from '../../src/schemas/shipments';
import type { Allocation, FlightAvailability } from '../../src/schemas/flights';

export function describeConcurrencySuite(backend: 'pglite' | 'postgres', databaseUrl: () => string | undefined): void {
  describe(`capacity on ${backend}`, () => {
    let h: Harness;
    let api: ReturnType<typeof client>;
    let admin: string;
    let agent: string;

    beforeAll(async () => {
      const url = databaseUrl();
      h = await startHarness({ ...(url ? { databaseUrl: url } : {}), portal: { rateLimit: { capacity: 100_000, refillPerSecond: 100_000 } } });
      api = client(h.url);
      admin = await h.token('admin', '*');
      agent = await h.token('agent', 'acme');
    }, 60_000);
    validateResponsesAfterAll(() => h.url);
    afterAll(async () => {
      await h?.stop();
    });

    it('books exactly 50 of 200 concurrent requests on a flight with room for 50; the rest are refused with the reason', async () => {
      expect((await api.post('/v1/flights', { token: admin, body: schedulePublication({ flightNumber: '8100', from: '2030-05-01', kg: 5000, m3: 500 }) })).status).toBe(201);
      const customers = await Promise.all(Array.from({ length: 4 }, (_, i) => h.token('customer', 'acme', { subject: `crowd-${i}` })));
      const body = bookingRequest({ flightNumber: '8100', date: '2030-05-01', weightKg: 100, volumeM3: 1, pieces: 1 });
      const batches = async () => Number(/^portal_booking_batch_size_count (\S+)$/m.exec(await h.api.portal.metrics.render())?.[1] ?? 0);
      const batchesBefore = await batches();
      const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => api.post<ShipmentBooking & { code?: string; detail?: string }>('/v1/shipments', { token: customers[i % 4], body })));
      const booked = responses.filter((r) => r.status === 201);
      const refused = responses.filter((r) => r.status !== 201);
      expect(booked).toHaveLength(50);
      expect(refused).toHaveLength(150);
      for (const response of refused) {
        expect(response.status).toBe(409);
        expect(response.contentType).toMatch(/problem\+json/);
        expect(response.body.code).toBe('NO_CAPACITY');
        expect(response.body.detail).toMatch(/no capacity on flight LH8100-2030-05-01-FRA: \d+(\.\d+)? kg left, 100 kg asked/);
      }
      expect(new Set(booked.map((r) => r.body.shipment.waybill.number)).size).toBe(50);
      // Group-committed: the 200 went in fewer transactions than requests, none of them redone alone.
      expect((await batches()) - batchesBefore).toBeLessThan(200);
      expect(await h.api.portal.metrics.render()).toMatch(/^portal_booking_batch_fallbacks_total 0$/m);

      const flight = (await api.get<FlightAvailability>('/v1/flights/LH8100-2030-05-01-FRA', { token: agent })).body;
      expect(flight.booked.weightKg).toBe(5000);
      expect(flight.remaining.weightKg).toBe(0);

      // The airline confirms each booking (what the saga's first step does): 50 confirmed, none more.
      const portal = h.api.portal;
      for (const response of booked) {
        await h.hub.hub.journal.sql.transaction((tx) => portal.saga.stepSucceeded(tx, response.body.booking.id, 'airline-booking'));
      }
      const states = await h.hub.hub.journal.sql.query<{ state: string; n: string | number; kg: string | number }>(
        `SELECT state, count(*) AS n, sum(weight_kg) AS kg FROM portal_allocations WHERE flight_id = 'LH8100-2030-05-01-FRA' GROUP BY state`,
      );
      expect(states.rows.map((r) => ({ state: r.state, n: Number(r.n), kg: Number(r.kg) }))).toEqual([{ state: 'confirmed', n: 50, kg: 5000 }]);
      const row = await h.hub.hub.journal.sql.query<{ booked: string; capacity: string }>(`SELECT booked_kg AS booked, capacity_kg AS capacity FROM portal_flights WHERE id = 'LH8100-2030-05-01-FRA'`);
      expect(Number(row.rows[0]?.capacity) - Number(row.rows[0]?.booked)).toBe(0);
    }, 120_000);

    it('releases a booking’s hold when it expires before the airline confirms: booking rejected, capacity back', async () => {
      expect((await api.post('/v1/flights', { token: admin, body: schedulePublication({ flightNumber: '8102', from: '2030-05-02', kg: 1000 }) })).status).toBe(201);
      let shortHolds: RunningPortalApi | undefined;
      try {
        shortHolds = await startPortalApi({ running: h.hub, port: 0, workers: { holdMs: 150, sweeper: { intervalMs: 50 } } });
        const customer = await h.token('customer', 'acme');
        const booked = await client(shortHolds.url).post<ShipmentBooking>('/v1/shipments', { token: customer, body: bookingRequest({ flightNumber: '8102', date: '2030-05-02', weightKg: 400 }) });
        expect(booked.status).toBe(201);
        const awb = booked.body.shipment.waybill.number;
        const rejected = await eventually(async () => {
          const view = await api.get<ShipmentBooking>(`/v1/shipments/${awb}`, { token: customer });
          return view.body.booking.state === 'rejected' && view.body;
        }, 20_000, 'the expired hold to reject the booking');
        expect(rejected.booking.stateReason).toEqual({ code: 'HOLD_EXPIRED', text: 'the capacity hold expired before the airline confirmed the booking' });
        expect(rejected.booking.allocations[0]?.state).toBe('expired');
        expect(rejected.saga.status).toBe('failed');
        expect((await api.get<FlightAvailability>('/v1/flights/LH8102-2030-05-02-FRA', { token: agent })).body.remaining.weightKg).toBe(1000);
      } finally {
        await shortHolds?.stop();
      }
    }, 30_000);

    it('holds capacity with a TTL, then confirms or releases it', async () => {
      expect((await api.post('/v1/flights', { token: admin, body: schedulePublication({ flightNumber: '8104', from: '2030-05-03', kg: 1000, m3: 10 }) })).status).toBe(201);
      const path = '/v1/flights/LH8104-2030-05-03-FRA';
      const first = await api.post<Allocation>(`${path}/allocations`, { token: agent, body: { weightKg: 600, volumeM3: 4, holdSeconds: 60 } });
      expect(first.status).toBe(201);
      expect(first.body.allocation).toMatchObject({ state: 'held', weightKg: 600, volumeM3: 4 });
      expect(Date.parse(first.body.allocation.holdExpiresAt as string) - Date.now()).toBeGreaterThan(50_000);
      const second = await api.post<{ code: string }>(`${path}/allocations`, { token: agent, body: { weightKg: 600, volumeM3: 1 } });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('NO_CAPACITY');

      const confirmed = await api.post<Allocation>(`/v1/allocations/${first.body.allocation.id}/confirm`, { token: agent });
      expect(confirmed.body.allocation.state).toBe('confirmed');
      expect(confirmed.body.allocation.holdExpiresAt).toBeUndefined();
      expect((await api.post(`/v1/allocations/${first.body.allocation.id}/confirm`, { token: agent })).status).toBe(409);

      const released = await api.post<Allocation>(`/v1/allocations/${first.body.allocation.id}/release`, { token: agent });
      expect(released.body.allocation.state).toBe('released');
      expect((await api.get<FlightAvailability>(path, { token: agent })).body.remaining).toEqual({ weightKg: 1000, volumeM3: 10 });
      expect((await api.post(`/v1/allocations/${first.body.allocation.id}/release`, { token: agent })).status).toBe(409);
    });

    it('sells seats on passenger flights only, never more than there are', async () => {
      expect((await api.post('/v1/flights', { token: admin, body: schedulePublication({ flightNumber: '402', from: '2030-05-04', serviceType: 'J', seats: 2 }) })).status).toBe(201);
      const path = '/v1/flights/LH402-2030-05-04-FRA';
      const holds = await Promise.all([1, 2, 3].map(() => api.post(`${path}/allocations`, { token: agent, body: { weightKg: 0, volumeM3: 0, seats: 1 } })));
      expect(holds.map((r) => r.status).sort()).toEqual([201, 201, 409]);
      expect((await api.get<FlightAvailability>(path, { token: agent })).body.remaining.seats).toBe(0);
      const cargoOnly = await api.post<{ code: string }>('/v1/flights/LH8104-2030-05-03-FRA/allocations', { token: agent, body: { weightKg: 0, volumeM3: 0, seats: 1 } });
      expect(cargoOnly.status).toBe(409);
    });

    it('lets several relays share the outbox: every event published exactly once', async () => {
      const sql = h.hub.hub.journal.sql;
      const ids: string[] = [];
      await sql.transaction(async (tx) => {
        for (let i = 0; i < 300; i++) {
          const data = { nonce: `relay-${i}`, sentAt: new Date().toISOString() };
          ids.push((await appendEvent(tx, { type: 'test.ping', data, tenant: 'acme', partitionkey: `key-${i % 7}` })).id);
        }
      });
      const submitted: string[] = [];
      const ingress = {
        async submit(value: unknown): Promise<IngressResult> {
          const id = (value as { id: string }).id;
          submitted.push(id);
          await new Promise((resolve) => setTimeout(resolve, 1));
          return { status: 'accepted', id, routes: [] };
        },
      };
      const relays = [1, 2, 3].map(() => new OutboxRelay(sql, ingress, silentLogger(), new PortalMetrics(), { batchSize: 25 }));
      // The portal's own relay pauses, so the three here share the 300 events between them.
      await h.api.portal.relay.stop();
      try {
        const counts = await Promise.all(relays.map((relay) => relay.drain()));
        expect(counts.reduce((a, b) => a + b, 0)).toBe(300);
      } finally {
        h.api.portal.relay.start();
      }
      const left = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM portal_outbox WHERE id = ANY($1::text[]) AND published_at IS NULL`, [ids]);
      expect(Number(left.rows[0]?.n)).toBe(0);
      expect(submitted.sort()).toEqual([...ids].sort());
      const published = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM portal_outbox WHERE id = ANY($1::text[]) AND outcome IS NOT NULL`, [ids]);
      expect(Number(published.rows[0]?.n)).toBe(300);
    }, 60_000);
  });
}
