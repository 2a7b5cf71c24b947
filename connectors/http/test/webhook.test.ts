// The webhook source: signature first, then JSON, then the event shape; nothing is emitted unless all pass.
import { createHmac } from 'node:crypto';
import { silentLogger } from '@interline/hub';
import { httpSimulator, SIMULATOR_WEBHOOK_SECRET, startHttpSimulator } from '../src/simulator';
import type { HttpSimulatorHandle } from '../src/simulator';
import { httpConnector, signWebhookPayload, verifyWebhookSignature } from '../src';
import type { HttpClient } from '../src';
import { callWebhook, connect } from './harness';

let sim: HttpSimulatorHandle;
let client: HttpClient;

beforeAll(async () => {
  sim = await startHttpSimulator();
  client = await connect(httpSimulator.configFor(sim));
});
afterAll(() => sim.stop());

const event = { type: 'shipment.status-changed', id: 'evt-1', subject: '020-12345675', partitionkey: '020-12345675', data: { status: 'DEP' } };

function signed(body: unknown, timestamp?: number): { rawBody: Buffer; headers: Record<string, string> } {
  const rawBody = Buffer.from(JSON.stringify(body));
  return { rawBody, headers: { 'X-Interline-Signature': signWebhookPayload(SIMULATOR_WEBHOOK_SECRET, rawBody, timestamp) } };
}

describe('webhook source', () => {
  it('emits a validly signed event and answers 202 with its id', async () => {
    const { response, emitted } = await callWebhook(client, signed(event));
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ accepted: ['evt-1'] });
    expect(emitted).toEqual([event]);
  });

  it('emits every event of a batch, deriving stable ids for events without one', async () => {
    const batch = [event, { type: 'shipment.booking-requested', data: { pieces: 2 } }];
    const first = await callWebhook(client, signed(batch));
    const again = await callWebhook(client, signed(batch));
    expect(first.response.status).toBe(202);
    expect(first.emitted.map((e) => e.type)).toEqual(['shipment.status-changed', 'shipment.booking-requested']);
    const ids = (first.response.body as { accepted: string[] }).accepted;
    expect(ids[0]).toBe('evt-1');
    expect(ids[1]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.emitted[1]?.id).toBe(ids[1]);
    // The sender retrying the same body gets the same ids, so the hub can recognise the duplicate.
    expect(again.response.body).toEqual(first.response.body);
  });

  it.each([
    ['a missing header', {}, 'signature-missing-header', 'header is missing'],
    ['a bad format', { 'x-interline-signature': 'sha256=abc' }, 'signature-bad-format', 't=<unix seconds>,v1=<64 hex digits>'],
    ['a mismatch', { 'x-interline-signature': signWebhookPayload('another-secret-of-16+', Buffer.from(JSON.stringify(event))) }, 'signature-mismatch', 'does not match'],
  ])('rejects %s with 401 and emits nothing', async (_what, headers, code, detail) => {
    const { response, emitted } = await callWebhook(client, { rawBody: Buffer.from(JSON.stringify(event)), headers });
    expect(response.status).toBe(401);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(response.body).toMatchObject({ status: 401, code, detail: expect.stringContaining(detail) });
    expect(emitted).toHaveLength(0);
  });

  it('rejects a stale timestamp (a replayed request) with 401 and emits nothing', async () => {
    const { response, emitted } = await callWebhook(client, signed(event, Math.floor(Date.now() / 1000) - 301));
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'signature-stale-timestamp', detail: expect.stringContaining('at most 300 s') });
    expect(emitted).toHaveLength(0);
  });

  it('rejects a body altered after signing', async () => {
    const { headers } = signed(event);
    const { response, emitted } = await callWebhook(client, { rawBody: Buffer.from(JSON.stringify({ ...event, data: { status: 'DLV' } })), headers });
    expect(response).toMatchObject({ status: 401, body: { code: 'signature-mismatch' } });
    expect(emitted).toHaveLength(0);
  });

  it('rejects malformed JSON with 400 naming the problem', async () => {
    const { response, emitted } = await callWebhook(client, signedRaw('{"type": "shipment.status-changed",'));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'malformed-json', detail: expect.stringContaining('the body is not valid JSON') });
    expect(emitted).toHaveLength(0);
  });

  it('rejects a body that is not a canonical event with 400 listing each problem, and emits none of a partly bad batch', async () => {
    const { response, emitted } = await callWebhook(client, signed([event, { type: 'NotAType', data: 1, extra: true }, { type: 'a.b' }]));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'invalid-event',
      issues: [
        '/1/extra is not a known field (allowed: type, data, id, subject, partitionkey)',
        '/1/type "NotAType" must be a dotted lower-case event type such as shipment.status-changed',
        '/2/data is required (use null for an event without data)',
      ],
    });
    expect(emitted).toHaveLength(0);
  });

  it('rejects duplicate ids and an empty batch', async () => {
    expect((await callWebhook(client, signed([event, event]))).response.body).toMatchObject({ issues: ['/1/id "evt-1" appears more than once in the batch'] });
    expect((await callWebhook(client, signed([]))).response.status).toBe(400);
  });

  it('answers 503 when the hub cannot take an event, so the sender retries', async () => {
    const source = httpConnector.sources?.webhook;
    if (source?.kind !== 'webhook') throw new Error('no webhook source');
    const response = await source.handle(
      client,
      { method: 'POST', path: '/webhooks/http/webhook', ...signed(event) },
      { logger: silentLogger(), state: { get: async () => undefined, set: async () => undefined }, emit: async () => Promise.reject(new Error('journal unavailable')) },
    );
    expect(response).toMatchObject({ status: 503, headers: { 'retry-after': '5' }, body: { code: 'ingress-unavailable' } });
  });

  it('accepts unsigned events when no webhookSecret is configured', async () => {
    const { webhookSecret: _secret, ...config } = httpSimulator.configFor(sim);
    const unsigned = await connect(config);
    const { response, emitted } = await callWebhook(unsigned, { rawBody: Buffer.from(JSON.stringify(event)) });
    expect(response.status).toBe(202);
    expect(emitted).toHaveLength(1);
  });
});

