// Slices 5 and 6 end to end over real HTTP on the embedded runtime: register a customer, book a
// shipment, watch the saga reach each stand-in (airline, ONE Record, Odoo, payments) through the
// hub, post tracking events and read them back; a failing step compensates and rejects.
import { signWebhookPayload, SIMULATOR_WEBHOOK_SECRET } from '@interline/connector-http/testing';
import { messageLineage, trackingEventExamples } from '@interline/hub';
import type { LineageNode, Party, Payment, TrackingEvent } from '@interline/hub';
import { bookingRequest, customerRegistration, schedulePublication } from './support/fixtures';
import { startFullStack } from './support/full-stack';
import type { FullStack } from './support/full-stack';
import { eventually } from './support/harness';
import { client, validateResponsesAfterAll } from './support/http';
import type { ShipmentBooking } from '../src/schemas/shipments';
import type { FlightAvailability } from '../src/schemas/flights';
import type { TrackingHistory } from '../src/schemas/tracking';


// End to end through the hub: generous under a loaded CI machine.
jest.setTimeout(60_000);
let h: FullStack;
let api: ReturnType<typeof client>;
let alice: string;

async function settled(awb: string): Promise<ShipmentBooking> {
  return eventually(async () => {
    const view = (await api.get<ShipmentBooking>(`/v1/shipments/${awb}`, { token: alice })).body;
    return view.saga.status !== 'running' && view;
  }, 20_000, `the saga of ${awb} to finish`);
}

function types(nodes: LineageNode[]): string[] {
  return nodes.flatMap((node) => [node.type ?? '?', ...types(node.children)]);
}

beforeAll(async () => {
  h = await startFullStack();
  api = client(h.url);
  alice = await h.token('customer', 'acme', { subject: 'alice' });
  const admin = await h.token('admin', '*');
  expect((await api.post('/v1/flights', { token: admin, body: schedulePublication({ from: '2030-06-01', to: '2030-06-02', kg: 2000 }) })).status).toBe(201);
}, 90_000);
validateResponsesAfterAll(() => h.url);
afterAll(async () => {
  await h?.stop();
});

