// Slice 1: the app skeleton — health, readiness, metrics, problem+json, authentication, rate limit,
// the OpenAPI document and the docs page.
import { randomBytes } from 'node:crypto';
import { signLocalToken } from '@interline/hub';
import { startPortalApi } from '../src';
import { startHarness } from './support/harness';
import type { Harness } from './support/harness';
import { client, validateResponsesAfterAll } from './support/http';

let h: Harness;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  h = await startHarness();
  api = client(h.url);
}, 60_000);
validateResponsesAfterAll(() => h.url);
afterAll(async () => {
  await h?.stop();
});

describe('operations endpoints', () => {
  it('answers /healthz, /readyz and /metrics without a token', async () => {
    expect((await api.get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await api.get<{ status: string; checks: Record<string, string> }>('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { journal: 'ok', transport: 'ok', cache: 'ok' } });
    const metrics = await api.get('/metrics');
    expect(metrics.contentType).toMatch(/text\/plain/);
    expect(metrics.text).toContain('portal_http_requests_total');
  });
});

describe('problem+json', () => {
  it('answers an unknown path with a 404 problem', async () => {
    const response = await api.get<{ status: number; detail: string }>('/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, title: 'Not Found', instance: '/v1/nothing-here' });
  });
});

describe('authentication', () => {
  it('refuses a request without a token with 401 and WWW-Authenticate', async () => {
    const response = await api.get<{ detail: string }>('/v1/me');
    expect(response.status).toBe(401);
    expect(response.contentType).toMatch(/problem\+json/);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.body.detail).toMatch(/missing bearer token/);
  });

  it('refuses expired and forged tokens with 401', async () => {
    const expired = await h.token('customer', 'acme', { ttlSeconds: -60 });
    const forged = await signLocalToken(randomBytes(32), { role: 'admin', subject: 'mallory', tenant: '*' });
    for (const [token, reason] of [
      [expired, /expired/],
      [forged, /signature/],
      ['not-a-jwt', /not a valid JWT/],
    ] as const) {
      const response = await api.get<{ detail: string }>('/v1/me', { token });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('invalid_token');
      expect(response.body.detail).toMatch(reason);
    }
  });

  it('accepts a valid token and reports the principal', async () => {
    const token = await h.token('customer', 'acme', { subject: 'alice' });
    const response = await api.get('/v1/me', { token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ subject: 'alice', roles: ['customer'], tenant: 'acme' });
  });
});

describe('rate limit', () => {
  it('refuses a client over its bucket with 429 and Retry-After, per client', async () => {
    const limited = await startPortalApi({ running: h.hub, port: 0, rateLimit: { capacity: 3, refillPerSecond: 0.01 } });
    try {
      const limitedApi = client(limited.url);
      const alice = await h.token('customer', 'acme', { subject: 'alice' });
      const bob = await h.token('customer', 'acme', { subject: 'bob' });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await limitedApi.get('/v1/me', { token: alice })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await limitedApi.get<{ detail: string }>('/v1/me', { token: alice });
      expect(refused.contentType).toMatch(/problem\+json/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await limitedApi.get('/v1/me', { token: bob })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});

describe('OpenAPI and docs', () => {
  it('serves an OpenAPI 3.1 document built from the canonical schemas', async () => {
    const doc = await api.get<{ openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> } }>('/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/metrics', '/v1/me']));
    expect(Object.keys(doc.body.components.schemas)).toEqual(expect.arrayContaining(['Party', 'Shipment', 'CargoBooking', 'Problem', 'Money']));
    expect(doc.body.components.securitySchemes).toHaveProperty('bearerAuth');
    expect(JSON.stringify(doc.body)).not.toContain('"$id"');
  });

  it('serves Swagger UI from the local package', async () => {
    const page = await api.get('/docs');
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/text\/html/);
    expect(page.text).toContain('/docs/swagger-ui-bundle.js');
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui.css', 'swagger-initializer.js']) {
      const response = await api.get(`/docs/${asset}`);
      expect(response.status).toBe(200);
      expect(response.text.length).toBeGreaterThan(100);
    }
    expect((await api.get('/docs/secrets.txt')).status).toBe(404);
  });
});
