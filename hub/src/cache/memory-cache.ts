// The embedded runtime's cache: one process, so maps and timestamps are enough.
import { randomUUID } from 'node:crypto';
import type { BucketSpec, Cache, Lock, RateDecision } from './cache';

export class MemoryCache implements Cache {
  readonly kind = 'memory' as const;
  private readonly values = new Map<string, { value: string; expiresAt: number }>();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly locks = new Map<string, { token: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<string | undefined> {
    const entry = this.values.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.values.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.values.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  async take(bucket: string, spec: BucketSpec, tokens = 1): Promise<RateDecision> {
    const now = this.now();
    const state = this.buckets.get(bucket) ?? { tokens: spec.capacity, at: now };
    const refilled = Math.min(spec.capacity, state.tokens + ((now - state.at) / 1000) * spec.refillPerSecond);
    if (refilled >= tokens) {
      this.buckets.set(bucket, { tokens: refilled - tokens, at: now });
      return { allowed: true, retryAfterMs: 0, remaining: Math.floor(refilled - tokens) };
    }
    this.buckets.set(bucket, { tokens: refilled, at: now });
    return { allowed: false, retryAfterMs: Math.ceil(((tokens - refilled) / spec.refillPerSecond) * 1000), remaining: Math.floor(refilled) };
  }

  async acquireLock(name: string, ttlMs: number): Promise<Lock | undefined> {
    const held = this.locks.get(name);
    if (held && held.expiresAt > this.now()) return undefined;
    const token = randomUUID();
    this.locks.set(name, { token, expiresAt: this.now() + ttlMs });
    return {
      name,
      extend: async (ms) => {
        const current = this.locks.get(name);
        if (current?.token !== token || current.expiresAt <= this.now()) return false;
        current.expiresAt = this.now() + ms;
        return true;
      },
      release: async () => {
        if (this.locks.get(name)?.token === token) this.locks.delete(name);
      },
    };
  }

  async close(): Promise<void> {
    this.values.clear();
  }
}
