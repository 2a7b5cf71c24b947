// The connector's configuration: the partner's ONE Record server, how to get tokens for it, the token
// partners must present on notifications, and where Interline's own ONE Record endpoints live.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { SUPPORTED_API_VERSIONS } from './vocabulary';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CHANGE_POLL_MS = 250;
export const DEFAULT_CHANGE_TIMEOUT_MS = 10_000;

const httpUrl = (description: string) =>
  Type.String({ format: 'uri', pattern: '^https?://[^/?#@]+(/[^?#]*)?$', description: `${description} (http or https, no credentials or query string).` });

export const OneRecordConfigSchema = Type.Object(
  {
    serverUrl: httpUrl('Root of the partner ONE Record server; logistics-object URIs live under <serverUrl>/logistics-objects/'),
    apiVersion: Type.Optional(
      Type.Union(
        SUPPORTED_API_VERSIONS.map((version) => Type.Literal(version)),
        { description: 'Pin the API version; by default the highest version both sides list in server information is used.' },
      ),
    ),
    oauth: Type.Optional(
      Type.Object(
        {
          endpoint: httpUrl('OAuth 2.0 token endpoint of the partner identity provider (client-credentials grant)'),
          clientId: Type.String({ minLength: 1, description: 'Client id registered with the identity provider.' }),
          clientSecret: Type.String({ minLength: 1, secret: true, description: 'Client secret; redacted wherever config is shown.' }),
          scope: Type.Optional(Type.String({ minLength: 1, description: 'Scope to request, when the provider needs one.' })),
          clientAuth: Type.Optional(Type.Union([Type.Literal('basic'), Type.Literal('post')], { description: 'How the client authenticates: HTTP Basic (default) or form fields.' })),
          refreshMarginSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600, description: 'Renew tokens this long before they expire (default 30).' })),
        },
        { additionalProperties: false, description: 'OpenID Connect client credentials; without it requests go unauthenticated (development servers).' },
      ),
    ),
    notifications: Type.Optional(
      Type.Object(
        {
          bearerToken: Type.String({ minLength: 16, secret: true, description: 'Token partners must send as "Authorization: Bearer <token>" on POST /notifications.' }),
        },
        { additionalProperties: false, description: 'Inbound notifications (the notifications webhook source).' },
      ),
    ),
    subscriber: Type.Optional(
      Type.Object(
        {
          serverUrl: httpUrl('Public root of Interline\'s ONE Record endpoints for this instance: the hub ops URL + /webhooks/<instance>'),
          organizationId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$', description: 'Local id of Interline\'s organization under <serverUrl>/logistics-objects/ (default: interline).' })),
        },
        { additionalProperties: false, description: 'Who Interline is as a subscriber: needed to subscribe and to answer subscription proposals.' },
      ),
    ),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 1, maximum: 600_000, default: DEFAULT_TIMEOUT_MS, description: 'Per-request time limit.' })),
    changeRequestPollMs: Type.Optional(Type.Integer({ minimum: 10, maximum: 60_000, default: DEFAULT_CHANGE_POLL_MS, description: 'How often a pending change request is polled.' })),
    changeRequestTimeoutMs: Type.Optional(
      Type.Integer({ minimum: 100, maximum: 600_000, default: DEFAULT_CHANGE_TIMEOUT_MS, description: 'How long to follow a pending change request before the step is retried later.' }),
    ),
  },
  { additionalProperties: false },
);

export type OneRecordConfig = Static<typeof OneRecordConfigSchema>;
