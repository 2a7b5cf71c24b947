// The simulator's own knobs, set through POST /__sim/config: where webhooks go and with which
// secret, response latency (to provoke concurrent use of a key), a rate limit, and the clock.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { SIMULATOR_WEBHOOK_SECRET } from './credentials';
import type { WebhookSettings } from './webhook-sender';

export const SettingsPatchSchema = Type.Object(
  {
    webhook: Type.Optional(
      Type.Object(
        {
          url: Type.Optional(Type.Union([Type.String({ pattern: '^https?://' }), Type.Null()])),
          secret: Type.Optional(Type.String({ pattern: '^whsec_[A-Za-z0-9_]+$' })),
          autoDeliver: Type.Optional(Type.Boolean()),
          maxAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
          retryBaseMs: Type.Optional(Type.Integer({ minimum: 1, maximum: 3_600_000 })),
        },
        { additionalProperties: false },
      ),
    ),
    /** Time every write spends "executing" while its idempotency key is held. */
    latencyMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 60_000 })),
    /** At most `limit` API requests per `windowMs`; the rest get 429. null removes the limit. */
    rateLimit: Type.Optional(Type.Union([Type.Object({ limit: Type.Integer({ minimum: 1 }), windowMs: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), Type.Null()])),
    /** How long a refund to pm_card_refundFail stays pending before it fails. */
    refundFailDelayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 600_000 })),
    /** Seconds added to the simulator's clock (object and event `created` times). */
    clockOffsetSeconds: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

export type SettingsPatch = Static<typeof SettingsPatchSchema>;

export interface SimulatorSettings {
  webhook: WebhookSettings;
  latencyMs: number;
  rateLimit: { limit: number; windowMs: number } | null;
  refundFailDelayMs: number;
}

export function defaultSettings(): SimulatorSettings {
  return {
    webhook: { url: null, secret: SIMULATOR_WEBHOOK_SECRET, autoDeliver: true, maxAttempts: 5, retryBaseMs: 200 },
    latencyMs: 0,
    rateLimit: null,
    refundFailDelayMs: 50,
  };
}

/** Sliding-window request counter behind the simulated 429s. */
export class RateLimiter {
  private stamps: number[] = [];

  /** True when the request may pass: fewer than `limit` requests passed in the last `windowMs`. */
  allow(rule: { limit: number; windowMs: number } | null, now = Date.now()): boolean {
    if (rule === null) return true;
    this.stamps = this.stamps.filter((stamp) => now - stamp < rule.windowMs);
    if (this.stamps.length >= rule.limit) return false;
    this.stamps.push(now);
    return true;
  }

  reset(): void {
    this.stamps = [];
  }
}
