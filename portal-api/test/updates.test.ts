// Slice 4 over real HTTP on the embedded runtime: customs declarations and their answers, payments
// and refunds with provider outcomes, partner files in and out — hub events reach the portal
// through the portal connector.
import { createHash } from 'node:crypto';
import { customsResponseExamples } from '@interline/hub';
import type { Payment, Refund } from '@interline/hub';
import { bookingRequest, customsSubmission, envelope, schedulePublication } from './support/fixtures';
import { startFullStack } from './support/full-stack';
import type { FullStack } from './support/full-stack';
import { eventually } from './support/harness';
import { client, validateResponsesAfterAll } from './support/http';
import type { CustomsCase } from '../src/schemas/customs';
import type { PartnerFile } from '../src/schemas/files';
import type { ShipmentBooking } from '../src/schemas/shipments';


// End to end through the hub: generous under a loaded CI machine.
jest.setTimeout(60_000);
let h: FullStack;
let api: ReturnType<typeof client>;
let alice: string;
let mallory: string;
let admin: string;

/** Send an event into the hub as an outside system would (admin API). */
async function send(type: string, data: unknown, tenant = 'acme'): Promise<void> {
  const response = await fetch(`${h.hub.url}/v1/admin/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify(envelope(type, data, tenant)),
  });
  expect(response.status).toBe(202);
}

beforeAll(async () => {
  h = await startFullStack();
  api = client(h.url);
  alice = await h.token('customer', 'acme', { subject: 'alice' });
  mallory = await h.token('customer', 'globex', { subject: 'mallory' });
  admin = await h.token('admin', '*');
}, 90_000);
validateResponsesAfterAll(() => h.url);
afterAll(async () => {
  await h?.stop();
});

describe('customs declarations', () => {
  it('submits a declaration and follows its status from customs responses', async () => {
    const submitted = await api.post<CustomsCase>('/v1/customs-declarations', { token: alice, body: customsSubmission('ACME-EX-0001') });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'submitted', responses: [], declaration: { references: { lrn: 'ACME-EX-0001' } } });
    const { id } = submitted.body.declaration;
    expect((await api.get(`/v1/customs-declarations/${id}`, { token: mallory })).status).toBe(404);

    const answer = { ...structuredClone(customsResponseExamples[0]!), id: 'resp-acme-1', declaration: { id, lrn: 'ACME-EX-0001', mrn: '30DE003302E0004711' } };
    await send('customs.response-received', answer);
    const released = await eventually(async () => {
      const view = (await api.get<CustomsCase>(`/v1/customs-declarations/${id}`, { token: alice })).body;
      return view.status === 'released' && view;
    }, 20_000, 'the customs answer in the portal');
    expect(released.responses.map((r) => r.id)).toEqual(['resp-acme-1']);
    expect(released.declaration.references.mrn).toBe('30DE003302E0004711');
  });
});

describe('payments', () => {
  let booking: ShipmentBooking;

  beforeAll(async () => {
    expect((await api.post('/v1/flights', { token: admin, body: schedulePublication({ from: '2030-07-01' }) })).status).toBe(201);
    booking = (await api.post<ShipmentBooking>('/v1/shipments', { token: alice, body: bookingRequest({ date: '2030-07-01' }) })).body;
  });

  it('creates a payment for a booking, follows the provider outcome and refunds part of it', async () => {
    const created = await api.post<Payment>('/v1/payments', { token: alice, body: { amount: { amountMinor: 125050, currency: 'EUR' }, links: { bookingId: booking.booking.id } } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'requires_payment_method', amount: { amountMinor: 125050, currency: 'EUR' }, provider: { name: 'stripe' } });
    await eventually(() => h.simulator('payments').inspect().effects.some((e) => (e.body as Payment).id === created.body.id), 20_000, 'the payment request at the provider');

    const early = await api.post<{ code: string }>(`/v1/payments/${created.body.id}/refunds`, { token: admin, body: { reason: 'requested_by_customer' } });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PAYMENT_NOT_SUCCEEDED');

    await send('payment.succeeded', { ...created.body, status: 'succeeded', amountReceived: created.body.amount, provider: { name: 'stripe', paymentId: 'pi_3Test000000000000000001' } });
    await eventually(async () => (await api.get<Payment>(`/v1/payments/${created.body.id}`, { token: alice })).body.status === 'succeeded', 20_000, 'payment.succeeded in the portal');

    const agent = await h.token('agent', 'acme');
    const refund = await api.post<Refund>(`/v1/payments/${created.body.id}/refunds`, { token: agent, body: { amount: { amountMinor: 50000, currency: 'EUR' }, reason: 'requested_by_customer' } });
    expect(refund.status).toBe(201);
    expect(refund.body).toMatchObject({ status: 'pending', amount: { amountMinor: 50000, currency: 'EUR' }, paymentId: created.body.id });
    const tooMuch = await api.post<{ code: string }>(`/v1/payments/${created.body.id}/refunds`, { token: agent, body: { amount: { amountMinor: 75051, currency: 'EUR' }, reason: 'overcharge' } });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('REFUND_EXCEEDS_PAYMENT');

    await send('refund.succeeded', { ...refund.body, status: 'succeeded', provider: { name: 'stripe', refundId: 're_3Test000000000000000001', paymentId: 'pi_3Test000000000000000001' } });
    await eventually(async () => (await api.get<Refund>(`/v1/refunds/${refund.body.id}`, { token: alice })).body.status === 'succeeded', 20_000, 'refund.succeeded in the portal');
    expect((await api.get(`/v1/payments/${created.body.id}`, { token: mallory })).status).toBe(404);
  });

  it('never takes card data and refuses a booking of another tenant', async () => {
    const card = await api.post<{ errors: Array<{ path: string; message: string }> }>('/v1/payments', {
      token: alice,
      body: { amount: { amountMinor: 100, currency: 'EUR' }, links: { bookingId: booking.booking.id }, cardNumber: '4242424242424242' },
    });
    expect(card.status).toBe(400);
    expect(card.body.errors).toEqual([expect.objectContaining({ path: '/cardNumber', message: 'is not a known field' })]);
    expect(card.text).not.toContain('4242424242424242');
    const foreign = await api.post<{ code: string }>('/v1/payments', { token: mallory, body: { amount: { amountMinor: 100, currency: 'EUR' }, links: { bookingId: booking.booking.id } } });
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('UNKNOWN_BOOKING');
  });
});

describe('partner files', () => {
  const edifact = Buffer.from("UNA:+.? 'UNB+UNOC:3+SENDER+RECEIVER+250311:1200+1'UNH+1+CUSRES:D:96B:UN'BGM+962+1'UNT+3+1'UNZ+1+1'", 'latin1');

  it('stores an upload byte for byte with its SHA-256, and shows its status', async () => {
    const partner = await h.token('partner', 'acme');
    const uploaded = await api.post<PartnerFile>('/v1/partner-files?name=cusres-0001.edi', { token: partner, raw: edifact, headers: { 'content-type': 'application/edifact' } });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ name: 'cusres-0001.edi', direction: 'inbound', mediaType: 'application/edifact', sizeBytes: edifact.length, status: 'received' });
    expect(uploaded.body.sha256).toBe(createHash('sha256').update(edifact).digest('hex'));
    const jsonld = await api.post<PartnerFile>('/v1/partner-files?name=shipment.jsonld', { token: partner, raw: '{"@context":"https://onerecord.iata.org/ns/cargo","@type":"Shipment"}', headers: { 'content-type': 'application/ld+json' } });
    expect(jsonld.status).toBe(201);

    const back = await api.get(`/v1/partner-files/${uploaded.body.id}/content`, { token: partner });
    expect(Buffer.from(back.text, 'latin1').equals(edifact)).toBe(true);
    expect(back.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(edifact).digest('base64')}:`);

    const service = await h.token('admin', '*', { subject: 'service:hub' });
    const status = await api.post(`/internal/v1/partner-files/${uploaded.body.id}/status`, { token: service, body: { status: 'processed', detail: '1 CUSRES message' } });
    expect(status.status).toBe(200);
    expect((await api.get<PartnerFile>(`/v1/partner-files/${uploaded.body.id}`, { token: partner })).body).toMatchObject({ status: 'processed', statusDetail: '1 CUSRES message' });

    const other = await h.token('partner', 'globex');
    expect((await api.get(`/v1/partner-files/${uploaded.body.id}`, { token: other })).status).toBe(404);
    expect((await api.get<{ items: PartnerFile[] }>('/v1/partner-files', { token: other })).body.items).toEqual([]);
  });

  it('lists outbound files for the partner to download, marking them downloaded', async () => {
    const service = await h.token('admin', '*', { subject: 'service:hub' });
    const deposited = await api.post<{ id: string }>('/internal/v1/partner-files', {
      token: service,
      body: { tenant: 'acme', name: 'cuscar-0001.edi', mediaType: 'application/edifact', contentBase64: edifact.toString('base64') },
    });
    expect(deposited.status).toBe(200);
    const partner = await h.token('partner', 'acme');
    const listed = await api.get<{ items: PartnerFile[] }>('/v1/partner-files?direction=outbound', { token: partner });
    expect(listed.body.items.map((f) => `${f.name}:${f.status}`)).toEqual(['cuscar-0001.edi:available']);
    const download = await api.get(`/v1/partner-files/${deposited.body.id}/content`, { token: partner });
    expect(download.contentType).toBe('application/edifact');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="cuscar-0001.edi"');
    expect((await api.get<PartnerFile>(`/v1/partner-files/${deposited.body.id}`, { token: partner })).body.status).toBe('downloaded');
  });

  it('refuses content that is not what its media type says, and other media types', async () => {
    const partner = await h.token('partner', 'acme');
    const bad = await api.post<{ errors: Array<{ in: string; path: string; message: string }> }>('/v1/partner-files?name=x.edi', { token: partner, raw: 'hello', headers: { 'content-type': 'application/edifact' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ in: 'body', path: '/', message: expect.stringMatching(/UNA or UNB/) });
    const wrongType = await api.post('/v1/partner-files?name=x.pdf', { token: partner, raw: Buffer.from('%PDF'), headers: { 'content-type': 'application/pdf' } });
    expect(wrongType.status).toBe(415);
    expect(wrongType.contentType).toMatch(/problem\+json/);
  });
});
