// What the hub needs from a shared cache: a read cache with TTL, a token-bucket rate limiter
// (portal clients, partner rate limits) and a lock (one poller per cluster). Memory for the
// embedded runtime, Redis when several processes run.

export interface RateDecision {
  allowed: boolean;
  /** When not allowed: how long until enough tokens are back. */
  retryAfterMs: number;
  remaining: number;
}

export interface BucketSpec {
  capacity: number;
  refillPerSecond: number;
}

export interface Lock {
  readonly name: string;
  /** Keep the lock for another ttl; false when it was lost (expired and taken by another holder). */
  extend(ttlMs: number): Promise<boolean>;
  release(): Promise<void>;
}

export interface Cache {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Take tokens from a bucket; refills continuously up to its capacity. */
  take(bucket: string, spec: BucketSpec, tokens?: number): Promise<RateDecision>;
  /** Try to take a lock for ttl; undefined when someone else holds it. */
  acquireLock(name: string, ttlMs: number): Promise<Lock | undefined>;
  close(): Promise<void>;
}
