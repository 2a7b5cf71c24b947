// Runs connectors' poll sources on their intervals, one poll at a time per source, until stopped.
import type { Hub } from './hub';

export class Pollers {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly controller = new AbortController();

  constructor(private readonly hub: Hub) {}

  start(): void {
    for (const instance of this.hub.connectors.list()) {
      for (const [name, source] of Object.entries(instance.definition.sources ?? {})) {
        if (source.kind !== 'poll') continue;
        let busy = false;
        const tick = (): void => {
          if (busy || this.controller.signal.aborted) return;
          busy = true;
          const run = source
            .poll(instance.client, { ...instance.context, emit: this.hub.emitterFor(instance.name), signal: this.controller.signal })
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

  async stop(): Promise<void> {
    this.controller.abort();
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([...this.running]);
  }
}
