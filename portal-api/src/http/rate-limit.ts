// Rate limiting per client behind an interface: a token bucket in memory now; a shared store
// (Redis) can implement the same interface when several API processes serve one client.

export interface RateLimitDecision {
  allowed: boolean;
  /** Bucket size: the burst a client may send. */
  limit: number;
  /** Tokens left after this request. */
  remaining: number;
  /** When refused: how long until one token is back. */
  retryAfterMs: number;
}

export interface RateLimiter {
  take(key: string, cost?: number): Promise<RateLimitDecision>;
}

export interface TokenBucketOptions {
  /** Burst size. */
  capacity: number;
  /** Sustained requests per second. */
  refillPerSecond: number;
  /** Buckets kept at most; the least recently used go first (a full bucket is no loss). */
  maxClients?: number;
}

export const DEFAULT_RATE_LIMIT: TokenBucketOptions = { capacity: 200, refillPerSecond: 100 };

export class TokenBucketRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly maxClients: number;

  constructor(
    private readonly options: TokenBucketOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.maxClients = options.maxClients ?? 100_000;
  }

  async take(key: string, cost = 1): Promise<RateLimitDecision> {
    const now = this.now();
    const { capacity, refillPerSecond } = this.options;
    const previous = this.buckets.get(key);
    let tokens = capacity;
    if (previous) {
      tokens = Math.min(capacity, previous.tokens + ((now - previous.at) / 1000) * refillPerSecond);
      this.buckets.delete(key);
    } else if (this.buckets.size >= this.maxClients) {
      this.buckets.delete(this.buckets.keys().next().value as string);
    }
    const allowed = tokens >= cost;
    if (allowed) tokens -= cost;
    // Re-inserted so Map order is least-recently-used first.
    this.buckets.set(key, { tokens, at: now });
    return {
      allowed,
      limit: capacity,
      remaining: Math.floor(tokens),
      retryAfterMs: allowed ? 0 : Math.ceil(((cost - tokens) / refillPerSecond) * 1000),
    };
  }
}
