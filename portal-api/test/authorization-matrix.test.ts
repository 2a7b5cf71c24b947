// Slice 6: every endpoint × every role (and a principal of a foreign tenant) → the expected status;
// without a token, with an expired one and with a forged one → 401. The table must name every
// operation in the OpenAPI document, so a new endpoint cannot ship without its row.
import { randomBytes } from 'node:crypto';
import { cargoBookingExamples, customsResponseExamples, flightExamples, paymentExamples, refundExamples, signLocalToken, trackingEventExamples } from '@interline/hub';
import type { Payment, Party, Role } from '@interline/hub';
import { bookingRequest, customerRegistration, customsSubmission, schedulePublication } from './support/fixtures';
import { startHarness } from './support/harness';
import type { Harness } from './support/harness';
import { client, validateResponsesAfterAll } from './support/http';
import type { RequestOptions } from './support/http';
import type { ShipmentBooking } from '../src/schemas/shipments';
import type { Allocation } from '../src/schemas/flights';
import type { CustomsCase } from '../src/schemas/customs';
import type { PartnerFile } from '../src/schemas/files';

type Caller = Role | 'foreign';
const CALLERS: Caller[] = ['customer', 'agent', 'support', 'partner', 'admin', 'foreign'];
type Expected = [customer: number, agent: number, support: number, partner: number, admin: number, foreign: number];

interface Row {
  method: string;
  path: string;
  /** The concrete path for a caller (resources that change state get one per caller). */
  url?: (caller: Caller) => string;
  body?: (caller: Caller) => unknown;
  raw?: { content: string; type: string };
  expect: Expected;
  /** The role the foreign-tenant principal has (a role the endpoint lets in, where there is one). */
  foreignRole?: Role;
}

