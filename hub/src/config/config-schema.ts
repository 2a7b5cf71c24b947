// The shape of interline.yaml; every key can also come from the environment (see load-config.ts).
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

export const ConnectorEntrySchema = Type.Object(
  {
    use: Type.Optional(Type.String({ description: 'connector package or built-in id; defaults to the entry name' })),
    simulator: Type.Optional(Type.Boolean({ description: 'start the connector simulator on loopback and point the connector at it' })),
    config: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    rateLimit: Type.Optional(
      Type.Object(
        {
          perSecond: Type.Number({ exclusiveMinimum: 0, description: 'calls per second the partner allows (0.5 = one every two seconds)' }),
          burst: Type.Optional(Type.Integer({ minimum: 1, description: 'calls allowed at once after a quiet spell (default: perSecond rounded up)' })),
        },
        { additionalProperties: false, description: "the partner's rate limit; on Redis it is shared by every worker" },
      ),
    ),
    circuit: Type.Optional(
      Type.Object(
        {
          failureThreshold: Type.Optional(Type.Integer({ minimum: 1, description: 'failures in a row that open the circuit while the window holds fewer than minimumCalls (default 5)' })),
          cooldownMs: Type.Optional(Type.Integer({ minimum: 100, description: 'how long the circuit stays open before a trial call (default 5000)' })),
          failureRatio: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1, description: 'share of failed calls in the window that opens the circuit (default 0.5)' })),
          minimumCalls: Type.Optional(Type.Integer({ minimum: 1, description: 'calls the window needs before the ratio applies (default 20)' })),
          windowMs: Type.Optional(Type.Integer({ minimum: 100, description: 'the rolling window for the ratio (default 10000)' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ConfigSchema = Type.Object(
  {
    runtime: Type.Optional(
      Type.Object(
        {
          dataDir: Type.Optional(Type.String({ description: 'where the embedded journal and local keys live' })),
          transport: Type.Optional(Type.String({ description: 'memory | amqp://… | kafka://…' })),
          journal: Type.Optional(Type.String({ description: 'pglite | postgres://…' })),
          cache: Type.Optional(Type.String({ description: 'memory | redis://…' })),
          role: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('api'), Type.Literal('worker')])),
          sweepIntervalMs: Type.Optional(Type.Integer({ minimum: 100, description: 'durable transports: how often to look for deliveries whose job was lost' })),
          staleDeliveryMs: Type.Optional(Type.Integer({ minimum: 100, description: 'durable transports: an unclaimed unfinished delivery untouched this long is republished' })),
        },
        { additionalProperties: false },
      ),
    ),
    server: Type.Optional(
      Type.Object(
        {
          host: Type.Optional(Type.String()),
          port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
          bodyLimitBytes: Type.Optional(Type.Integer({ minimum: 1024 })),
        },
        { additionalProperties: false },
      ),
    ),
    auth: Type.Optional(
      Type.Object(
        {
          jwksUrl: Type.Optional(Type.String({ format: 'uri' })),
          issuer: Type.Optional(Type.String()),
          audience: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    files: Type.Optional(
      Type.Object(
        {
          root: Type.Optional(Type.String({ description: 'root of the partner file exchange: <root>/<partner>/inbox|outbox|archive (default <dataDir>/exchange)' })),
          pollIntervalMs: Type.Optional(Type.Integer({ minimum: 50, description: 'how often inboxes are scanned (default 1000)' })),
          settleMs: Type.Optional(Type.Integer({ minimum: 0, description: 'how long a file written in place must stand still before it is taken (default 2000)' })),
          partners: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  name: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'the partner folder under root' }),
                  connector: Type.String({ description: 'the connector instance whose file source receives its files' }),
                  source: Type.Optional(Type.String({ description: 'which file source, when the connector has several' })),
                  root: Type.Optional(Type.String({ description: 'another exchange root for this partner' })),
                },
                { additionalProperties: false },
              ),
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    portal: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'options for the portal API that `interline start` runs beside the hub (checked by the portal: schedules.ratePerKg, schedules.capacityByAircraftType)' }),
    ),
    routes: Type.Optional(Type.String({ description: 'folder of route files' })),
    mappings: Type.Optional(Type.String({ description: 'the mappings workspace folder' })),
    logLevel: Type.Optional(Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)))),
    connectors: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z][a-z0-9-]*$' }), ConnectorEntrySchema)),
  },
  { additionalProperties: false },
);

export type ConfigFile = Static<typeof ConfigSchema>;

/** The configuration after defaults, environment and path resolution. */
export interface HubConfig {
  file: string | null;
  baseDir: string;
  dataDir: string;
  transport: string;
  journal: string;
  cache: string;
  role: 'all' | 'api' | 'worker';
  sweep: { intervalMs: number; staleAfterMs: number };
  server: { host: string; port: number; bodyLimitBytes: number };
  auth: { jwksUrl?: string; issuer?: string; audience?: string };
  routesDir: string;
  mappingsDir: string;
  /** The partner file exchange; partners default to one per connector instance with a file source. */
  files: {
    root: string;
    pollIntervalMs: number;
    settleMs: number;
    partners?: Array<{ name: string; connector: string; source?: string; root?: string }>;
  };
  logLevel: string;
  connectors: NonNullable<ConfigFile['connectors']>;
  /** The `portal:` section as written; the portal checks it. */
  portal: Record<string, unknown>;
}
