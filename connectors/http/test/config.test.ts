// The config schema: validation that names the field, secrets marked, and connect-time checks.
import { ConfigError, check, redactConfig, secretPaths, unmarkedSecretLookingFields } from '@interline/hub';
import type { TSchema } from '@sinclair/typebox';
import { HttpConfigSchema, httpConnector } from '../src';
import defaultExport from '../src';
import { connect } from './harness';

describe('config', () => {
  it('exports the definition as default and named export, with id and version', () => {
    expect(defaultExport).toBe(httpConnector);
    expect(httpConnector).toMatchObject({ id: 'http', version: '1.0.0' });
    expect(Object.keys(httpConnector.operations).sort()).toEqual(['deliver', 'get']);
    expect(httpConnector.sources?.webhook?.kind).toBe('webhook');
  });

  it('accepts a full config', () => {
    const result = check(HttpConfigSchema, {
      baseUrl: 'https://partner.example.com/api/v1',
      headers: { 'x-api-version': '2' },
      bearerToken: 'token',
      timeoutMs: 5000,
      deliverPath: '/bookings',
      healthPath: '/status',
      webhookSecret: 'a-secret-of-sixteen-chars',
    });
    expect(result.ok).toBe(true);
  });

  it.each(['not a url', 'ftp://partner.example.com', 'https://partner.example.com/api?key=1', 'https://user:pw@partner.example.com', '/relative/path'])('rejects baseUrl %p, naming the field', (baseUrl) => {
    const result = check(HttpConfigSchema, { baseUrl });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toContain('/baseUrl');
  });

  it('rejects unknown fields, a missing baseUrl and a short webhookSecret', () => {
    const result = check(HttpConfigSchema, { url: 'https://x.example', webhookSecret: 'short' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path).sort()).toEqual(['/baseUrl', '/url', '/webhookSecret']);
  });

  it('marks the secret fields secret: true', () => {
    const { properties } = HttpConfigSchema;
    expect(properties.bearerToken.secret).toBe(true);
    expect(properties.basic.properties.password.secret).toBe(true);
    expect(properties.webhookSecret.secret).toBe(true);
    expect(properties.headers.secret).toBe(true);
    expect(Object.values(properties.headers.patternProperties as Record<string, TSchema>)[0]?.secret).toBe(true);
    expect(properties.basic.properties.username.secret).toBeUndefined();
  });

  it('is seen by the hub as having exactly these secrets, none left unmarked, all redacted', () => {
    expect(secretPaths(HttpConfigSchema).sort()).toEqual(['basic.password', 'bearerToken', 'headers', 'webhookSecret']);
    expect(unmarkedSecretLookingFields(HttpConfigSchema)).toEqual([]);
    const shown = redactConfig(HttpConfigSchema, {
      baseUrl: 'https://partner.example.com',
      headers: { 'x-api-key': 'header-secret' },
      basic: { username: 'me', password: 'basic-secret' },
      webhookSecret: 'webhook-secret-0123456',
    });
    expect(JSON.stringify(shown)).not.toMatch(/header-secret|basic-secret|webhook-secret/);
    expect(shown).toMatchObject({ baseUrl: 'https://partner.example.com', basic: { username: 'me' } });
  });

  it('refuses bearerToken and basic together at connect', async () => {
    const error = await connect({ baseUrl: 'http://127.0.0.1:1', bearerToken: 't', basic: { username: 'u', password: 'p' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('keep one of them');
  });

  it('refuses a header that HTTP cannot carry at connect, without echoing its value', async () => {
    const error = await connect({ baseUrl: 'http://127.0.0.1:1', headers: { 'x-api-key': 'line\nbreak-secret' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('headers["x-api-key"]');
    expect((error as Error).message).not.toContain('break-secret');
  });

  it('keeps secrets out of the client object (nothing to leak if it is logged)', async () => {
    const client = await connect({ baseUrl: 'http://127.0.0.1:1', bearerToken: 'very-secret-token', webhookSecret: 'very-secret-webhook-key', headers: { 'x-api-key': 'very-secret-key' } });
    expect(JSON.stringify(client)).not.toMatch(/very-secret/);
  });
});
