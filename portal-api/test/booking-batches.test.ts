// Booking writes are group-committed: requests that arrive together are written in one transaction,
// and each still gets its own outcome — booked, refused with its own reason (nothing of it written),
// or the first response again for a repeated Idempotency-Key. A batch that fails as a whole is
// written again request by request. On PGlite and on PostgreSQL (a database of this file's own).
import { isValidAwb } from '@interline/hub';
import type { SqlClient } from '@interline/hub';
import type { Portal } from '../src';
import type { IdempotencyClaim } from '../src/http/write-runner';
import { ProblemException } from '../src/http/problem';
import type { BookingRequest } from '../src/schemas/shipments';
import { bookingRequest, schedulePublication } from './support/fixtures';
import { eventually, startHarness } from './support/harness';
import type { Harness } from './support/harness';
import { client } from './support/http';
import { createTestDatabase } from './support/test-database';
import type { TestDatabase } from './support/test-database';

describe.each(['pglite', 'postgres'] as const)('booking batches on %s', (backend) => {
  let h: Harness;
  let portal: Portal;
  let sql: SqlClient;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    if (backend === 'postgres') database = await createTestDatabase('portal_batch');
    h = await startHarness(database ? { databaseUrl: database.url } : {});
    portal = h.api.portal;
    sql = h.hub.hub.journal.sql;
    const admin = await h.token('admin', '*');
    for (const flight of [
      { flightNumber: '8500', kg: 1000 },
      { flightNumber: '8501', kg: 5000 },
      { flightNumber: '8502', kg: 5000, carrier: 'AF' },
    ]) {
      expect((await client(h.url).post('/v1/flights', { token: admin, body: schedulePublication({ ...flight, from: '2030-07-01' }) })).status).toBe(201);
    }
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
    await database?.drop();
  });

  const claim = (key: string, body: string): IdempotencyClaim => ({ scope: 'portal:acme:test:batch', key, hash: body });

  /** Each submission's outcome: the AWB, or status and code of the problem. */
  async function outcomes(submissions: Array<{ request: BookingRequest; claim?: IdempotencyClaim }>): Promise<Array<{ awb?: string; replayed?: boolean; status?: number; code?: unknown }>> {
    // Submitted in one turn of the event loop: they go in one batch.
    const settled = await Promise.allSettled(submissions.map((s) => portal.bookings.submit({ tenant: 'acme', ...s })));
    return settled.map((result) => {
      if (result.status === 'fulfilled') return { awb: result.value.body.shipment.waybill.number, ...(result.value.headers?.['idempotent-replayed'] ? { replayed: true } : {}) };
      const error = result.reason as unknown;
      if (!(error instanceof ProblemException)) throw error;
      return { status: error.problem.status, code: (error.problem as { code?: unknown }).code };
    });
  }

  async function metric(name: string): Promise<number> {
    const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(await portal.metrics.render());
    return match ? Number(match[1]) : 0;
  }

  it('writes requests that arrive together in one transaction, each with its own outcome', async () => {
    const [batchesBefore, sizesBefore] = [await metric('portal_booking_batch_size_count'), await metric('portal_booking_batch_size_sum')];
    const on = (flightNumber: string, weightKg: number) => bookingRequest({ flightNumber, date: '2030-07-01', weightKg, volumeM3: 1, pieces: 1 });
    const noVolume = on('8501', 10);
    delete (noVolume.pieces[0] as { volumeM3?: number }).volumeM3;
    const results = await outcomes([
      { request: on('8500', 400) },
      { request: on('8500', 400) },
      { request: on('8500', 400) }, // 200 kg left: refused
      { request: on('8501', 100) },
      { request: on('9999', 100) }, // no such flight
      { request: noVolume },
      { request: on('8501', 50), claim: claim('same-key', 'body-a') },
      { request: on('8501', 50), claim: claim('same-key', 'body-a') }, // the same request again: replayed
      { request: on('8501', 70), claim: claim('same-key', 'body-b') }, // the key with another body
      { request: on('8500', 400), claim: claim('refused-key', 'body-c') }, // refused: the key stays free
    ]);
    expect(results.map((r) => r.code ?? (r.status ? 'invalid' : r.replayed ? 'replayed' : 'booked'))).toEqual([
      'booked',
      'booked',
      'NO_CAPACITY',
      'booked',
      'UNKNOWN_FLIGHT',
      'invalid',
      'booked',
      'replayed',
      'IDEMPOTENCY_KEY_REUSED',
      'NO_CAPACITY',
    ]);
    expect(results.map((r) => r.status)).toEqual([undefined, undefined, 409, undefined, 422, 400, undefined, undefined, 422, 409]);
    expect(results[7]?.awb).toBe(results[6]?.awb);
    const awbs = results.filter((r) => r.awb && !r.replayed).map((r) => r.awb as string);
    expect(new Set(awbs).size).toBe(4);
    for (const awb of awbs) expect(isValidAwb(awb)).toBe(true);
    // One transaction for the ten (the replay of a claimed key is answered after it).
    expect(await metric('portal_booking_batch_size_count')).toBe(batchesBefore + 1);
    expect(await metric('portal_booking_batch_size_sum')).toBe(sizesBefore + 10);
    expect(await metric('portal_booking_batch_fallbacks_total')).toBe(0);

    const flights = await sql.query<{ id: string; booked_kg: string }>(`SELECT id, booked_kg FROM portal_flights WHERE id LIKE 'LH850_-2030-07-01-FRA' ORDER BY id`);
    expect(flights.rows.map((r) => [r.id, Number(r.booked_kg)])).toEqual([
      ['LH8500-2030-07-01-FRA', 800],
      ['LH8501-2030-07-01-FRA', 150],
    ]);
    const allocations = await sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM portal_allocations WHERE flight_id LIKE 'LH850_-2030-07-01-FRA' AND state = 'held'`);
    expect(Number(allocations.rows[0]?.n)).toBe(4);
    const keys = await sql.query<{ key: string; status: number | null }>(`SELECT key, status FROM idempotency_keys WHERE scope = 'portal:acme:test:batch' ORDER BY key`);
    expect(keys.rows).toEqual([{ key: 'same-key', status: 200 }]);
    // Each booking's two events reach the hub in order (handed to the relay without a read back).
    await eventually(async () => {
      const published = await sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM portal_outbox WHERE published_at IS NOT NULL AND envelope->>'partitionkey' = ANY($1::text[])`, [awbs]);
      return Number(published.rows[0]?.n) === 8;
    }, 10_000, 'the batch’s 8 events to be published');
    const journaled = await sql.query<{ type: string }>(`SELECT type FROM portal_outbox WHERE envelope->>'partitionkey' = $1 ORDER BY seq`, [awbs[0]]);
    expect(journaled.rows.map((r) => r.type)).toEqual(['shipment.booking-requested', 'booking.capacity-held']);
  });

  it('writes a batch that fails as a whole again request by request: AWB stock running out fails only its carrier’s bookings', async () => {
    // Two AF serials left for three AF requests: the batch's nextval runs past the end.
    await sql.query('ALTER SEQUENCE portal_awb_serial_057 MAXVALUE 5000001');
    const fallbacksBefore = await metric('portal_booking_batch_fallbacks_total');
    const results = await outcomes([
      { request: bookingRequest({ carrier: 'AF', flightNumber: '8502', date: '2030-07-01', weightKg: 100 }) },
      { request: bookingRequest({ flightNumber: '8501', date: '2030-07-01', weightKg: 100 }) },
      { request: bookingRequest({ carrier: 'AF', flightNumber: '8502', date: '2030-07-01', weightKg: 100 }) },
      { request: bookingRequest({ flightNumber: '8501', date: '2030-07-01', weightKg: 100 }), claim: claim('after-fallback', 'body-d') },
      { request: bookingRequest({ carrier: 'AF', flightNumber: '8502', date: '2030-07-01', weightKg: 100 }) },
    ]);
    expect(await metric('portal_booking_batch_fallbacks_total')).toBe(fallbacksBefore + 1);
    // Sequences are not transactional: the serials the failed batch drew are spent (a gap, like voided
    // stock), so every AF request is refused; the LH ones are booked.
    expect(results.map((r) => (r.awb ? r.awb.slice(0, 3) : r.code))).toEqual(['AWB_STOCK_EXHAUSTED', '020', 'AWB_STOCK_EXHAUSTED', '020', 'AWB_STOCK_EXHAUSTED']);
    expect(results.filter((r) => !r.awb).map((r) => r.status)).toEqual([503, 503, 503]);
    // Nothing of the refused requests was written.
    const af = await sql.query<{ booked_kg: string }>(`SELECT booked_kg FROM portal_flights WHERE id = 'AF8502-2030-07-01-FRA'`);
    expect(Number(af.rows[0]?.booked_kg)).toBe(0);
    const shipments = await sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM portal_shipments WHERE awb LIKE '057-%'`);
    expect(Number(shipments.rows[0]?.n)).toBe(0);
    const keys = await sql.query<{ status: number | null }>(`SELECT status FROM idempotency_keys WHERE scope = 'portal:acme:test:batch' AND key = 'after-fallback'`);
    expect(keys.rows).toEqual([{ status: 200 }]);
  });
});
