// The Odoo connector's configuration: where Odoo is, which database, who logs in with which API key
// (secret), which protocol, and how the change poller behaves.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const POLLED_MODELS = ['res.partner', 'sale.order', 'account.move'] as const;
export type PolledModel = (typeof POLLED_MODELS)[number];

export const PollConfigSchema = Type.Object(
  {
    intervalSeconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 86_400, default: 60, description: 'How often the change poller asks Odoo for changes.' })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200, description: 'Records per search_read page.' })),
    overlapSeconds: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 3600,
        default: 30,
        description: 'Each poll re-reads this many seconds before the cursor: Odoo stamps write_date at transaction start and in whole seconds, so a slow commit can land behind it. Re-read events have the same id and are dropped by the hub.',
      }),
    ),
    since: Type.Optional(
      Type.String({
        pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$',
        description: 'UTC "YYYY-MM-DD HH:MM:SS" to start from when there is no cursor yet; without it the first poll starts at the time it runs (no back-fill).',
      }),
    ),
    models: Type.Optional(
      Type.Array(Type.Union(POLLED_MODELS.map((model) => Type.Literal(model))), {
        uniqueItems: true,
        default: [...POLLED_MODELS],
        description: 'Which models to watch: res.partner → party.updated, sale.order → order.updated, account.move → invoice.paid. Empty turns polling off.',
      }),
    ),
  },
  { additionalProperties: false, description: 'The change poller (source "changes").' },
);

export const OdooConfigSchema = Type.Object(
  {
    url: Type.String({
      format: 'uri',
      pattern: '^https?://[^/?#@]+(/[^?#]*)?$',
      description: 'Base URL of the Odoo server (http or https, no credentials or query string), e.g. https://erp.example.com.',
    }),
    database: Type.String({ minLength: 1, maxLength: 63, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$', description: 'The Odoo database name.' }),
    login: Type.String({ minLength: 1, maxLength: 254, description: 'Login of the integration user that owns the API key (its writes are recognised and not echoed back).' }),
    apiKey: Type.String({ minLength: 8, secret: true, description: 'API key of that user (Odoo: Preferences → Account Security → New API Key). Never a password.' }),
    protocol: Type.Optional(
      Type.Union([Type.Literal('auto'), Type.Literal('xmlrpc'), Type.Literal('json2')], {
        default: 'auto',
        description: 'auto asks the server its version: JSON-2 from Odoo 19, XML-RPC before.',
      }),
    ),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 600_000, default: DEFAULT_TIMEOUT_MS, description: 'Time limit for one call to Odoo, answer included.' })),
    poll: Type.Optional(PollConfigSchema),
  },
  { additionalProperties: false },
);

export type OdooConfig = Static<typeof OdooConfigSchema>;
export type OdooPollConfig = Static<typeof PollConfigSchema>;
