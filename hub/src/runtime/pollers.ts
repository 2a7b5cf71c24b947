// Runs connectors' poll sources on their intervals, one poll at a time per source, until stopped.
import type { Hub } from './hub';
import type { Cache, Lock } from '../cache';

export class Pollers {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly controller = new AbortController();
  private readonly held: Lock[] = [];

  /** With a shared cache, one process of the cluster runs each poller (a lock renewed every tick). */
  constructor(
    private readonly hub: Hub,
    private readonly cache?: Cache,
  ) {}

  start(): void {
    for (const instance of this.hub.connectors.list()) {
      for (const [name, source] of Object.entries(instance.definition.sources ?? {})) {
        if (source.kind !== 'poll') continue;
        let busy = false;
        let lock: Lock | undefined;
        const lockName = `poller:${instance.name}:${name}`;
        const lockTtl = source.intervalMs * 3 + 5000;
        const tick = (): void => {
          if (busy || this.controller.signal.aborted) return;
          busy = true;
          const run = this.holdLock(lock, lockName, lockTtl)
            .then((held) => {
              lock = held === true ? undefined : held;
              if (lock && !this.held.includes(lock)) this.held.push(lock);
              if (!held) return undefined;
              return source.poll(instance.client, { ...instance.context, emit: this.hub.emitterFor(instance.name), signal: this.controller.signal });
            })
            .catch((error: unknown) => this.hub.logger.warn({ connector: instance.name, source: name, err: error }, `poll source '${instance.name}.${name}' failed; next poll in ${source.intervalMs} ms`))
            .finally(() => {
              busy = false;
              this.running.delete(run);
            });
          this.running.add(run);
        };
        this.timers.push(setInterval(tick, source.intervalMs));
        tick();
      }
    }
  }

  /** Keep (or take) the poller's lock; without a cache every process polls. */
  private async holdLock(current: Lock | undefined, name: string, ttlMs: number): Promise<Lock | undefined | true> {
    if (!this.cache) return true as const;
    if (current && (await current.extend(ttlMs))) return current;
    return this.cache.acquireLock(name, ttlMs);
  }

  async stop(): Promise<void> {
    this.controller.abort();
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([...this.running]);
    await Promise.allSettled(this.held.map((lock) => lock.release()));
  }
}
