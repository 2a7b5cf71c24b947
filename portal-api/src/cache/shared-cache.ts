// The portal's read cache on the hub's shared cache (Redis when REDIS_URL is set): every portal
// process sees the same entries, so an invalidation by one is seen by all. Values travel as JSON.
import type { Cache as HubCache } from '@interline/hub';
import type { Cache } from './cache';

export class SharedCache implements Cache {
  constructor(
    private readonly shared: HubCache,
    /** Keeps the portal's keys apart from the hub's own under the shared prefix. */
    private readonly prefix = 'portal:',
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    const text = await this.shared.get(this.prefix + key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    await this.shared.set(this.prefix + key, JSON.stringify(value), ttlMs);
  }

  async delete(key: string): Promise<void> {
    await this.shared.delete(this.prefix + key);
  }
}
