// Which of an object's events were already turned into canonical events: a created-after cursor
// (cargo:creationDate) to keep the list short, and the URIs seen at the cursor's edge, so an event
// listed twice (same creationDate, a re-read) is emitted once.
import type { ConnectorState } from '@interline/hub';
import type { FedEvent } from './event-feed';

const SEEN_LIMIT = 500;

export class EventCursor {
  constructor(private readonly state: ConnectorState | undefined, private readonly object: string) {}

  async since(): Promise<string | undefined> {
    return this.state?.get<string>(`events-cursor:${this.object}`);
  }

  /** The events not seen before, in order. */
  async unseen(events: FedEvent[]): Promise<FedEvent[]> {
    const seen = new Set((await this.state?.get<string[]>(this.seenKey)) ?? []);
    return events.filter((event) => !seen.has(event.iri));
  }

  /** Remember events once the hub has them, and move the cursor to the latest creationDate. */
  async remember(events: FedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const seen = (await this.state?.get<string[]>(this.seenKey)) ?? [];
    const latest = events.reduce<string | undefined>((max, event) => (event.createdAt !== undefined && (max === undefined || event.createdAt > max) ? event.createdAt : max), await this.since());
    await this.state?.set(this.seenKey, [...seen, ...events.map((event) => event.iri)].slice(-SEEN_LIMIT));
    if (latest !== undefined) await this.state?.set(`events-cursor:${this.object}`, latest);
  }

  private get seenKey(): string {
    return `events-seen:${this.object}`;
  }
}
