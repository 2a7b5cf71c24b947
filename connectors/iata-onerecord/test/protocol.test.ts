// Protocol details against the simulator: API version negotiation from server information, OIDC
// client-credentials tokens (cached, refreshed, re-fetched when revoked), api:Error bodies turned into
// typed errors, and no request leaving for a host other than the configured server.
import { AuthError, PermanentError, TransientError } from '@interline/hub';
import { chooseApiVersion, mediaType, parseMediaType } from '../src/protocol/media-type';
import { reset, startHarness } from './support/harness';
import type { Harness } from './support/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());
beforeEach(() => reset(harness));

const fault = (body: Record<string, unknown>) =>
  fetch(`${harness.simulator.baseUrl}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('version negotiation', () => {
  it('speaks the highest version both sides support, in Accept and Content-Type, never in the path', async () => {
    const client = harness.client();
    expect(await client.version()).toBe('2.2.0');
    await harness.settings({ apiVersions: ['2.2.0', '2.3.0'] });
    const newer = harness.client();
    expect(await newer.version()).toBe('2.3.0');
    const answer = await newer.call('GET', 'logistics-objects/data-holder');
    expect(parseMediaType(answer.headers.get('content-type'))).toEqual({ type: 'application/ld+json', version: '2.3.0' });
  });

  it('refuses a server with no version in common, naming both lists', async () => {
    await harness.settings({ apiVersions: ['1.2', '2.0.0'] });
    await expect(harness.client().version()).rejects.toThrow('the ONE Record server supports API versions 1.2, 2.0.0, and this connector speaks 2.3.0, 2.2.0; ask the partner to enable one of ours or pin apiVersion');
    const health = await harness.client().health();
    expect(health).toMatchObject({ status: 'down', detail: expect.stringMatching(/supports API versions 1.2, 2.0.0/) });
  });

  it('a pinned version the server does not speak is answered 406 with an api:Error, and is not retried', async () => {
    const error = await harness.client({ apiVersion: '2.3.0' }).call('GET', 'logistics-objects/data-holder').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect((error as Error).message).toMatch(/GET .*\/logistics-objects\/data-holder was rejected with HTTP 406: API version not supported — 406: this server speaks ONE Record API 2.1.0, 2.2.0, not 2.3.0/);
  });

  it('tolerates a server that answers without a version (NE:ONE)', async () => {
    await harness.settings({ neOneStyle: true });
    const answer = await harness.client().call('GET', 'logistics-objects/data-holder');
    expect(answer.headers.get('content-type')).toBe('application/ld+json');
    expect(mediaType('2.2.0')).toBe('application/ld+json; version=2.2.0');
    expect(() => chooseApiVersion([], '9.9.9')).toThrow(/apiVersion 9.9.9 is not one this connector speaks/);
  });
});

describe('OIDC client-credentials tokens', () => {
  it('fetches one token and reuses it until it nears expiry, then fetches another', async () => {
    await harness.settings({ tokenTtlSeconds: 2 });
    const client = harness.client({ oauth: { ...harness.config.oauth!, refreshMarginSeconds: 1 } });
    await client.call('GET', 'logistics-objects/data-holder');
    await client.call('GET', 'logistics-objects/data-holder');
    expect(client.tokens?.fetched).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await client.call('GET', 'logistics-objects/data-holder');
    expect(client.tokens?.fetched).toBe(2);
  });

  it('fetches a fresh token once when the server says the token is invalid, and carries on', async () => {
    const client = harness.client();
    await client.call('GET', 'logistics-objects/data-holder');
    await fetch(`${harness.simulator.baseUrl}/__sim/onerecord/revoke-tokens`, { method: 'POST' });
    const answer = await client.call('GET', 'logistics-objects/data-holder');
    expect(answer.status).toBe(200);
    expect(client.tokens?.fetched).toBe(2);
  });

  it('fetches a token for concurrent callers only once', async () => {
    const client = harness.client();
    await Promise.all([1, 2, 3, 4].map(() => client.call('GET', 'logistics-objects/data-holder')));
    expect(client.tokens?.fetched).toBe(1);
  });

  it('turns token endpoint trouble into the right error class', async () => {
    await fault({ kind: 'transient', operation: 'token', times: 1 });
    await expect(harness.client().call('GET', 'logistics-objects/data-holder')).rejects.toBeInstanceOf(TransientError);
    const wrong = await harness.client({ oauth: { ...harness.config.oauth!, clientId: 'stranger' } }).call('GET', '/').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(AuthError);
    expect((wrong as Error).message).toMatch(/refused \(invalid_client: unknown client or wrong secret\); check oauth.clientId, oauth.clientSecret and oauth.scope/);
  });

  it('an unauthenticated client is refused with 401 and a message that says what to configure', async () => {
    const { oauth: _oauth, ...withoutOauth } = harness.config;
    const error = await harness.client({ ...withoutOauth, oauth: undefined }).call('GET', 'logistics-objects/data-holder').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toMatch(/HTTP 401 \(Not authenticated — 401: send "Authorization: Bearer <token>".*\); check oauth.clientId \/ oauth.clientSecret/);
  });
});

describe('api:Error answers and failures', () => {
  it('reads api:Error titles and details into the error message, and classifies by status', async () => {
    const client = harness.client();
    const missing = await client.getLogisticsObject('logistics-objects/nope').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(PermanentError);
    expect((missing as Error).message).toMatch(/rejected with HTTP 404: Logistics object not found — 404: no logistics object .*\/logistics-objects\/nope \(resource .*\/logistics-objects\/nope\)/);
    await fault({ kind: 'transient', operation: 'get-logistics-object', times: 1, status: 503 });
    const busy = await client.getLogisticsObject('logistics-objects/data-holder').catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(TransientError);
    expect((busy as TransientError).retryAfterMs).toBe(0);
    expect((busy as Error).message).toMatch(/failed with HTTP 503 \(Service unavailable \(simulated\) — Service unavailable \(simulated\): injected by the simulator's fault plan\); will retry/);
    await fault({ kind: 'auth', operation: 'get-logistics-object', times: 1, status: 403 });
    await expect(client.getLogisticsObject('logistics-objects/data-holder')).rejects.toThrow(/HTTP 403 .*ask the partner to grant this organization access to the object \(ONE Record access is deny-by-default\)/);
  });

  it('a connection reset is a transient network failure', async () => {
    await fault({ kind: 'reset', operation: 'get-logistics-object', times: 1 });
    await expect(harness.client().getLogisticsObject('logistics-objects/data-holder')).rejects.toThrow(/could not reach the server .*; will retry/);
  });

  it('never sends a request to a URL off the configured server', async () => {
    const client = harness.client();
    for (const target of ['https://evil.example/logistics-objects/x', '//evil.example/x', `${harness.simulator.baseUrl.replace('127.0.0.1', 'localhost')}/logistics-objects/x`]) {
      await expect(client.call('GET', target)).rejects.toThrow(/is not on the configured ONE Record server/);
    }
    const inside = harness.client({ serverUrl: `${harness.simulator.baseUrl}/partner-a`, apiVersion: '2.2.0' });
    await expect(inside.call('GET', `${harness.simulator.baseUrl}/partner-b/logistics-objects/x`)).rejects.toThrow(/is not on the configured ONE Record server/);
  });
});
