// Slice 2: customers, shipments (booking request with AWB allocation, read, cancel), messages,
// idempotency keys and the outbox relay, over real HTTP on an embedded hub.
import { isValidAwb, loadMessage } from '@interline/hub';
import type { Party } from '@interline/hub';
import { eventually, startHarness } from './support/harness';
import type { Harness } from './support/harness';
import { bookingRequest, customerRegistration, schedulePublication } from './support/fixtures';
import { client, validateResponsesAfterAll } from './support/http';
import type { ShipmentBooking } from '../src/schemas/shipments';
import type { FlightAvailability } from '../src/schemas/flights';
import type { MessageStatus } from '../src/schemas/messages';


// End to end through the hub: generous under a loaded CI machine.
jest.setTimeout(60_000);
let h: Harness;
let api: ReturnType<typeof client>;
let admin: string;
let alice: string;
let mallory: string;

async function count(table: string): Promise<number> {
  const result = await h.hub.hub.journal.sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(result.rows[0]?.n);
}

beforeAll(async () => {
  h = await startHarness();
  api = client(h.url);
  admin = await h.token('admin', '*');
  alice = await h.token('customer', 'acme', { subject: 'alice' });
  mallory = await h.token('customer', 'globex', { subject: 'mallory' });
  const published = await api.post('/v1/flights', { token: admin, body: schedulePublication({ from: '2030-03-14', to: '2030-03-16' }) });
  expect(published.status).toBe(201);
}, 60_000);
validateResponsesAfterAll(() => h.url);
afterAll(async () => {
  await h?.stop();
});

describe('customers', () => {
  it('registers, reads and updates a customer, emitting party events through the outbox', async () => {
    const created = await api.post<Party>('/v1/customers', { token: alice, body: customerRegistration() });
    expect(created.status).toBe(201);
    expect(created.body.roles).toContain('customer');
    expect(created.headers.get('location')).toBe(`/v1/customers/${created.body.id}`);
    const messageId = created.headers.get('interline-message-id') as string;

    expect((await api.get(`/v1/customers/${created.body.id}`, { token: alice })).body).toEqual(created.body);
    expect((await api.get(`/v1/customers/${created.body.id}`, { token: mallory })).status).toBe(404);

    const updated = await api.patch<Party>(`/v1/customers/${created.body.id}`, { token: alice, body: { shortName: 'RheinPharma' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: created.body.id, shortName: 'RheinPharma' });
    expect(updated.body.updatedAt).toBeDefined();

    const journaled = await eventually(() => loadMessage(h.hub.hub.journal.sql, messageId), 20_000, 'party.registered in the journal');
    expect(journaled).toMatchObject({ type: 'party.registered', tenant: 'acme', source: 'interline/portal-api' });
    const status = await eventually(async () => {
      const response = await api.get<MessageStatus>(`/v1/messages/${messageId}`, { token: alice });
      return response.body.status !== 'queued' && response;
    });
    expect(status.body).toMatchObject({ id: messageId, type: 'party.registered', status: 'accepted', routes: [] });
    expect((await api.get(`/v1/messages/${messageId}`, { token: mallory })).status).toBe(404);
  });

  it('refuses an update that breaks the party as a whole, naming the field', async () => {
    const created = await api.post<Party>('/v1/customers', { token: alice, body: customerRegistration('Second GmbH') });
    const response = await api.patch<{ errors: Array<{ path: string }> }>(`/v1/customers/${created.body.id}`, { token: alice, body: { roles: [] } });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e) => e.path)).toContain('/roles');
  });
});

describe('idempotency keys', () => {
  it('replays the first response for the same key and body, once in the database', async () => {
    const before = await count('portal_customers');
    const body = customerRegistration('Idempotent AG');
    const first = await api.post<Party>('/v1/customers', { token: alice, body, headers: { 'idempotency-key': 'reg-1' } });
    const second = await api.post<Party>('/v1/customers', { token: alice, body: { ...body }, headers: { 'idempotency-key': 'reg-1' } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('interline-message-id')).toBe(first.headers.get('interline-message-id'));
    expect(await count('portal_customers')).toBe(before + 1);
  });

  it('refuses the same key with a different body with 422, naming the header', async () => {
    await api.post('/v1/customers', { token: alice, body: customerRegistration('Key Owner'), headers: { 'idempotency-key': 'reg-2' } });
    const response = await api.post<{ code: string; errors: Array<{ in: string; path: string }> }>('/v1/customers', {
      token: alice,
      body: customerRegistration('Somebody Else'),
      headers: { 'idempotency-key': 'reg-2' },
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'header', path: 'idempotency-key' })]);
  });

  it('keeps keys per client: another client may use the same key', async () => {
    const bob = await h.token('customer', 'acme', { subject: 'bob' });
    const response = await api.post('/v1/customers', { token: bob, body: customerRegistration('Bob Ltd'), headers: { 'idempotency-key': 'reg-2' } });
    expect(response.status).toBe(201);
  });

  it('lets concurrent requests with one key create one resource', async () => {
    const before = await count('portal_shipments');
    const body = bookingRequest({ date: '2030-03-15' });
    const responses = await Promise.all(Array.from({ length: 5 }, () => api.post<ShipmentBooking>('/v1/shipments', { token: alice, body, headers: { 'idempotency-key': 'book-concurrent' } })));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.shipment.waybill.number)).size).toBe(1);
    expect(await count('portal_shipments')).toBe(before + 1);
  });
});

