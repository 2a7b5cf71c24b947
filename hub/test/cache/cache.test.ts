// One behaviour for both caches: the memory cache and Redis (own key prefix per run).
import { randomBytes } from 'node:crypto';
import { MemoryCache, RedisCache } from '../../src';
import type { Cache } from '../../src';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each(['memory', 'redis'] as const)('%s cache', (kind) => {
  let cache: Cache;
  beforeAll(async () => {
    cache = kind === 'memory' ? new MemoryCache() : await RedisCache.open(REDIS_URL, `interline-test:${randomBytes(4).toString('hex')}:`);
  });
  afterAll(async () => {
    await cache.close();
  });

  it('keeps a value until its time to live runs out', async () => {
    await cache.set('track:020-12345675', '{"events":3}', 150);
    expect(await cache.get('track:020-12345675')).toBe('{"events":3}');
    await new Promise((resolve) => setTimeout(resolve, 220));
    expect(await cache.get('track:020-12345675')).toBeUndefined();
    await cache.set('gone', 'x', 10_000);
    await cache.delete('gone');
    expect(await cache.get('gone')).toBeUndefined();
  });

  it('allows a burst up to the bucket capacity, then says how long to wait, then refills', async () => {
    const spec = { capacity: 5, refillPerSecond: 20 };
    const decisions = [];
    for (let i = 0; i < 7; i++) decisions.push(await cache.take('client-a', spec));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(decisions[5]?.retryAfterMs).toBeGreaterThan(0);
    expect(decisions[5]?.retryAfterMs).toBeLessThanOrEqual(50);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect((await cache.take('client-a', spec)).allowed).toBe(true);
    expect((await cache.take('client-b', spec)).remaining).toBe(4);
  });

  it('gives a lock to one holder at a time, and to the next after release or expiry', async () => {
    const first = await cache.acquireLock('poller:odoo', 200);
    expect(first).toBeDefined();
    expect(await cache.acquireLock('poller:odoo', 200)).toBeUndefined();
    expect(await first?.extend(300)).toBe(true);
    await first?.release();
    const second = await cache.acquireLock('poller:odoo', 100);
    expect(second).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 160));
    // Expired: another holder takes it, and the old holder can neither extend nor release it.
    const third = await cache.acquireLock('poller:odoo', 1000);
    expect(third).toBeDefined();
    expect(await second?.extend(1000)).toBe(false);
    await second?.release();
    expect(await cache.acquireLock('poller:odoo', 1000)).toBeUndefined();
    await third?.release();
  });
});

it('fails with one clear line when Redis cannot be reached', async () => {
  await expect(RedisCache.open('redis://127.0.0.1:1')).rejects.toThrow(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
});
