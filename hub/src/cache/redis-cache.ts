// The cache on Redis (ioredis, loaded only when REDIS_URL is set): every key under a prefix so
// deployments and test runs never collide; the bucket and the lock are atomic Lua scripts.
import type * as IoRedisModule from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ConfigError } from '../errors';
import { lazyRequire } from '../lazy-require';
import type { BucketSpec, Cache, Lock, RateDecision } from './cache';

// Refill by elapsed time, take if enough; state = {tokens, at(ms)}; expires when it would be full.
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local want = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + ((now - at) / 1000) * rate)
local allowed = 0
if tokens >= want then
  tokens = tokens - want
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(((capacity - tokens) / rate) * 1000) + 1000)
return {allowed, tostring(tokens)}
`;

const EXTEND_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

function safe(url: string): string {
  return url.replace(/\/\/([^:@/]*):([^@/]+)@/, '//$1:***@');
}

export class RedisCache implements Cache {
  readonly kind = 'redis' as const;

  private constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  static async open(url: string, prefix = 'interline:'): Promise<RedisCache> {
    const { Redis: RedisCtor } = lazyRequire<typeof IoRedisModule>('ioredis', 'the Redis cache');
    // No retries while probing (a wrong URL fails the start at once); reconnect with back-off after.
    const redis = new RedisCtor(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 3, enableOfflineQueue: true, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      await redis.ping();
      redis.options.retryStrategy = (times: number) => Math.min(times * 200, 5000);
    } catch (error) {
      redis.disconnect();
      throw new ConfigError(`cannot reach Redis at ${safe(url)}: ${error instanceof Error ? error.message : String(error)}; check REDIS_URL and that the server runs`);
    }
    return new RedisCache(redis, prefix);
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.prefix + key, value, 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async take(bucket: string, spec: BucketSpec, tokens = 1): Promise<RateDecision> {
    const [allowed, left] = (await this.redis.eval(TAKE_SCRIPT, 1, `${this.prefix}bucket:${bucket}`, spec.capacity, spec.refillPerSecond, tokens, Date.now())) as [number, string];
    const remaining = Number(left);
    return {
      allowed: allowed === 1,
      remaining: Math.floor(remaining),
      retryAfterMs: allowed === 1 ? 0 : Math.ceil(((tokens - remaining) / spec.refillPerSecond) * 1000),
    };
  }

  async acquireLock(name: string, ttlMs: number): Promise<Lock | undefined> {
    const key = `${this.prefix}lock:${name}`;
    const token = randomUUID();
    const ok = await this.redis.set(key, token, 'PX', ttlMs, 'NX');
    if (ok !== 'OK') return undefined;
    return {
      name,
      extend: async (ms) => (await this.redis.eval(EXTEND_SCRIPT, 1, key, token, ms)) === 1,
      release: async () => {
        await this.redis.eval(RELEASE_SCRIPT, 1, key, token);
      },
    };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