let h: Harness;
let api: ReturnType<typeof client>;
const tokens = {} as Record<Caller, string>;
const ids = {} as Record<string, string>;
const event = { id: 'evt-1', type: 'test.ping', tenant: 'acme', correlationid: 'evt-1', traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01` };
const perCaller = (key: string) => (caller: Caller) => ids[`${key}:${caller}`] ?? ids[key] ?? 'missing';

const ROWS: Row[] = [
  { method: 'GET', path: '/healthz', expect: [200, 200, 200, 200, 200, 200] },
  { method: 'GET', path: '/readyz', expect: [200, 200, 200, 200, 200, 200] },
  { method: 'GET', path: '/metrics', expect: [200, 200, 200, 200, 200, 200] },
  { method: 'GET', path: '/openapi.json', expect: [200, 200, 200, 200, 200, 200] },
  { method: 'GET', path: '/v1/me', expect: [200, 200, 200, 200, 200, 200] },
  { method: 'POST', path: '/v1/customers', body: () => customerRegistration(), expect: [201, 201, 403, 403, 201, 201] },
  { method: 'GET', path: '/v1/customers/{id}', url: (c) => `/v1/customers/${perCaller('customer')(c)}`, expect: [200, 200, 200, 403, 200, 404] },
  { method: 'PATCH', path: '/v1/customers/{id}', url: (c) => `/v1/customers/${perCaller('customer')(c)}`, body: () => ({ shortName: 'Rheinpharma' }), expect: [200, 200, 403, 403, 200, 404] },
  { method: 'POST', path: '/v1/shipments', body: () => bookingRequest({ weightKg: 10, volumeM3: 0.1 }), expect: [201, 201, 403, 403, 201, 201] },
  { method: 'GET', path: '/v1/shipments', expect: [200, 200, 200, 403, 200, 200] },
  { method: 'GET', path: '/v1/shipments/{awb}', url: () => `/v1/shipments/${ids.awb}`, expect: [200, 200, 200, 403, 200, 404] },
  { method: 'POST', path: '/v1/shipments/{awb}/cancel', url: (c) => `/v1/shipments/${perCaller('cancel')(c)}/cancel`, body: () => ({}), expect: [200, 200, 403, 403, 200, 404] },
  { method: 'GET', path: '/v1/shipments/{awb}/events', url: () => `/v1/shipments/${ids.awb}/events`, expect: [200, 200, 200, 403, 200, 404] },
  { method: 'GET', path: '/v1/flights', url: () => '/v1/flights?origin=FRA&destination=JFK&date=2030-03-14', expect: [200, 200, 200, 403, 200, 200] },
  { method: 'GET', path: '/v1/flights/{flightId}', url: () => '/v1/flights/LH400-2030-03-14-FRA', expect: [200, 200, 200, 403, 200, 200] },
  { method: 'POST', path: '/v1/flights', body: () => schedulePublication({ from: '2030-04-01' }), expect: [403, 403, 403, 403, 201, 403] },
  { method: 'POST', path: '/v1/flights/{flightId}/allocations', url: () => '/v1/flights/LH400-2030-03-14-FRA/allocations', body: () => ({ weightKg: 1, volumeM3: 0.01 }), expect: [403, 201, 403, 403, 201, 201], foreignRole: 'agent' },
  { method: 'GET', path: '/v1/allocations/{id}', url: () => `/v1/allocations/${ids.allocation}`, expect: [403, 200, 200, 403, 200, 404], foreignRole: 'agent' },
  { method: 'POST', path: '/v1/allocations/{id}/confirm', url: (c) => `/v1/allocations/${perCaller('confirm')(c)}/confirm`, expect: [403, 200, 403, 403, 200, 404], foreignRole: 'agent' },
  { method: 'POST', path: '/v1/allocations/{id}/release', url: (c) => `/v1/allocations/${perCaller('release')(c)}/release`, expect: [403, 200, 403, 403, 200, 404], foreignRole: 'agent' },
  { method: 'POST', path: '/v1/customs-declarations', body: () => customsSubmission('MATRIX-0001'), expect: [201, 201, 403, 403, 201, 201] },
  { method: 'GET', path: '/v1/customs-declarations/{id}', url: () => `/v1/customs-declarations/${ids.customs}`, expect: [200, 200, 200, 403, 200, 404] },
  { method: 'POST', path: '/v1/payments', body: () => ({ amount: { amountMinor: 100, currency: 'EUR' }, links: { invoiceId: 'inv-1' } }), expect: [201, 201, 403, 403, 201, 201] },
  { method: 'GET', path: '/v1/payments/{id}', url: () => `/v1/payments/${ids.payment}`, expect: [200, 200, 200, 403, 200, 404] },
  { method: 'POST', path: '/v1/payments/{id}/refunds', url: () => `/v1/payments/${ids.payment}/refunds`, body: () => ({ amount: { amountMinor: 1, currency: 'EUR' }, reason: 'overcharge' }), expect: [403, 201, 403, 403, 201, 404], foreignRole: 'agent' },
  { method: 'GET', path: '/v1/refunds/{id}', url: () => `/v1/refunds/${ids.refund}`, expect: [200, 200, 200, 403, 200, 404] },
  { method: 'POST', path: '/v1/partner-files', url: () => '/v1/partner-files?name=matrix.edi', raw: { content: "UNB+UNOC:3+A+B+300101:1200+1'UNZ+0+1'", type: 'application/edifact' }, expect: [403, 403, 403, 201, 201, 201], foreignRole: 'partner' },
  { method: 'GET', path: '/v1/partner-files', expect: [403, 403, 200, 200, 200, 200], foreignRole: 'partner' },
  { method: 'GET', path: '/v1/partner-files/{id}', url: () => `/v1/partner-files/${ids.file}`, expect: [403, 403, 200, 200, 200, 404], foreignRole: 'partner' },
  { method: 'GET', path: '/v1/partner-files/{id}/content', url: () => `/v1/partner-files/${ids.file}/content`, expect: [403, 403, 200, 200, 200, 404], foreignRole: 'partner' },
  { method: 'GET', path: '/v1/messages/{id}', url: () => `/v1/messages/${ids.message}`, expect: [200, 200, 200, 200, 200, 404] },
  { method: 'POST', path: '/internal/v1/tracking-events', body: () => ({ event, data: { ...trackingEventExamples[0], id: `trk-${Math.random()}` } }), expect: [403, 403, 403, 403, 200, 403] },
  { method: 'POST', path: '/internal/v1/saga-steps', body: () => ({ event, data: {} }), expect: [403, 403, 403, 403, 200, 403] },
  { method: 'POST', path: '/internal/v1/carrier-answers', body: () => ({ event, data: cargoBookingExamples[0] }), expect: [403, 403, 403, 403, 200, 403] },
  { method: 'POST', path: '/internal/v1/customs-responses', body: () => ({ event, data: customsResponseExamples[0] }), expect: [403, 403, 403, 403, 200, 403] },
  { method: 'POST', path: '/internal/v1/payment-updates', body: () => ({ event, data: paymentExamples[0] }), expect: [403, 403, 403, 403, 200, 403] },
  { method: 'POST', path: '/internal/v1/refund-updates', body: () => ({ event, data: refundExamples[0] }), expect: [403, 403, 403, 403, 200, 403] },
  { method: 'POST', path: '/internal/v1/flight-schedules', body: () => ({ event, data: flightExamples[1] }), expect: [403, 403, 403, 403, 200, 403] },
  { method: 'POST', path: '/internal/v1/partner-files', body: () => ({ tenant: 'acme', name: 'out.edi', mediaType: 'application/edifact', contentBase64: 'VU5CKw==' }), expect: [403, 403, 403, 403, 200, 403] },
  { method: 'POST', path: '/internal/v1/partner-files/{id}/status', url: () => `/internal/v1/partner-files/${ids.file}/status`, body: () => ({ status: 'processing' }), expect: [403, 403, 403, 403, 200, 403] },
];

function request(row: Row, caller: Caller, token: string | undefined): RequestOptions {
  const options: RequestOptions = token ? { token } : {};
  if (row.raw) return { ...options, raw: row.raw.content, headers: { 'content-type': row.raw.type } };
  const body = row.body?.(caller) ?? (row.method === 'POST' ? {} : undefined);
  return body === undefined ? options : { ...options, body };
}

beforeAll(async () => {
  h = await startHarness({ portal: { rateLimit: { capacity: 10_000, refillPerSecond: 10_000 } } });
  api = client(h.url);
  for (const role of ['customer', 'agent', 'partner'] as const) tokens[role] = await h.token(role, 'acme');
  tokens.support = await h.token('support', '*');
  tokens.admin = await h.token('admin', '*');
  const [customer, agent, admin] = [tokens.customer, tokens.agent, tokens.admin];
  expect((await api.post('/v1/flights', { token: admin, body: schedulePublication({ from: '2030-03-14' }) })).status).toBe(201);
  ids.customer = (await api.post<Party>('/v1/customers', { token: customer, body: customerRegistration() })).body.id;
  const book = async () => (await api.post<ShipmentBooking>('/v1/shipments', { token: customer, body: bookingRequest({ weightKg: 10, volumeM3: 0.1 }) })).body.shipment.waybill.number;
  ids.awb = await book();
  for (const caller of ['customer', 'agent', 'admin', 'foreign']) ids[`cancel:${caller}`] = await book();
  const hold = async () => (await api.post<Allocation>('/v1/flights/LH400-2030-03-14-FRA/allocations', { token: agent, body: { weightKg: 1, volumeM3: 0.01 } })).body.allocation.id;
  ids.allocation = await hold();
  for (const action of ['confirm', 'release']) for (const caller of ['agent', 'admin', 'foreign']) ids[`${action}:${caller}`] = await hold();
  const customs = await api.post<CustomsCase>('/v1/customs-declarations', { token: customer, body: customsSubmission('MATRIX-0000') });
  ids.customs = customs.body.declaration.id;
  ids.message = customs.headers.get('interline-message-id') as string;
  const payment = (await api.post<Payment>('/v1/payments', { token: customer, body: { amount: { amountMinor: 10_000, currency: 'EUR' }, links: { invoiceId: 'inv-0' } } })).body;
  ids.payment = payment.id;
  await api.post('/internal/v1/payment-updates', { token: admin, body: { event, data: { ...payment, status: 'succeeded', amountReceived: payment.amount } } });
  ids.refund = (await api.post<{ id: string }>(`/v1/payments/${payment.id}/refunds`, { token: agent, body: { amount: { amountMinor: 1, currency: 'EUR' }, reason: 'overcharge' } })).body.id;
  ids.file = (await api.post<PartnerFile>('/v1/partner-files?name=setup.edi', { token: tokens.partner, raw: "UNB+UNOC:3+A+B+300101:1200+1'", headers: { 'content-type': 'application/edifact' } })).body.id;
}, 90_000);
validateResponsesAfterAll(() => h.url);
afterAll(async () => {
  await h?.stop();
});

it('covers every operation of the OpenAPI document', async () => {
  const document = (await api.get<{ paths: Record<string, Record<string, unknown>> }>('/openapi.json')).body;
  const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
  expect(ROWS.map((row) => `${row.method} ${row.path}`).sort()).toEqual(documented.sort());
});

describe.each(ROWS)('$method $path', (row) => {
  it('answers each role and a foreign tenant as expected', async () => {
    const got: number[] = [];
    for (const caller of CALLERS) {
      const token = caller === 'foreign' ? await h.token(row.foreignRole ?? 'customer', 'globex') : tokens[caller];
      const response = await api.call(row.method, row.url?.(caller) ?? row.path, request(row, caller, token));
      got.push(response.status);
      if (response.status >= 400) expect(response.contentType).toMatch(/^application\/problem\+json/);
    }
    expect(Object.fromEntries(CALLERS.map((c, i) => [c, got[i]]))).toEqual(Object.fromEntries(CALLERS.map((c, i) => [c, row.expect[i]])));
  });

  it('answers 401 without a token, with an expired one and with a forged one (public endpoints excepted)', async () => {
    const expired = await h.token('admin', '*', { ttlSeconds: -30 });
    const forged = await signLocalToken(randomBytes(32), { role: 'admin', subject: 'mallory', tenant: '*' });
    const isPublic = ['/healthz', '/readyz', '/metrics', '/openapi.json'].includes(row.path);
    for (const token of [undefined, expired, forged]) {
      const response = await api.call(row.method, row.url?.('admin') ?? row.path, request(row, 'admin', token));
      if (isPublic) expect(response.status).toBe(200);
      else {
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
    }
  });
});
