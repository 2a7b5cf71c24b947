// The embedded runtime's transport: in-process queues with prefetch, delayed retry and backpressure.
// Not durable: after a crash the runtime re-dispatches unfinished deliveries from the journal.
import type { DeliveryJob, JobHandler, ReceivedJob, Subscription, Transport } from '../transport';

interface Consumer {
  handler: JobHandler;
  prefetch: number;
  inFlight: number;
  stopped: boolean;
  idle: Array<() => void>;
}

interface Queue {
  name: string;
  items: ReceivedJob[];
  consumers: Consumer[];
  dead: DeliveryJob[];
  /** Publishers waiting for room (backpressure). */
  waiting: Array<() => void>;
}

export class MemoryTransport implements Transport {
  readonly name = 'memory';
  readonly durable = false;
  private readonly queues = new Map<string, Queue>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  /** `highWaterMark`: queued jobs per queue before publish() waits. */
  constructor(private readonly highWaterMark = 10_000) {}

  async connect(): Promise<void> {
    this.closed = false;
  }

  async declareQueues(names: string[]): Promise<void> {
    for (const name of names) this.queue(name);
  }

  async publish(queueName: string, job: DeliveryJob): Promise<void> {
    if (this.closed) throw new Error(`memory transport is closed; cannot publish to '${queueName}'`);
    const queue = this.queues.get(queueName);
    if (!queue) throw new Error(`no queue '${queueName}' was declared; declare the route's queue before publishing`);
    while (queue.items.length >= this.highWaterMark && !this.closed) {
      await new Promise<void>((resolve) => queue.waiting.push(resolve));
    }
    queue.items.push({ job, redeliveries: 0 });
    this.pump(queue);
  }

  async subscribe(queueName: string, handler: JobHandler, options: { prefetch: number }): Promise<Subscription> {
    const queue = this.queue(queueName);
    const consumer: Consumer = { handler, prefetch: Math.max(1, options.prefetch), inFlight: 0, stopped: false, idle: [] };
    queue.consumers.push(consumer);
    this.pump(queue);
    return {
      drain: async () => {
        consumer.stopped = true;
        queue.consumers = queue.consumers.filter((c) => c !== consumer);
        if (consumer.inFlight > 0) await new Promise<void>((resolve) => consumer.idle.push(resolve));
      },
    };
  }

  deadLettered(queueName: string): DeliveryJob[] {
    return [...(this.queues.get(queueName)?.dead ?? [])];
  }

  /** Jobs waiting in a queue (for metrics and tests). */
  depth(queueName: string): number {
    return this.queues.get(queueName)?.items.length ?? 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const queue of this.queues.values()) for (const wake of queue.waiting.splice(0)) wake();
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = { name, items: [], consumers: [], dead: [], waiting: [] };
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Hand queued jobs to consumers with free prefetch slots, round-robin, in queue order. */
  private pump(queue: Queue): void {
    let progressed = true;
    while (queue.items.length > 0 && progressed) {
      progressed = false;
      for (const consumer of queue.consumers) {
        if (queue.items.length === 0) break;
        if (consumer.stopped || consumer.inFlight >= consumer.prefetch) continue;
        const received = queue.items.shift() as ReceivedJob;
        progressed = true;
        consumer.inFlight += 1;
        void this.run(queue, consumer, received);
      }
    }
    while (queue.waiting.length > 0 && queue.items.length < this.highWaterMark) queue.waiting.shift()?.();
  }

  private async run(queue: Queue, consumer: Consumer, received: ReceivedJob): Promise<void> {
    try {
      const outcome = await consumer.handler(received);
      if (outcome.kind === 'retry') this.requeueLater(queue, received, outcome.delayMs);
      else if (outcome.kind === 'dead') queue.dead.push(received.job);
    } catch {
      // A handler that throws has not settled the job: deliver it again, as a broker would.
      if (!this.closed) queue.items.unshift({ job: received.job, redeliveries: received.redeliveries + 1 });
    } finally {
      consumer.inFlight -= 1;
      if (consumer.inFlight === 0) for (const wake of consumer.idle.splice(0)) wake();
      this.pump(queue);
    }
  }

  private requeueLater(queue: Queue, received: ReceivedJob, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      queue.items.push({ job: received.job, redeliveries: received.redeliveries + 1 });
      this.pump(queue);
    }, delayMs);
    this.timers.add(timer);
  }
}
