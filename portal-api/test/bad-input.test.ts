// Slice 6: bad input — wrong types, missing fields, a bad AWB check digit, an oversized body,
// unknown fields, malformed JSON — is a problem+json naming the field, and nothing is half-written.
import { bookingRequest, customerRegistration, customsSubmission, schedulePublication } from './support/fixtures';
import { startHarness } from './support/harness';
import type { Harness } from './support/harness';
import { client, validateResponsesAfterAll } from './support/http';
import type { ApiResponse } from './support/http';

interface FieldError {
  in: string;
  path: string;
  rule: string;
  message: string;
}
type ProblemBody = { status: number; detail: string; errors?: FieldError[] };

const TABLES = ['portal_customers', 'portal_shipments', 'portal_bookings', 'portal_allocations', 'portal_outbox', 'portal_payments', 'portal_customs_declarations', 'portal_partner_files', 'idempotency_keys'];

let h: Harness;
let api: ReturnType<typeof client>;
let alice: string;
let before: Record<string, number>;

async function snapshot(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = Number((await h.hub.hub.journal.sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
  const flights = await h.hub.hub.journal.sql.query<{ kg: string }>(`SELECT sum(booked_kg) AS kg FROM portal_flights`);
  counts.booked_kg = Number(flights.rows[0]?.kg);
  return counts;
}

function expectProblem(response: ApiResponse<ProblemBody>, status: number, fields: Array<Partial<FieldError>>): void {
  expect(response.status).toBe(status);
  expect(response.contentType).toMatch(/^application\/problem\+json/);
  expect(response.body.status).toBe(status);
  for (const field of fields) expect(response.body.errors).toContainEqual(expect.objectContaining(field));
}

beforeAll(async () => {
  h = await startHarness({ portal: { bodyLimits: { jsonBytes: 64 * 1024, fileBytes: 128 * 1024 } } });
  api = client(h.url);
  alice = await h.token('customer', 'acme');
  const admin = await h.token('admin', '*');
  expect((await api.post('/v1/flights', { token: admin, body: schedulePublication({ from: '2030-03-14' }) })).status).toBe(201);
  // A carrier the portal has no AWB stock for: a booking on it is refused.
  expect((await api.post('/v1/flights', { token: admin, body: schedulePublication({ carrier: 'ZZ', flightNumber: '100', from: '2030-03-14' }) })).status).toBe(201);
  before = await snapshot();
}, 60_000);
validateResponsesAfterAll(() => h.url);
afterAll(async () => {
  expect(await snapshot()).toEqual(before);
  await h?.stop();
});

describe('bad input is refused by name, with nothing written', () => {
  it('wrong types', async () => {
    const body = bookingRequest();
    const response = await api.post<ProblemBody>('/v1/shipments', { token: alice, body: { ...body, pieces: [{ ...body.pieces[0], grossWeightKg: 'heavy', count: 1.5 }] } });
    expectProblem(response, 400, [
      { in: 'body', path: '/pieces/0/grossWeightKg', rule: 'type' },
      { in: 'body', path: '/pieces/0/count', rule: 'type' },
    ]);
    expect(response.body.detail).toMatch(/\/pieces\/0\/grossWeightKg must be number/);
  });

  it('missing fields', async () => {
    const { name: _name, addresses: _addresses, ...partial } = customerRegistration();
    expectProblem(await api.post<ProblemBody>('/v1/customers', { token: alice, body: partial }), 400, [
      { in: 'body', path: '/name', rule: 'required' },
      { in: 'body', path: '/addresses', rule: 'required' },
    ]);
    expectProblem(await api.post<ProblemBody>('/v1/customers', { token: alice }), 400, [{ in: 'body', path: '/', rule: 'required' }]);
  });

  it('a bad AWB check digit, in the path and in a body', async () => {
    const inPath = await api.get<ProblemBody>('/v1/shipments/020-12345670', { token: alice });
    expectProblem(inPath, 400, [{ in: 'path', path: 'awb', rule: 'awbCheckDigit' }]);
    expect(inPath.body.errors?.[0]?.message).toMatch(/check digit 0 but expected 5/);
    const declaration = customsSubmission('BAD-AWB-1') as { references: Record<string, unknown> };
    declaration.references.awb = '020-12345670';
    expectProblem(await api.post<ProblemBody>('/v1/customs-declarations', { token: alice, body: declaration }), 400, [{ in: 'body', path: '/references/awb', rule: 'awbCheckDigit' }]);
  });

  it('unknown fields, at the top and nested', async () => {
    const body = bookingRequest();
    const response = await api.post<ProblemBody>('/v1/shipments', { token: alice, body: { ...body, surprise: true, pieces: [{ ...body.pieces[0], colour: 'red' }] } });
    expectProblem(response, 400, [
      { in: 'body', path: '/surprise', rule: 'additionalProperties', message: 'is not a known field' },
      { in: 'body', path: '/pieces/0/colour', rule: 'additionalProperties' },
    ]);
  });

  it('an oversized body (JSON and file) is 413', async () => {
    const huge = { ...customerRegistration(), shortName: 'x'.repeat(70 * 1024) };
    expectProblem(await api.post<ProblemBody>('/v1/customers', { token: alice, body: huge }), 413, [{ in: 'body', path: '/', rule: 'maxBytes' }]);
    const partner = await h.token('partner', 'acme');
    const file = Buffer.concat([Buffer.from("UNB+UNOC:3+A+B+300101:1200+1'"), Buffer.alloc(200 * 1024, 65)]);
    expectProblem(await api.post<ProblemBody>('/v1/partner-files?name=big.edi', { token: partner, raw: file, headers: { 'content-type': 'application/edifact' } }), 413, [{ in: 'body', path: '/' }]);
  });

  it('malformed JSON and a media type the endpoint does not take', async () => {
    expectProblem(await api.post<ProblemBody>('/v1/customers', { token: alice, raw: '{"name": ', headers: { 'content-type': 'application/json' } }), 400, [{ in: 'body', path: '/', rule: 'json' }]);
    expectProblem(await api.post<ProblemBody>('/v1/customers', { token: alice, raw: 'name=x', headers: { 'content-type': 'text/plain' } }), 415, [{ in: 'header', path: 'content-type' }]);
  });

  it('query parameters, headers and values out of range', async () => {
    expectProblem(await api.get<ProblemBody>('/v1/flights?origin=frankfurt&date=2030-13-01', { token: alice }), 400, [
      { in: 'query', path: 'origin', rule: 'pattern' },
      { in: 'query', path: 'destination', rule: 'required' },
      { in: 'query', path: 'date', rule: 'format' },
    ]);
    expectProblem(await api.post<ProblemBody>('/v1/customers', { token: alice, body: customerRegistration(), headers: { 'idempotency-key': 'has spaces in it' } }), 400, [{ in: 'header', path: 'idempotency-key' }]);
    expectProblem(await api.post<ProblemBody>('/v1/payments', { token: alice, body: { amount: { amountMinor: -5, currency: 'XXX' }, links: {} } }), 400, [
      { in: 'body', path: '/amount/amountMinor', rule: 'minimum' },
      { in: 'body', path: '/amount/currency', rule: 'iso4217' },
      { in: 'body', path: '/links', rule: 'minProperties' },
    ]);
    expectProblem(await api.patch<ProblemBody>('/v1/customers/some-id', { token: alice, body: {} }), 400, [{ in: 'body', path: '/', rule: 'minProperties' }]);
  });

  it('a booking refused part-way (after its rows and events were written) leaves nothing behind', async () => {
    const body = bookingRequest();
    expectProblem(await api.post<ProblemBody>('/v1/shipments', { token: alice, body: { ...body, pieces: [{ count: 1, grossWeightKg: 10 }] } }), 400, [{ in: 'body', path: '/pieces/0/volumeM3', rule: 'required' }]);
    const noStock = await api.post<ProblemBody & { code: string }>('/v1/shipments', { token: alice, body: bookingRequest({ carrier: 'ZZ', flightNumber: '100' }) });
    expectProblem(noStock, 422, [{ in: 'body', path: '/flight/carrier' }]);
    expect(noStock.body.code).toBe('UNKNOWN_CARRIER');
    // Shipment, booking and outbox rows are written before the capacity hold, which comes last.
    const tooHeavy = await api.post<ProblemBody & { code: string }>('/v1/shipments', { token: alice, body: bookingRequest({ weightKg: 20_000 }) });
    expect(tooHeavy.status).toBe(409);
    expect(tooHeavy.body.code).toBe('NO_CAPACITY');
    // afterAll compares every table and the flights' booked weight with the snapshot taken before.
  });
});