describe('the booking saga through the hub', () => {
  it('registers a customer, books a shipment, and runs every step to a confirmed booking', async () => {
    const customer = await api.post<Party>('/v1/customers', { token: alice, body: customerRegistration() });
    expect(customer.status).toBe(201);
    const request = { ...bookingRequest({ date: '2030-06-01' }), shipper: { partyId: customer.body.id } };
    const booked = await api.post<ShipmentBooking>('/v1/shipments', { token: alice, body: request });
    expect(booked.status).toBe(201);
    const awb = booked.body.shipment.waybill.number;

    const done = await settled(awb);
    expect(done.saga.status).toBe('completed');
    expect(done.saga.steps.map((s) => `${s.name}:${s.status}`)).toEqual(['capacity:done', 'airline-booking:done', 'waybill:done', 'sale-order:done', 'payment:done']);
    expect(done.booking).toMatchObject({ state: 'confirmed', allocations: [expect.objectContaining({ state: 'confirmed' })] });
    expect(done.shipment.status).toBe('booked');

    expect(h.delivered('airline')).toEqual(['booking.capacity-held']);
    expect(h.delivered('onerecord')).toEqual(['shipment.booked']);
    expect(h.delivered('odoo')).toEqual(['order.created']);
    expect(h.delivered('payments')).toEqual(['payment.requested']);

    // The payment the saga requested is the customer's to follow.
    const paymentEffect = h.simulator('payments').inspect().effects.at(-1)?.body as Payment;
    expect(paymentEffect).toMatchObject({ amount: done.charge, links: { bookingId: done.booking.id }, status: 'requires_payment_method' });
    expect((await api.get<Payment>(`/v1/payments/${paymentEffect.id}`, { token: alice })).body.status).toBe('requires_payment_method');

    // One correlation id carries the whole saga, for `interline messages trace`.
    const first = done.saga.steps[1]?.messageId as string;
    const lineage = await eventually(async () => {
      const found = await messageLineage(h.hub.hub.journal.sql, first);
      return found && types(found.root).includes('booking.confirmed') && found;
    }, 20_000, 'booking.confirmed in the saga lineage');
    expect(types(lineage.root)).toEqual(expect.arrayContaining(['shipment.booking-requested', 'booking.capacity-held', 'shipment.booked', 'order.created', 'payment.requested', 'booking.confirmed']));

    // Tracking events arrive from the airline's webhook, go through the hub and the portal connector.
    const base = trackingEventExamples[0] as TrackingEvent;
    const events = [
      { ...base, id: `${awb}-rcs`, awb, status: 'RCS', eventTime: '2030-06-01T06:10:00Z', location: 'FRA', flight: undefined, quantity: undefined },
      { ...base, id: `${awb}-dep`, awb, status: 'DEP', eventTime: '2030-06-01T09:47:00Z', location: 'FRA' },
    ];
    for (const event of events) {
      const body = JSON.stringify({ type: 'shipment.status-changed', id: event.id, partitionkey: awb, data: JSON.parse(JSON.stringify(event)) });
      const response = await fetch(`${h.hub.url}/webhooks/airline/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-interline-signature': signWebhookPayload(SIMULATOR_WEBHOOK_SECRET, body) },
        body,
      });
      expect(response.status).toBe(202);
    }
    const history = await eventually(async () => {
      const response = await api.get<TrackingHistory>(`/v1/shipments/${awb}/events`, { token: alice });
      return response.status === 200 && response.body.events.length === 2 && response.body;
    }, 20_000, 'both tracking events in the portal');
    expect(history.events.map((e) => e.status)).toEqual(['RCS', 'DEP']);
    expect((await api.get<ShipmentBooking>(`/v1/shipments/${awb}`, { token: alice })).body.shipment.status).toBe('in-transit');
    const mallory = await h.token('customer', 'globex');
    expect((await api.get(`/v1/shipments/${awb}/events`, { token: mallory })).status).toBe(404);
  }, 60_000);

  it('compensates when a step fails: capacity released, airline booking cancelled, booking rejected with the reason', async () => {
    const before = (await api.get<FlightAvailability>('/v1/flights/LH400-2030-06-02-FRA', { token: alice })).body.remaining;
    h.simulator('odoo').faults.add({ kind: 'permanent', operation: 'deliver', times: 1, status: 422 });
    const airlineBefore = h.delivered('airline').length;
    const booked = await api.post<ShipmentBooking>('/v1/shipments', { token: alice, body: bookingRequest({ date: '2030-06-02' }) });
    expect(booked.status).toBe(201);
    const done = await settled(booked.body.shipment.waybill.number);
    expect(done.saga.status).toBe('failed');
    expect(done.saga.steps.map((s) => `${s.name}:${s.status}`)).toEqual(['capacity:compensated', 'airline-booking:compensated', 'waybill:done', 'sale-order:failed', 'payment:skipped']);
    expect(done.booking.state).toBe('rejected');
    expect(done.booking.stateReason?.code).toBe('STEP_FAILED');
    expect(done.booking.stateReason?.text).toMatch(/^sale-order failed \(permanent in odoo\): .*HTTP 422/);
    expect(done.booking.allocations[0]?.state).toBe('released');
    expect(done.shipment.status).toBe('cancelled');
    expect((await api.get<FlightAvailability>('/v1/flights/LH400-2030-06-02-FRA', { token: alice })).body.remaining).toEqual(before);
    await eventually(() => h.delivered('airline').slice(airlineBefore).includes('booking.cancelled'), 20_000, 'the airline to get booking.cancelled');
    expect(h.delivered('airline').slice(airlineBefore)).toEqual(['booking.capacity-held', 'booking.cancelled']);
    expect(h.delivered('payments')).toEqual(['payment.requested']);
  }, 60_000);
});
