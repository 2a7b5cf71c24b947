// The embedded runtime as a user starts it — `interline start` with the repository's interline.yaml,
// routes and mappings, every connector against its simulator — driven over HTTP like the portal's
// apps and partners would: customers reach Odoo, a booking runs its saga through the real airline,
// ONE Record, Odoo and Stripe connectors, a partner's milestone on ONE Record reaches the portal's
// tracking, a declaration becomes a CUSDEC file the authority answers, and a Stripe payment's
// signed webhook updates the portal. Each outcome is read back from the simulators' own state.
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { customsDeclarationExamples, partyExamples, trackingEventExamples } from '@interline/hub';
import type { TrackingEvent } from '@interline/hub';
import trackingEventToLogisticsEvent from '../../../mappings/src/iata-onerecord/tracking-event-to-logistics-event.mapping';
import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET } from '@interline/connector-iata-onerecord/testing';
import { SIMULATOR_SECRET_KEY } from '@interline/connector-payments/testing';
import { REPO, runInterline, startHubProcess, waitFor } from './hub-process';
import type { HubProcess } from './hub-process';

jest.setTimeout(120_000);

interface Json {
  [key: string]: unknown;
}

let dir: string;
let hub: HubProcess;
let portal: string;
const simulators: Record<string, string> = {};
let admin: string;
let customer: string;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function call<T = Json>(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T };
}

const simState = async <T = Json>(name: string): Promise<T> => (await call<T>('GET', `${simulators[name]}/__sim/state`)).body;

async function issueToken(role: string, tenant: string, subject: string): Promise<string> {
  const run = await runInterline(['token', 'issue', '--role', role, '--tenant', tenant, '--subject', subject, '--json'], {}, dir);
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { token: string }).token;
}

function customerRegistration(name: string): Json {
  const { id: _id, active: _active, createdAt: _created, updatedAt: _updated, ...party } = structuredClone(partyExamples[0]!);
  return { ...party, name };
}

function bookingRequest(shipperPartyId: string, date: string): Json {
  return {
    shipper: { partyId: shipperPartyId },
    consignee: { partyId: '0195a1c2-7b1e-7c4e-9a51-3f2d8e6b1a02' },
    origin: 'FRA',
    destination: 'JFK',
    flight: { carrier: 'LH', flightNumber: '400', date },
    pieces: [{ count: 2, grossWeightKg: 310.5, volumeM3: 2.112, goodsDescription: 'Vaccines in active containers' }],
    goodsDescription: 'Pharmaceuticals, temperature controlled +2/+8 °C',
    specialHandlingCodes: ['PIL', 'ACT'],
    chargesPayment: 'prepaid',
  };
}

interface BookingView {
  saga: { status: string; steps: Array<{ name: string; status: string }> };
  booking: { id: string; state: string; stateReason?: { code: string; text: string } };
  shipment: { id: string; status: string; waybill: { number: string } };
}

async function settled(awb: string): Promise<BookingView> {
  return waitFor(async () => {
    const view = (await call<BookingView>('GET', `${portal}/v1/shipments/${awb}`, { token: customer })).body;
    return view.saga.status !== 'running' && view;
  }, 60_000, `the saga of ${awb} to finish`);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'interline-embedded-'));
  // The repository's own configuration, pointed at the repository's routes and (built) mappings.
  const config = readFileSync(path.join(REPO, 'interline.yaml'), 'utf8')
    .replace(/^routes: .*$/m, `routes: ${JSON.stringify(path.join(REPO, 'routes'))}`)
    .replace(/^mappings: .*$/m, `mappings: ${JSON.stringify(path.join(REPO, 'mappings'))}`);
  writeFileSync(path.join(dir, 'interline.yaml'), config);
  const [opsPort, portalPort] = [await freePort(), await freePort()];
  hub = await startHubProcess(dir, { INTERLINE_PORT: String(opsPort), INTERLINE_PORTAL_PORT: String(portalPort) });
  portal = `http://127.0.0.1:${portalPort}`;
  const listed = await runInterline(['connectors', 'list', '--json', '--url', hub.url], {}, dir);
  expect(listed.code).toBe(0);
  for (const entry of (JSON.parse(listed.stdout) as { items: Array<{ name: string; simulator: string | null }> }).items) {
    if (entry.simulator) simulators[entry.name] = entry.simulator;
  }
  admin = await issueToken('admin', '*', 'e2e-admin');
  customer = await issueToken('customer', 'acme', 'alice');
  const schedule = {
    schedule: {
      id: 'sched-LH400-2030-06',
      carrier: 'LH',
      flightNumber: '400',
      departure: { airport: 'FRA', scheduledTime: '10:35', utcOffset: '+01:00' },
      arrival: { airport: 'JFK', scheduledTime: '14:25', utcOffset: '-04:00' },
      arrivalDayOffset: 0,
      period: { from: '2030-06-01', to: '2030-06-02' },
      daysOfOperation: [1, 2, 3, 4, 5, 6, 7],
      aircraftType: '77F',
      serviceType: 'F',
      capacity: { cargoWeightKg: 2000, cargoVolumeM3: 60 },
      state: 'active',
      updatedAt: '2030-01-01T00:00:00Z',
    },
    ratePerKg: { amountMinor: 450, currency: 'EUR' },
  };
  expect((await call('POST', `${portal}/v1/flights`, { token: admin, body: schedule })).status).toBe(201);
}, 120_000);

