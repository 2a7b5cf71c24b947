// What the webhook source remembers between deliveries, in the connector's durable state: recent
// event ids (Stripe retries and re-sends events) and, per object, the newest state seen and the
// last canonical outcome emitted (Stripe delivers out of order). Both lists are bounded.
import type { ConnectorState } from '@interline/hub';

export const MEMORY_KEY = 'webhook-memory';

export interface KnownObject {
  /** `created` (unix seconds) of the newest event applied to this object. */
  at: number;
  /** Stripe status after that event. */
  status: string;
  /** The last canonical event type emitted for the object. */
  emitted?: string;
}

interface StoredMemory {
  seen: string[];
  objects: Record<string, KnownObject>;
  /** Object ids, least recently updated first (eviction order). */
  order: string[];
}

export class WebhookMemory {
  private constructor(
    private readonly data: StoredMemory,
    private readonly limit: number,
  ) {}

  static async load(state: ConnectorState, limit: number): Promise<WebhookMemory> {
    const stored = await state.get<StoredMemory>(MEMORY_KEY);
    const data: StoredMemory = {
      seen: Array.isArray(stored?.seen) ? stored.seen : [],
      objects: stored?.objects && typeof stored.objects === 'object' ? stored.objects : {},
      order: Array.isArray(stored?.order) ? stored.order : [],
    };
    return new WebhookMemory(data, limit);
  }

  hasSeen(eventId: string): boolean {
    return this.data.seen.includes(eventId);
  }

  markSeen(eventId: string): void {
    this.data.seen.push(eventId);
    if (this.data.seen.length > this.limit) this.data.seen.splice(0, this.data.seen.length - this.limit);
  }

  known(objectId: string): KnownObject | undefined {
    return this.data.objects[objectId];
  }

  remember(objectId: string, known: KnownObject): void {
    this.data.objects[objectId] = known;
    this.data.order = this.data.order.filter((id) => id !== objectId);
    this.data.order.push(objectId);
    while (this.data.order.length > this.limit) {
      const evicted = this.data.order.shift();
      if (evicted !== undefined) delete this.data.objects[evicted];
    }
  }

  async save(state: ConnectorState): Promise<void> {
    await state.set(MEMORY_KEY, this.data);
  }
}
