// The GDS connector's configuration: where the Amadeus-style SOAP endpoint is, the WS-Security
// credentials (password is secret), the office, queue polling, and where PAXLST files go.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_POLL_INTERVAL_MS = 1_000;
export const DEFAULT_QUEUE_NUMBER = 50;
export const DEFAULT_AUTHORITY_PARTNER = 'api-authority';
export const DEFAULT_MAX_PASSENGERS_PER_MESSAGE = 500;

export const GdsConfigSchema = Type.Object(
  {
    endpoint: Type.String({
      pattern: '^https?://[^\\s?#]+$',
      description: 'URL the SOAP requests are posted to (the WSAP endpoint, or the simulator on loopback); also sent as WS-Addressing To.',
    }),
    username: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$', description: 'WS-Security UsernameToken user (the WSAP user id).' }),
    password: Type.String({ minLength: 4, maxLength: 128, secret: true, description: 'WS-Security password; only its PasswordDigest travels.' }),
    officeId: Type.String({ pattern: '^[A-Z0-9]{9}$', description: 'Office id (pseudo city) the session signs in to, e.g. FRALH28AA; sent in AMA_SecurityHostedUser.' }),
    pollIntervalMs: Type.Optional(
      Type.Integer({ minimum: 200, maximum: 3_600_000, default: DEFAULT_POLL_INTERVAL_MS, description: 'How often the queue source reads the queue for new and changed PNRs.' }),
    ),
    queueNumber: Type.Optional(Type.Integer({ minimum: 0, maximum: 99, default: DEFAULT_QUEUE_NUMBER, description: 'Queue the queue source polls (category 0).' })),
    authorityOutboxDir: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Root of the partner file exchange for PAXLST; files go to <authorityOutboxDir>/<authorityPartner>/outbox. Default: <INTERLINE_DATA_DIR or .interline>/files.',
      }),
    ),
    authorityPartner: Type.Optional(
      Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', default: DEFAULT_AUTHORITY_PARTNER, description: 'The authority\'s folder under authorityOutboxDir.' }),
    ),
    paxlst: Type.Optional(
      Type.Object(
        {
          sender: Type.Optional(Type.String({ pattern: "^[^'+:?*]{1,35}$", description: 'UNB sender id (the carrier\'s API mailbox).' })),
          recipient: Type.Optional(Type.String({ pattern: "^[^'+:?*]{1,35}$", description: 'UNB recipient id (the authority).' })),
          maxPassengersPerMessage: Type.Optional(
            Type.Integer({ minimum: 1, maximum: 99_999, default: DEFAULT_MAX_PASSENGERS_PER_MESSAGE, description: 'A longer list is split into a multi-part PAXLST (UNH S010 01:C … nn:F).' }),
          ),
        },
        { additionalProperties: false, description: 'PAXLST interchange settings.' },
      ),
    ),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000, default: DEFAULT_TIMEOUT_MS, description: 'Time limit of one SOAP request.' })),
  },
  { additionalProperties: false },
);

export type GdsConfig = Static<typeof GdsConfigSchema>;
