// Bounded concurrency with per-key ordering: work for one key runs strictly in arrival order,
// work for different keys runs in parallel up to the limit. A task may give its slot back while
// it waits (a retry back-off) without giving up its place in its key's order.

export class Semaphore {
  private available: number;
  private readonly waiters: Array<() => void> = [];

  constructor(readonly limit: number) {
    this.available = limit;
  }

  async acquire(): Promise<void> {
    if (this.available > 0) {
      this.available -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.available += 1;
  }

  get inUse(): number {
    return this.limit - this.available;
  }
}

export interface Slot {
  /** Give the concurrency slot back while waiting; the key stays held. */
  pause(): void;
  resume(): Promise<void>;
}

export class KeyedExecutor {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly semaphore: Semaphore;

  constructor(concurrency: number) {
    this.semaphore = new Semaphore(Math.max(1, concurrency));
  }

  get active(): number {
    return this.semaphore.inUse;
  }

  /** Run `task` after every earlier task with the same key; tasks without a key only share the limit. */
  async run<T>(key: string | undefined, task: (slot: Slot) => Promise<T>): Promise<T> {
    if (key === undefined) return this.withSlot(task);
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    try {
      await previous;
      return await this.withSlot(task);
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  private async withSlot<T>(task: (slot: Slot) => Promise<T>): Promise<T> {
    await this.semaphore.acquire();
    let held = true;
    const slot: Slot = {
      pause: () => {
        if (held) {
          held = false;
          this.semaphore.release();
        }
      },
      resume: async () => {
        if (!held) {
          await this.semaphore.acquire();
          held = true;
        }
      },
    };
    try {
      return await task(slot);
    } finally {
      if (held) this.semaphore.release();
    }
  }
}
