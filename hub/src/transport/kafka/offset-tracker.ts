// Which offsets may be committed: messages of one partition are handed out in order but settle in
// any order (prefetch > 1), and Kafka commits a single position per partition. Only the position
// below which every message has settled is committed, so a crash never skips an unsettled job.
import type { TopicPartition, TopicPartitionOffset } from './rdkafka-types';

class PartitionOffsets {
  /** Received offsets in ascending order; `head` is the oldest still counted as open. */
  private readonly offsets: number[] = [];
  private head = 0;
  private readonly settledAhead = new Set<number>();
  private highest = -1;
  /** The position last handed out for commit. */
  private committed = -1;
  detached = false;

  constructor(readonly topic: string, readonly partition: number) {}

  receive(offset: number): void {
    if (offset <= this.highest) throw new Error(`offset ${offset} of ${this.topic}[${this.partition}] arrived after ${this.highest}; offsets of a partition must arrive in order`);
    this.offsets.push(offset);
    this.highest = offset;
  }

  settle(offset: number): void {
    this.settledAhead.add(offset);
    while (this.head < this.offsets.length && this.settledAhead.delete(this.offsets[this.head] as number)) this.head += 1;
    // Drop the consumed prefix now and then so the array stays as small as what is in flight.
    if (this.head > 1024 && this.head * 2 > this.offsets.length) {
      this.offsets.splice(0, this.head);
      this.head = 0;
    }
  }

  get open(): number {
    return this.offsets.length - this.head;
  }

  /** Kafka's commit position: the oldest unsettled offset, or one past the newest when all settled. */
  position(): number | undefined {
    if (this.highest < 0) return undefined;
    return this.head < this.offsets.length ? (this.offsets[this.head] as number) : this.highest + 1;
  }

  /** The position if it moved since the last call. */
  take(): number | undefined {
    const position = this.position();
    if (position === undefined || position <= this.committed) return undefined;
    this.committed = position;
    return position;
  }
}

export interface OffsetTicket {
  readonly state: PartitionOffsets;
  readonly offset: number;
}

export class OffsetTracker {
  private readonly partitions = new Map<string, PartitionOffsets>();

  private static id(topic: string, partition: number): string {
    return `${topic}\u0000${partition}`;
  }

  /** Record a message as handed out; settle the ticket when its outcome is safely stored. */
  receive(topic: string, partition: number, offset: number): OffsetTicket {
    const id = OffsetTracker.id(topic, partition);
    let state = this.partitions.get(id);
    if (!state) {
      state = new PartitionOffsets(topic, partition);
      this.partitions.set(id, state);
    }
    state.receive(offset);
    return { state, offset };
  }

  /** A ticket from before a revocation settles into a detached state and is never committed. */
  settle(ticket: OffsetTicket): void {
    ticket.state.settle(ticket.offset);
  }

  /** Positions that advanced since the last call, ready for `commit`. */
  takeCommits(only?: TopicPartition[]): TopicPartitionOffset[] {
    const wanted = only ? new Set(only.map((tp) => OffsetTracker.id(tp.topic, tp.partition))) : undefined;
    const commits: TopicPartitionOffset[] = [];
    for (const [id, state] of this.partitions) {
      if (wanted && !wanted.has(id)) continue;
      const offset = state.take();
      if (offset !== undefined) commits.push({ topic: state.topic, partition: state.partition, offset });
    }
    return commits;
  }

  /** Messages handed out and not yet settled, in the given partitions (all when omitted). */
  open(only?: TopicPartition[]): number {
    let count = 0;
    for (const state of this.partitions.values()) {
      if (only && !only.some((tp) => tp.topic === state.topic && tp.partition === state.partition)) continue;
      count += state.open;
    }
    return count;
  }

  /** After a revocation: the new owner reads from the committed position, so forget these partitions. */
  forget(partitions: TopicPartition[]): void {
    for (const tp of partitions) {
      const id = OffsetTracker.id(tp.topic, tp.partition);
      const state = this.partitions.get(id);
      if (state) state.detached = true;
      this.partitions.delete(id);
    }
  }
}