describe('shipments', () => {
  it('books a shipment: capacity held, AWB allocated with a valid check digit, saga started', async () => {
    const before = (await api.get<FlightAvailability>('/v1/flights/LH400-2030-03-14-FRA', { token: alice })).body.remaining;
    const response = await api.post<ShipmentBooking>('/v1/shipments', { token: alice, body: bookingRequest() });
    expect(response.status).toBe(201);
    const { shipment, booking, saga, charge } = response.body;
    expect(shipment.waybill.number).toMatch(/^020-5\d{7}$/);
    expect(isValidAwb(shipment.waybill.number)).toBe(true);
    expect(response.headers.get('location')).toBe(`/v1/shipments/${shipment.waybill.number}`);
    expect(shipment).toMatchObject({ status: 'booking-requested', origin: 'FRA', destination: 'JFK', totals: { pieceCount: 2, grossWeightKg: 310.5, volumeM3: 2.112, chargeableWeightKg: 352.5 } });
    expect(booking).toMatchObject({ state: 'held', awb: shipment.waybill.number, allocations: [expect.objectContaining({ state: 'held', weightKg: 310.5 })] });
    expect(charge).toEqual({ amountMinor: 352.5 * 450, currency: 'EUR' });
    expect(saga.steps.map((s) => `${s.name}:${s.status}`)).toEqual(['capacity:done', 'airline-booking:pending', 'waybill:pending', 'sale-order:pending', 'payment:pending']);

    const after = (await api.get<FlightAvailability>('/v1/flights/LH400-2030-03-14-FRA', { token: alice })).body.remaining;
    expect(after.weightKg).toBeCloseTo(before.weightKg - 310.5, 3);
    expect(after.volumeM3).toBeCloseTo(before.volumeM3 - 2.112, 3);

    expect((await api.get<ShipmentBooking>(`/v1/shipments/${shipment.waybill.number}`, { token: alice })).body).toEqual(response.body);
    expect((await api.get(`/v1/shipments/${shipment.waybill.number}`, { token: mallory })).status).toBe(404);
    const listed = await api.get<{ items: ShipmentBooking[] }>('/v1/shipments', { token: alice });
    expect(listed.body.items.map((i) => i.shipment.id)).toContain(shipment.id);
    expect((await api.get<{ items: ShipmentBooking[] }>('/v1/shipments', { token: mallory })).body.items).toEqual([]);

    // Both events reach the hub in one correlation: the booking request and the saga's first step.
    const heldId = saga.steps[1]?.messageId as string;
    const held = await eventually(() => loadMessage(h.hub.hub.journal.sql, heldId), 20_000, 'booking.capacity-held in the journal');
    const requested = await loadMessage(h.hub.hub.journal.sql, response.headers.get('interline-message-id') as string);
    expect(held).toMatchObject({ type: 'booking.capacity-held', subject: `booking/${booking.id}`, partitionKey: shipment.waybill.number, tenant: 'acme' });
    expect(requested).toMatchObject({ type: 'shipment.booking-requested', partitionKey: shipment.waybill.number });
    expect(held?.correlationId).toBe(requested?.correlationId);
  });

  it('allocates consecutive serials under the carrier prefix, each with its check digit', async () => {
    const a = await api.post<ShipmentBooking>('/v1/shipments', { token: alice, body: bookingRequest({ weightKg: 10, volumeM3: 0.1 }) });
    const b = await api.post<ShipmentBooking>('/v1/shipments', { token: alice, body: bookingRequest({ weightKg: 10, volumeM3: 0.1 }) });
    const serial = (awb: string) => Number(awb.slice(4, 11));
    expect(serial(b.body.shipment.waybill.number)).toBe(serial(a.body.shipment.waybill.number) + 1);
    expect([a, b].every((r) => isValidAwb(r.body.shipment.waybill.number))).toBe(true);
  });

  it('cancels a shipment: capacity released, booking cancelled, a second cancel refused', async () => {
    const before = (await api.get<FlightAvailability>('/v1/flights/LH400-2030-03-16-FRA', { token: alice })).body.remaining;
    const booked = await api.post<ShipmentBooking>('/v1/shipments', { token: alice, body: bookingRequest({ date: '2030-03-16' }) });
    const awb = booked.body.shipment.waybill.number;
    expect((await api.post(`/v1/shipments/${awb}/cancel`, { token: mallory, body: {} })).status).toBe(404);
    const cancelled = await api.post<ShipmentBooking>(`/v1/shipments/${awb}/cancel`, { token: alice, body: { reason: 'order withdrawn' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.booking).toMatchObject({ state: 'cancelled', stateReason: { code: 'CUSTOMER_CANCELLED', text: 'order withdrawn' }, allocations: [expect.objectContaining({ state: 'released' })] });
    expect(cancelled.body.shipment.status).toBe('cancelled');
    expect(cancelled.body.saga.status).toBe('cancelled');
    expect((await api.get<FlightAvailability>('/v1/flights/LH400-2030-03-16-FRA', { token: alice })).body.remaining).toEqual(before);
    const again = await api.post<{ code: string }>(`/v1/shipments/${awb}/cancel`, { token: alice, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_ENDED');
  });

  it('refuses a flight that is not on sale (422) and one without room (409), writing nothing', async () => {
    const before = await count('portal_shipments');
    const unknown = await api.post<{ code: string; errors: Array<{ path: string }> }>('/v1/shipments', { token: alice, body: bookingRequest({ flightNumber: '999' }) });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e) => e.path)).toEqual(['/flight']);
    const full = await api.post<{ code: string; detail: string }>('/v1/shipments', { token: alice, body: bookingRequest({ weightKg: 50_000 }) });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('NO_CAPACITY');
    expect(full.body.detail).toMatch(/kg left, 50000 kg asked/);
    expect(await count('portal_shipments')).toBe(before);
  });
});