afterAll(async () => {
  hub?.child.kill('SIGTERM');
  await hub?.exited;
});

describe('the embedded runtime, end to end', () => {
  let partyId: string;
  let awb: string;

  it('lists every connector with its simulator', () => {
    expect(Object.keys(simulators).sort()).toEqual(expect.arrayContaining(['airline', 'customs', 'gds', 'odoo', 'onerecord', 'payments']));
  });

  it('surfaces a PNR another agent creates on the GDS as a canonical pnr.created event', async () => {
    const created = await call<{ locator: string }>('POST', `${simulators.gds}/__sim/pnrs`, {
      body: { passengers: [{ surname: 'NORDMANN', firstName: 'OLA', type: 'ADT' }], segments: [{ carrier: 'LH', flightNumber: '902', classOfService: 'Y', date: '2030-05-05' }], contact: '+47 22 00 00 00' },
    });
    expect(created.status).toBe(201);
    const message = await waitFor(async () => {
      const run = await runInterline(['--json', 'messages', 'list', '--type', 'pnr.created', '--source', 'interline/connector/gds', '--url', hub.url], {}, dir);
      const page = JSON.parse(run.stdout) as { items: Array<{ id: string }> };
      return page.items[0];
    }, 30_000, 'pnr.created in the journal');
    const shown = JSON.parse((await runInterline(['--json', 'messages', 'show', message.id, '--url', hub.url], {}, dir)).stdout) as { message: { envelope: { data: Json } } };
    expect(shown.message.envelope.data).toMatchObject({
      recordLocators: expect.arrayContaining([{ locator: created.body.locator, system: '1A', kind: 'gds' }]),
      passengers: [expect.objectContaining({ surname: 'NORDMANN', type: 'ADT' })],
    });
  });

  it('puts a customer registered through the portal API into Odoo as a partner', async () => {
    const registered = await call<{ id: string }>('POST', `${portal}/v1/customers`, { token: customer, body: customerRegistration('Rheinpharma Logistik GmbH') });
    expect(registered.status).toBe(201);
    partyId = registered.body.id;
    const partner = await waitFor(async () => {
      const state = await simState<{ records: Record<string, Json[]> }>('odoo');
      return state.records['res.partner']?.find((p) => p.ref === partyId);
    }, 30_000, 'the customer as an Odoo res.partner');
    expect(partner).toMatchObject({ name: 'Rheinpharma Logistik GmbH', ref: partyId });
  });

  it('loads an airline’s SSIM file dropped in its inbox into the portal’s flight schedule, priced and with capacity', async () => {
    const record = (text: string, serial: number): string => `${text.padEnd(194)}${String(serial).padStart(6, '0')}`;
    const ssim = [
      record('1AIRLINE STANDARD SCHEDULE DATA SET     1', 1),
      record('2LIL      S30 01JUL3007JUL3001JUN30', 2),
      record('3 IL 91000101F01JUL3007JUL301234567 FRA10351035+02001 ORD12401240-0500  77F', 3),
      record(`${'5 IL 01JUN30'.padEnd(187)}000003E`, 4),
    ].join('\n');
    const inbox = path.join(dir, '.interline', 'exchange', 'airline', 'inbox');
    // Written under a temporary name and renamed, as partners are asked to: taken at once, never half-read.
    writeFileSync(path.join(inbox, 'IL-S30.ssim.part'), ssim, 'latin1');
    renameSync(path.join(inbox, 'IL-S30.ssim.part'), path.join(inbox, 'IL-S30.ssim'));
    const flights = await waitFor(async () => {
      const response = await call<{ items: Array<{ id: string; remaining: { weightKg: number }; ratePerKg: { amountMinor: number; currency: string }; flight: { carrier: string; flightNumber: string } }> }>('GET', `${portal}/v1/flights?origin=FRA&destination=ORD&date=2030-07-03`, { token: customer });
      return response.status === 200 && response.body.items.find((f) => f.flight.carrier === 'IL' && f.flight.flightNumber === '9100');
    }, 30_000, 'the SSIM leg in the portal’s flight search');
    // A 777 freighter's capacity from interline.yaml (portal.schedules), nothing held yet.
    expect(flights.remaining.weightKg).toBe(102000);
    expect(flights.ratePerKg).toEqual({ amountMinor: 450, currency: 'EUR' });
  });

  it('dead-letters a customer Odoo cannot take (country "UK" is not ISO); support fixes it with dlq replay --edit and it lands once', async () => {
    const base = customerRegistration('Thames Forwarding Ltd') as Json & { addresses: Array<Json> };
    const body = { ...base, addresses: [{ ...base.addresses[0], countryCode: 'UK', city: 'London', postalCode: 'TW6 2GA' }, ...base.addresses.slice(1)] };
    const registered = await call<{ id: string }>('POST', `${portal}/v1/customers`, { token: customer, body });
    expect(registered.status).toBe(201);
    const dead = await waitFor(async () => {
      const run = await runInterline(['--json', 'dlq', 'list', '--route', 'customers-to-odoo', '--url', hub.url], {}, dir);
      const page = JSON.parse(run.stdout) as { items: Array<{ messageId: string; error: { errorClass: string; message: string } }> };
      return page.items[0];
    }, 30_000, 'the refused customer in the dead letters');
    expect(dead.error.errorClass).toBe('permanent');
    expect(dead.error.message).toContain('country "UK" has no res.country in Odoo');

    writeFileSync(path.join(dir, 'uk-is-gb.json'), JSON.stringify([{ op: 'replace', path: '/data/addresses/0/countryCode', value: 'GB' }]));
    const replay = await runInterline(['dlq', 'replay', dead.messageId, '--edit', 'uk-is-gb.json', '--reason', 'ISO code for the UK is GB', '--url', hub.url], {}, dir);
    expect(replay.code).toBe(0);
    const company = await waitFor(async () => {
      const state = await simState<{ records: Record<string, Json[]> }>('odoo');
      const found = state.records['res.partner']?.filter((p) => p.ref === registered.body.id) ?? [];
      return found.length > 0 && found;
    }, 30_000, 'the fixed customer in Odoo');
    expect(company).toHaveLength(1);
    expect(company[0]).toMatchObject({ name: 'Thames Forwarding Ltd', city: 'London' });
    const detail = JSON.parse((await runInterline(['--json', 'messages', 'show', dead.messageId, '--url', hub.url], {}, dir)).stdout) as { deliveries: Array<{ routeId: string; status: string }>; audit: unknown[] };
    expect(detail.deliveries.find((d) => d.routeId === 'customers-to-odoo')?.status).toBe('delivered');
    expect(detail.audit.length).toBeGreaterThan(0);
  });

  it('runs a booking saga through the airline (SOAP), ONE Record, Odoo and Stripe to a confirmed booking', async () => {
    const booked = await call<BookingView>('POST', `${portal}/v1/shipments`, { token: customer, body: bookingRequest(partyId, '2030-06-01') });
    expect(booked.status).toBe(201);
    awb = booked.body.shipment.waybill.number;
    const done = await settled(awb);
    expect(done.saga.steps.map((s) => `${s.name}:${s.status}`)).toEqual(['capacity:done', 'airline-booking:done', 'waybill:done', 'sale-order:done', 'payment:done']);
    expect(done.saga.status).toBe('completed');
    expect(done.booking.state).toBe('confirmed');

    // The airline (SOAP): one confirmed cargo booking, keyed by our booking id, for this AWB.
    const airline = await simState<{ bookings: Array<{ clientReference: string; status: string; awb?: string }> }>('airline');
    expect(airline.bookings.filter((b) => b.clientReference === done.booking.id)).toEqual([expect.objectContaining({ status: 'CONFIRMED', awb })]);

    // ONE Record: the shipment, its waybill and pieces, published on the partner server.
    const onerecord = await simState<{ objects: Array<{ iri: string; type: string }> }>('onerecord');
    const types = onerecord.objects.filter((o) => o.iri.includes(done.shipment.id) || o.iri.includes(awb)).map((o) => o.type).sort();
    expect(types).toEqual(expect.arrayContaining(['Piece', 'Shipment', 'Waybill']));

    // Odoo: a confirmed sale order for the customer, referenced by the canonical order id.
    const odoo = await simState<{ records: Record<string, Json[]> }>('odoo');
    const partner = odoo.records['res.partner']?.find((p) => p.ref === partyId);
    const partnerOf = (o: Json) => (Array.isArray(o.partner_id) ? o.partner_id[0] : o.partner_id);
    const orders = odoo.records['sale.order']?.filter((o) => partner !== undefined && partnerOf(o) === partner.id) ?? [];
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ state: 'sale', client_order_ref: expect.any(String) });

    // Stripe: one PaymentIntent for the booking, waiting for the customer's payment method.
    const stripe = await simState<{ paymentIntents: Array<{ status: string; metadata: Record<string, string> }> }>('payments');
    const intents = stripe.paymentIntents.filter((i) => i.metadata.interline_booking_id === done.booking.id);
    expect(intents).toHaveLength(1);
    expect(intents[0]?.status).toBe('requires_payment_method');
  });

  it('shows a DEP milestone posted on the ONE Record partner in the portal’s tracking history', async () => {
    // The hub follows the waybill once it is booked; wait for that subscription before posting.
    await waitFor(async () => {
      const state = await simState<{ actionRequests: Array<{ kind: string; status: string; object?: string }> }>('onerecord');
      return state.actionRequests.some((r) => r.kind === 'SubscriptionRequest' && r.status.endsWith('REQUEST_ACCEPTED'));
    }, 30_000, 'the hub to subscribe to the waybill');
    const token = (await call<{ access_token: string }>('POST', `${simulators.onerecord}/oauth/token`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: SIMULATOR_CLIENT_ID, client_secret: SIMULATOR_CLIENT_SECRET }).toString(),
    })).body.access_token;
    const departure: TrackingEvent = { ...(structuredClone(trackingEventExamples[0]) as TrackingEvent), id: `${awb}-dep`, awb, status: 'DEP', location: 'FRA', eventTime: '2030-06-01T09:47:00Z' };
    delete departure.houseNumber;
    const document = trackingEventToLogisticsEvent.map(departure, { envelope: { id: 'e2e', type: 'shipment.status-changed', tenant: 'acme', correlationid: 'e2e', time: new Date().toISOString() } }) as Json;
    const posted = await call('POST', `${simulators.onerecord}/logistics-objects/waybill-${awb}/logistics-events`, {
      token,
      headers: { 'content-type': 'application/ld+json' },
      body: document,
    });
    expect(posted.status).toBe(201);
    const history = await waitFor(async () => {
      const response = await call<{ events: Array<{ status: string; location: string }> }>('GET', `${portal}/v1/shipments/${awb}/events`, { token: customer });
      return response.status === 200 && response.body.events.some((e) => e.status === 'DEP') && response.body;
    }, 30_000, 'the DEP milestone in the portal');
    expect(history.events.find((e) => e.status === 'DEP')).toMatchObject({ status: 'DEP', location: 'FRA' });
  });

  it('sends a declaration to customs as a CUSDEC file and applies the authority’s CUSRES to its status', async () => {
    const { id: _id, createdAt: _created, submittedAt: _submitted, ...declaration } = structuredClone(customsDeclarationExamples[0]!) as unknown as Json & { references: Json };
    const submitted = await call<{ declaration: { id: string }; status: string }>('POST', `${portal}/v1/customs-declarations`, { token: admin, body: { ...declaration, references: { ...declaration.references, lrn: `E2E${Date.now()}` } } });
    expect(submitted.status).toBe(201);
    const lodged = await waitFor(async () => {
      const state = await simState<{ lodged: Array<{ kind: string; file: string; mrn?: string }> }>('customs');
      return state.lodged.length > 0 && state.lodged;
    }, 30_000, 'the CUSDEC file at the authority');
    expect(lodged[0]).toMatchObject({ kind: 'declaration', file: expect.stringMatching(/^CUSDEC_/) });
    const answered = await waitFor(async () => {
      const response = await call<{ status: string; responses: unknown[] }>('GET', `${portal}/v1/customs-declarations/${submitted.body.declaration.id}`, { token: admin });
      return response.status === 200 && response.body.status !== 'submitted' && response.body;
    }, 30_000, 'the CUSRES answer on the declaration');
    // The simulated authority accepts a well-formed declaration and assigns an MRN.
    expect(answered.status).toBe('accepted');
    expect(JSON.stringify(answered.responses)).toContain((lodged[0] as { mrn?: string }).mrn ?? 'no MRN');
  });

  it('compensates when Odoo refuses the sale order: capacity released, airline booking cancelled, booking rejected', async () => {
    const remaining = async () => (await call<{ remaining: { weightKg: number } }>('GET', `${portal}/v1/flights/LH400-2030-06-02-FRA`, { token: customer })).body.remaining;
    const before = await remaining();
    expect((await call('POST', `${simulators.odoo}/__sim/faults`, { body: { kind: 'permanent', operation: 'sale.order.create', times: 1 } })).status).toBeLessThan(300);
    const booked = await call<BookingView>('POST', `${portal}/v1/shipments`, { token: customer, body: bookingRequest(partyId, '2030-06-02') });
    expect(booked.status).toBe(201);
    const done = await settled(booked.body.shipment.waybill.number);
    expect(done.saga.status).toBe('failed');
    expect(done.saga.steps.map((s) => `${s.name}:${s.status}`)).toEqual(['capacity:compensated', 'airline-booking:compensated', 'waybill:done', 'sale-order:failed', 'payment:skipped']);
    expect(done.booking.state).toBe('rejected');
    expect(done.booking.stateReason?.text).toMatch(/^sale-order failed \(permanent in odoo\)/);
    expect(await remaining()).toEqual(before);
    // The airline booking the saga had placed is cancelled on the airline (its space released there).
    const airline = await waitFor(async () => {
      const state = await simState<{ bookings: Array<{ clientReference: string; status: string }> }>('airline');
      const found = state.bookings.find((b) => b.clientReference === done.booking.id);
      return found?.status === 'CANCELLED' && found;
    }, 30_000, 'the airline booking to be cancelled');
    expect(airline.status).toBe('CANCELLED');
    // Nothing was charged for the rejected booking.
    const stripe = await simState<{ paymentIntents: Array<{ metadata: Record<string, string> }> }>('payments');
    expect(stripe.paymentIntents.filter((i) => i.metadata.interline_booking_id === done.booking.id)).toEqual([]);
  });

  it('takes the booking’s Stripe payment to succeeded: the webhook marks the booking paid and Odoo registers it on the invoice', async () => {
    const intent = (await simState<{ paymentIntents: Array<{ id: string; metadata: Record<string, string> }> }>('payments')).paymentIntents.find((i) => i.metadata.interline_booking_id !== undefined);
    expect(intent).toBeDefined();
    // The customer's browser confirms with Stripe.js; here the test plays it against the simulator.
    const confirmed = await call('POST', `${simulators.payments}/v1/payment_intents/${intent!.id}/confirm`, {
      headers: { authorization: `Bearer ${SIMULATOR_SECRET_KEY}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'payment_method=pm_card_visa',
    });
    expect(confirmed.status).toBe(200);
    const paymentId = intent!.metadata.interline_payment_id!;
    const payment = await waitFor(async () => {
      const response = await call<{ status: string }>('GET', `${portal}/v1/payments/${paymentId}`, { token: customer });
      return response.status === 200 && response.body.status === 'succeeded' && response.body;
    }, 30_000, 'the payment to succeed in the portal');
    expect(payment.status).toBe('succeeded');
    const view = await waitFor(async () => {
      const response = await call<BookingView & { saga: { paymentStatus?: string } }>('GET', `${portal}/v1/shipments/${awb}`, { token: customer });
      return response.body.saga.paymentStatus === 'succeeded' && response.body;
    }, 30_000, 'the booking to show its payment succeeded');
    expect(view.booking.state).toBe('confirmed');

    // Odoo: the posted invoice for the booking, with the payment registered against it.
    const odoo = await waitFor(async () => {
      const state = await simState<{ records: Record<string, Json[]> }>('odoo');
      const invoice = state.records['account.move']?.find((m) => m.payment_reference === `INV-${awb}` || m.ref === `INV-${awb}`);
      return invoice && (state.records['account.payment'] ?? []).length > 0 && { state, invoice };
    }, 30_000, 'the payment registered on the Odoo invoice');
    expect(odoo.invoice).toMatchObject({ move_type: 'out_invoice', state: 'posted' });
    expect(['paid', 'in_payment']).toContain(odoo.invoice.payment_state);
  });
});
