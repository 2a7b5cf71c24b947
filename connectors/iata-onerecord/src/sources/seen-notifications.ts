// Notifications may be delivered more than once: remember the recent ones by content, so a repeat is
// answered 204 without fetching again. Emitted events also carry deterministic ids, so a repeat that
// slips past this (another process, a restart) is still one event at the hub's ingress.
import { createHash } from 'node:crypto';

export class SeenNotifications {
  private readonly keys = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<boolean>>();

  constructor(private readonly capacity = 10_000) {}

  /**
   * Run `handle` once per key: a copy arriving while the first is being handled waits for it and shares
   * its outcome; `handle` resolves true when the notification is done (and is then remembered).
   */
  async once(key: string, handle: () => Promise<boolean>): Promise<'handled' | 'duplicate' | 'failed'> {
    if (this.has(key)) return 'duplicate';
    const running = this.inFlight.get(key);
    if (running !== undefined) return (await running.catch(() => false)) ? 'duplicate' : 'failed';
    const promise = handle();
    this.inFlight.set(key, promise);
    try {
      const done = await promise;
      if (done) this.add(key);
      return done ? 'handled' : 'failed';
    } finally {
      this.inFlight.delete(key);
    }
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(key: string): void {
    this.keys.delete(key);
    this.keys.set(key, Date.now());
    // Map keeps insertion order: drop the oldest once full.
    while (this.keys.size > this.capacity) this.keys.delete(this.keys.keys().next().value as string);
  }
}

/** A content key for a notification: the same facts give the same key whatever the JSON-LD form. */
export function notificationKey(parts: { eventType: string; object?: string; events: string[]; triggeredBy?: string; changed: string[] }): string {
  const canonical = [parts.eventType, parts.object ?? '', [...parts.events].sort().join(' '), parts.triggeredBy ?? '', [...parts.changed].sort().join(' ')].join('\n');
  return createHash('sha256').update(canonical).digest('hex');
}
