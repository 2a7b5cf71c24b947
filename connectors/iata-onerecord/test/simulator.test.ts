// The simulator behaves like a ONE Record server on the wire: creation rules, revisions and the audit
// trail, historical reads, change-request validation, NE:ONE-style answers and its control switches.
import { reset, startHarness } from './support/harness';
import type { Harness } from './support/harness';
import type { OneRecordClient } from '../src/client';
import { API, CARGO } from '../src/vocabulary';

let harness: Harness;
let client: OneRecordClient;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());
beforeEach(async () => {
  await reset(harness);
  client = harness.client();
});

const piece = (id: string, extra: Record<string, unknown> = {}) => ({ '@context': { cargo: CARGO }, '@id': `logistics-objects/${id}`, '@type': 'cargo:Piece', 'cargo:goodsDescription': 'Books', ...extra });
const status = (promise: Promise<unknown>) => promise.then(() => 'ok').catch((error: Error) => error.message);
const change = (object: string, revision: number, operations: Array<Record<string, unknown>>) => ({
  '@context': { api: API },
  '@type': 'api:Change',
  'api:hasLogisticsObject': { '@id': object },
  'api:hasRevision': revision,
  'api:hasOperation': operations.map((o) => ({ '@type': 'api:Operation', ...o })),
});

describe('logistics objects', () => {
  it('creates with 201, Location and Type; the same @id again is 409; a @graph body is 400', async () => {
    const created = await client.call('POST', 'logistics-objects', { body: piece('p1') });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${harness.simulator.baseUrl}/logistics-objects/p1`);
    expect(created.headers.get('type')).toBe(`${CARGO}Piece`);
    expect(await client.createLogisticsObject(piece('p1'))).toEqual({ location: 'logistics-objects/p1', existed: true });
    expect(await status(client.call('POST', 'logistics-objects', { body: { '@context': { cargo: CARGO }, '@graph': [piece('p2')] } }))).toMatch(/HTTP 400: Invalid logistics object — 400: the body must hold one logistics object, not a @graph/);
    expect(await status(client.call('POST', 'logistics-objects', { body: { '@context': { cargo: CARGO }, '@type': 'cargo:Value' } }))).toMatch(/is not a logistics object class of the cargo ontology/);
  });

  it('keeps revisions: headers, body, the audit trail and reads of an earlier revision', async () => {
    await client.call('POST', 'logistics-objects', { body: piece('p1') });
    // `at` has whole seconds: wait past the creation second, then take a time between create and change.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const before = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const iri = `${harness.simulator.baseUrl}/logistics-objects/p1`;
    const patched = await client.call('PATCH', iri, {
      body: change(iri, 1, [
        { 'api:op': { '@id': 'api:DELETE' }, 'api:s': iri, 'api:p': `${CARGO}goodsDescription`, 'api:o': { 'api:hasDatatype': 'http://www.w3.org/2001/XMLSchema#string', 'api:hasValue': 'Books' } },
        { 'api:op': { '@id': 'api:ADD' }, 'api:s': iri, 'api:p': `${CARGO}goodsDescription`, 'api:o': { 'api:hasDatatype': 'http://www.w3.org/2001/XMLSchema#string', 'api:hasValue': 'Rare books' } },
        { 'api:op': { '@id': 'api:ADD' }, 'api:s': iri, 'api:p': `${CARGO}grossWeight`, 'api:o': { 'api:hasDatatype': `${CARGO}Value`, 'api:hasValue': '_:w' } },
        { 'api:op': { '@id': 'api:ADD' }, 'api:s': '_:w', 'api:p': `${CARGO}numericalValue`, 'api:o': { 'api:hasDatatype': 'http://www.w3.org/2001/XMLSchema#double', 'api:hasValue': '20.0' } },
      ]),
    });
    expect(patched.status).toBe(201);
    expect(patched.headers.get('type')).toBe(`${API}ChangeRequest`);
    await new Promise((resolve) => setTimeout(resolve, 60));
    const now = await client.getLogisticsObject(iri);
    expect({ revision: now?.revision, latest: now?.latestRevision }).toEqual({ revision: 2, latest: 2 });
    const old = await client.call('GET', iri, { query: { at: before } });
    expect([old.headers.get('revision'), old.headers.get('latest-revision')]).toEqual(['1', '2']);
    expect(JSON.stringify(old.json)).toContain('"cargo:goodsDescription":"Books"');
    const audit = await client.call('GET', `${iri}/audit-trail`);
    expect(JSON.stringify(audit.json)).toContain(patched.headers.get('location'));
  });

  it('refuses changes that touch cargo:events, name another object, or do not fit the object', async () => {
    await client.call('POST', 'logistics-objects', { body: piece('p1') });
    const iri = `${harness.simulator.baseUrl}/logistics-objects/p1`;
    const add = (p: string) => ({ 'api:op': { '@id': 'api:ADD' }, 'api:s': iri, 'api:p': p, 'api:o': { 'api:hasDatatype': 'http://www.w3.org/2001/XMLSchema#string', 'api:hasValue': 'x' } });
    expect(await status(client.call('PATCH', iri, { body: change(iri, 1, [add(`${CARGO}events`)]) }))).toMatch(/HTTP 400: Invalid change — 400: operations on cargo:events are not allowed/);
    expect(await status(client.call('PATCH', iri, { body: change(`${iri}x`, 1, [add(`${CARGO}goodsDescription`)]) }))).toMatch(/does not match the logistics object/);
    const deleteMissing = await client.call('PATCH', iri, {
      body: change(iri, 1, [{ 'api:op': { '@id': 'api:DELETE' }, 'api:s': iri, 'api:p': `${CARGO}goodsDescription`, 'api:o': { 'api:hasDatatype': 'http://www.w3.org/2001/XMLSchema#string', 'api:hasValue': 'Magazines' } }]),
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    const request = await client.actionRequest(new URL(deleteMissing.headers.get('location') as string).href);
    expect(request).toMatchObject({ status: 'REQUEST_REJECTED', errors: [{ title: 'Change not applicable', details: [{ message: expect.stringMatching(/the object has no such value/) }] }] });
  });
});

describe('NE:ONE style and control switches', () => {
  it('answers flattened with @vocab, superclasses in @type, xsd:int revisions and embedded neone: ids', async () => {
    await harness.settings({ neOneStyle: true });
    await client.call('POST', 'logistics-objects', { body: piece('p1', { 'cargo:grossWeight': { '@type': 'cargo:Value', 'cargo:numericalValue': 3 } }) });
    const answer = await client.call('GET', 'logistics-objects/p1');
    const body = answer.json as { '@context': Record<string, unknown>; '@graph': Array<Record<string, unknown>> };
    expect(body['@context']['@vocab']).toBe(CARGO);
    const node = body['@graph'].find((n) => n['@id'] === `${harness.simulator.baseUrl}/logistics-objects/p1`);
    expect(node?.['@type']).toEqual(['Piece', 'PhysicalLogisticsObject', 'LogisticsObject']);
    expect(node?.['api:hasRevision']).toEqual({ '@type': 'xsd:int', '@value': '1' });
    expect(String((node?.grossWeight as { '@id': string })['@id'])).toMatch(/^neone:/);
    expect(answer.headers.get('content-type')).toBe('application/ld+json');
  });

  it('refuses unknown settings and names the known ones', async () => {
    const response = await fetch(`${harness.simulator.baseUrl}/__sim/onerecord/settings`, { method: 'POST', body: JSON.stringify({ neOneMode: true }) });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/unknown setting \\"neOneMode\\" \(known: apiVersions, neOneStyle/);
  });
});