describe('signature scheme', () => {
  const body = Buffer.from('{"type":"a.b","data":null}');

  it('is HMAC-SHA256 over "<t>.<raw body>" in hex', () => {
    const expected = createHmac('sha256', 'secret-of-sixteen').update('1700000000.').update(body).digest('hex');
    expect(signWebhookPayload('secret-of-sixteen', body, 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('accepts any of several v1 signatures (secret rotation) and tolerates clock skew up to 300 s either way', () => {
    const header = `${signWebhookPayload('old-secret-0123456', body, 1700000000)},v1=${'0'.repeat(64)}`;
    const rotated = `t=1700000000,v1=${'0'.repeat(64)},${header.split(',')[1] ?? ''}`;
    expect(verifyWebhookSignature('old-secret-0123456', rotated, body, 1700000000 + 300)).toEqual({ ok: true, timestamp: 1700000000 });
    expect(verifyWebhookSignature('old-secret-0123456', rotated, body, 1700000000 - 300).ok).toBe(true);
    expect(verifyWebhookSignature('old-secret-0123456', rotated, body, 1700000000 - 301)).toMatchObject({ ok: false, problem: 'stale-timestamp' });
  });

  it('rejects two signature headers as a bad format', () => {
    const header = signWebhookPayload('old-secret-0123456', body);
    expect(verifyWebhookSignature('old-secret-0123456', [header, header], body)).toMatchObject({ ok: false, problem: 'bad-format' });
  });
});

function signedRaw(text: string): { rawBody: Buffer; headers: Record<string, string> } {
  const rawBody = Buffer.from(text);
  return { rawBody, headers: { 'x-interline-signature': signWebhookPayload(SIMULATOR_WEBHOOK_SECRET, rawBody) } };
}
