// The per-client token bucket on the hub's shared cache (an atomic Lua script on Redis), so several
// portal processes enforce one limit per client. When the store cannot be reached the request is let
// through (and the failure logged, at most every 10 s): an unreachable cache must not take the API
// down with it, and /readyz reports the cache.
import type { Cache as HubCache, Logger } from '@interline/hub';
import type { RateLimitDecision, RateLimiter, TokenBucketOptions } from './rate-limit';

const WARN_EVERY_MS = 10_000;

export class SharedRateLimiter implements RateLimiter {
  private lastWarning = 0;

  constructor(
    private readonly shared: HubCache,
    private readonly options: TokenBucketOptions,
    private readonly logger?: Logger,
  ) {}

  async take(key: string, cost = 1): Promise<RateLimitDecision> {
    const { capacity, refillPerSecond } = this.options;
    try {
      const decision = await this.shared.take(`portal:rate:${key}`, { capacity, refillPerSecond }, cost);
      return { allowed: decision.allowed, limit: capacity, remaining: decision.remaining, retryAfterMs: decision.retryAfterMs };
    } catch (error) {
      if (Date.now() - this.lastWarning > WARN_EVERY_MS) {
        this.lastWarning = Date.now();
        this.logger?.warn({ err: error }, `rate limiter: the ${this.shared.kind} cache failed; requests are let through unlimited until it answers again`);
      }
      return { allowed: true, limit: capacity, remaining: capacity, retryAfterMs: 0 };
    }
  }
}
