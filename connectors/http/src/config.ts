// The http connector's configuration: where the remote API lives, how to authenticate, and the
// secret that inbound webhooks are signed with. Secret fields carry `secret: true` for redaction.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_DELIVER_PATH = '/events';
export const DEFAULT_HEALTH_PATH = '/health';

/** A path on the remote API, relative to baseUrl; a leading slash keeps it from naming another host. */
export const PathSchema = Type.String({ pattern: '^/', maxLength: 2000, description: 'Path relative to baseUrl, starting with "/" (may carry a query string).' });

export const HttpConfigSchema = Type.Object(
  {
    baseUrl: Type.String({
      format: 'uri',
      pattern: '^https?://[^/?#@]+(/[^?#]*)?$',
      description: 'Base URL of the remote API (http or https, no credentials or query string); operation paths are appended to it.',
      examples: ['https://partner.example.com/api/v1'],
    }),
    headers: Type.Optional(
      // Marked secret as a whole: the hub's redaction follows `properties`, not a record's values,
      // and header values often carry API keys.
      Type.Record(Type.String(), Type.String({ secret: true }), {
        secret: true,
        description: 'Extra headers sent with every request. Redacted as a whole wherever config is shown (they often carry API keys).',
      }),
    ),
    bearerToken: Type.Optional(Type.String({ minLength: 1, secret: true, description: 'Sent as "Authorization: Bearer <token>".' })),
    basic: Type.Optional(
      Type.Object(
        {
          username: Type.String({ minLength: 1 }),
          password: Type.String({ secret: true }),
        },
        { additionalProperties: false, description: 'HTTP Basic credentials; use either this or bearerToken.' },
      ),
    ),
    timeoutMs: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 600_000, default: DEFAULT_TIMEOUT_MS, description: 'Per-request time limit, response body included.' }),
    ),
    deliverPath: Type.Optional(
      Type.String({ pattern: '^/', maxLength: 2000, default: DEFAULT_DELIVER_PATH, description: 'Where the deliver operation POSTs the current value.' }),
    ),
    healthPath: Type.Optional(Type.String({ pattern: '^/', maxLength: 2000, default: DEFAULT_HEALTH_PATH, description: 'Path the health check GETs.' })),
    webhookSecret: Type.Optional(
      Type.String({
        minLength: 16,
        secret: true,
        description: 'Shared secret that verifies X-Interline-Signature on inbound webhooks; without it webhooks are accepted unsigned.',
      }),
    ),
  },
  { additionalProperties: false },
);

export type HttpConfig = Static<typeof HttpConfigSchema>;
