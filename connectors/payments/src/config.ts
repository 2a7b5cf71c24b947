// The payments connector's configuration: the Stripe secret key, where the API lives (Stripe or the
// simulator), and how inbound webhooks are verified. Secret fields carry `secret: true` for redaction.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

/**
 * The Stripe API version every request pins (Stripe-Version). It is the version the installed
 * `stripe` package's types describe, so responses and types agree; upgrading it is a deliberate
 * change together with the package (see README, "API version").
 */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const;

export const DEFAULT_API_BASE = 'https://api.stripe.com';
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;
export const DEFAULT_RATE_LIMIT_BACKOFF_MS = 1_000;
export const DEFAULT_WEBHOOK_MEMORY = 1_000;

export const PaymentsConfigSchema = Type.Object(
  {
    secretKey: Type.String({
      pattern: '^(sk|rk)_(test|live)_[A-Za-z0-9_]{8,}$',
      secret: true,
      description: 'Stripe secret key (sk_live_…, sk_test_…) or restricted key (rk_…) with PaymentIntents and Refunds write access.',
    }),
    apiBase: Type.Optional(
      Type.String({
        pattern: '^https?://[^/?#@]+/?$',
        default: DEFAULT_API_BASE,
        description: 'Origin of the Stripe API: https://api.stripe.com, or the simulator on loopback. No path: /v1/… is appended by the stripe package.',
      }),
    ),
    webhookSecret: Type.Optional(
      Type.String({
        pattern: '^whsec_[A-Za-z0-9_]{8,}$',
        secret: true,
        description: 'Signing secret of the webhook endpoint (whsec_…); without it the webhook source refuses every delivery.',
      }),
    ),
    webhookToleranceSeconds: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 3600,
        default: DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
        description: 'How old a Stripe-Signature timestamp may be before the delivery is refused as a possible replay.',
      }),
    ),
    webhookMemory: Type.Optional(
      Type.Integer({
        minimum: 10,
        maximum: 100_000,
        default: DEFAULT_WEBHOOK_MEMORY,
        description: 'How many recent event ids (for de-duplication) and objects (for ordering) the webhook source remembers.',
      }),
    ),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000, default: DEFAULT_TIMEOUT_MS, description: 'Time limit of one Stripe API request.' })),
    rateLimitBackoffMs: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 600_000,
        default: DEFAULT_RATE_LIMIT_BACKOFF_MS,
        description: 'Base of the back-off after a 429: base × 2^(attempt-1), capped at 60 s, handed to the hub as retryAfterMs.',
      }),
    ),
  },
  { additionalProperties: false },
);

export type PaymentsConfig = Static<typeof PaymentsConfigSchema>;
