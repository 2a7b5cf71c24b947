// /webhooks/<connector>/<source> over real HTTP: POST reaches a webhook source by default, GET only
// a source that lists it (ONE Record publishers GET /subscriptions), anything else is a clear 405/404.
import { Type } from '@sinclair/typebox';
import { defineConnector } from '../../src';
import { startTestHub } from '../support/test-hub';
import type { TestHub } from '../support/test-hub';

const seen: Array<{ source: string; method: string; path: string; body: string }> = [];

const hooks = defineConnector({
  id: 'hooks',
  version: '1.0.0',
  summary: 'webhook sources for the routing test',
  config: Type.Object({}, { additionalProperties: false }),
  connect: () => ({}),
  health: async () => ({ status: 'up' as const }),
  operations: {},
  sources: {
    posted: {
      kind: 'webhook',
      summary: 'POST only (the default)',
      async handle(_client, request) {
        seen.push({ source: 'posted', method: request.method, path: request.path, body: request.rawBody.toString() });
        return { status: 202, body: { ok: true } };
      },
    },
    asked: {
      kind: 'webhook',
      summary: 'answers GET',
      methods: ['GET'],
      async handle(_client, request) {
        seen.push({ source: 'asked', method: request.method, path: request.path, body: '' });
        return { status: 200, headers: { 'content-type': 'application/ld+json' }, body: { topic: new URL(request.path, 'http://x').searchParams.get('topic') } };
      },
    },
  },
});

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ routes: 'routes:\n  - id: none\n    from: { type: test.ping }\n    steps: [ validate ]\n', connectors: { hooks } as never });
});
afterAll(() => hub.stop());

describe('webhook routes', () => {
  it('hands a POST with its exact bytes to a source that takes POST', async () => {
    const response = await fetch(`${hub.url}/webhooks/hooks/posted`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"b": 1 }' });
    expect(response.status).toBe(202);
    expect(seen.at(-1)).toEqual({ source: 'posted', method: 'POST', path: '/webhooks/hooks/posted', body: '{"b": 1 }' });
  });

  it('hands a GET with its query to a source that lists GET', async () => {
    const response = await fetch(`${hub.url}/webhooks/hooks/asked?topicType=LOGISTICS_OBJECT_TYPE&topic=Shipment`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/ld+json');
    expect(await response.json()).toEqual({ topic: 'Shipment' });
  });

  it('answers 405 with Allow for a method the source does not take, calling nothing', async () => {
    const before = seen.length;
    const get = await fetch(`${hub.url}/webhooks/hooks/posted`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await get.json()) as { detail: string }).toMatchObject({ detail: "webhook source 'hooks/posted' takes POST, not GET" });
    const post = await fetch(`${hub.url}/webhooks/hooks/asked`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect(seen.length).toBe(before);
  });

  it('answers 404 naming the source for an unknown source or connector', async () => {
    const response = await fetch(`${hub.url}/webhooks/hooks/nowhere`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { detail: string }).detail).toBe("no webhook source 'nowhere' on connector 'hooks'");
  });
});
