// The portal connector's configuration: where the portal API listens and the service token the
// hub presents to its internal endpoints (a token with role admin; secret, redacted everywhere).
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

export const DEFAULT_PORTAL_TIMEOUT_MS = 10_000;

export const PortalConnectorConfigSchema = Type.Object(
  {
    baseUrl: Type.String({
      format: 'uri',
      pattern: '^https?://[^/?#@]+(/[^?#]*)?$',
      description: 'Base URL of the portal API (http://127.0.0.1:8081 in the embedded runtime).',
    }),
    token: Type.String({ minLength: 1, secret: true, description: 'Bearer token with role admin for /internal/v1 (interline token issue --role admin --tenant "*").' }),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000, description: 'Per-request time limit.' })),
  },
  { additionalProperties: false },
);

export type PortalConnectorConfig = Static<typeof PortalConnectorConfigSchema>;
