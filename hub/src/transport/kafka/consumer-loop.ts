// One consumer group member: reads its partitions in order, hands messages to `process` with at most
// `maxOpen` unsettled (pausing its partitions beyond that), commits only positions below which every
// message settled, and on a rebalance lets the revoked partitions' work finish before letting them go.
import type { Logger } from '../../observability/logger';
import { clientConfig, logClientErrors } from './job-producer';
import type { KafkaSettings } from './kafka-config';
import { OffsetTracker } from './offset-tracker';
import type { OffsetTicket } from './offset-tracker';
import { RDKAFKA_CODES } from './rdkafka-types';
import type { ConsumedMessage, RdkafkaConsumer, RdkafkaError, RdkafkaModule, TopicPartition } from './rdkafka-types';

export interface ConsumerLoopOptions {
  kafka: RdkafkaModule;
  settings: KafkaSettings;
  groupId: string;
  topics: string[];
  /** Messages handed out and not yet settled before the loop pauses its partitions. */
  maxOpen: number;
  /** Resolve once the message's outcome is stored (its offset may then be committed); reject to leave it for a redelivery. */
  process(message: ConsumedMessage): Promise<void>;
  /** How long a revoked partition's work may run on before it is let go anyway (the new owner then repeats it). */
  revokeTimeoutMs: number;
  logger?: Logger;
}

/** A consume call returns after this long when nothing arrived (it runs on a libuv worker thread). */
const POLL_MS = 100;
const COMMIT_EVERY_MS = 200;

function tpId(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

export class ConsumerLoop {
  private consumer?: RdkafkaConsumer;
  private readonly tracker = new OffsetTracker();
  private assignment: TopicPartition[] = [];
  private readonly revoking = new Set<string>();
  private active = 0;
  private paused = false;
  private stopping = false;
  private loop?: Promise<void>;
  private commitTimer?: NodeJS.Timeout;
  private readonly settledWaiters: Array<() => void> = [];
  private assigned?: () => void;

  constructor(private readonly options: ConsumerLoopOptions) {}

  /** Join the group and wait (bounded) until partitions of our topics are assigned. */
  async start(): Promise<void> {
    const { kafka, settings, groupId, topics, logger } = this.options;
    const consumer = new kafka.KafkaConsumer(
      {
        ...clientConfig(settings),
        'group.id': groupId,
        'enable.auto.commit': false,
        // New topics (routes declared after start) show up within seconds, not librdkafka's 5 minutes.
        'topic.metadata.refresh.interval.ms': 10_000,
        rebalance_cb: (error: RdkafkaError, assignment: TopicPartition[]) => this.rebalance(error, assignment),
        ...settings.librdkafka,
      },
      // A new group reads what was published before it joined: jobs wait for their first worker.
      { 'auto.offset.reset': 'earliest' },
    );
    logClientErrors(consumer, `consumer (${groupId})`, logger);
    await new Promise<void>((resolve, reject) =>
      consumer.connect({ timeout: 10_000 }, (error) => (error ? reject(new Error(`Kafka consumer ${groupId} could not connect to ${settings.brokers}: ${error.message}`)) : resolve())),
    );
    consumer.setDefaultConsumeTimeout(POLL_MS);
    this.consumer = consumer;
    const firstAssignment = new Promise<void>((resolve) => {
      this.assigned = resolve;
      setTimeout(resolve, 15_000).unref();
    });
    consumer.subscribe(topics);
    this.loop = this.run(consumer);
    this.commitTimer = setInterval(() => this.commit(false), COMMIT_EVERY_MS);
    this.commitTimer.unref();
    await firstAssignment;
    if (this.assignment.length === 0) logger?.warn({ groupId, topics }, 'Kafka consumer has no partitions yet (more members than partitions, or the topic is not visible yet); it keeps waiting');
  }

  private rebalance(error: RdkafkaError, assignment: TopicPartition[]): void {
    const consumer = this.consumer;
    if (!consumer) return;
    try {
      if (error.code === RDKAFKA_CODES.ASSIGN_PARTITIONS) {
        this.assignment = assignment;
        consumer.assign(assignment);
        // A partition paused before an earlier revocation may come back still paused.
        if (this.paused) consumer.pause(assignment);
        else consumer.resume(assignment);
        if (assignment.some((tp) => this.options.topics.includes(tp.topic))) this.assigned?.();
      } else if (error.code === RDKAFKA_CODES.REVOKE_PARTITIONS) {
        void this.revoke(consumer, assignment);
      } else {
        this.options.logger?.warn({ err: error.message, groupId: this.options.groupId }, 'Kafka rebalance failed; dropping the assignment until the group settles');
        this.tracker.forget(this.assignment);
        this.assignment = [];
        consumer.unassign();
      }
    } catch (failure) {
      this.options.logger?.warn({ err: (failure as Error).message, groupId: this.options.groupId }, 'Kafka rebalance step failed');
    }
  }

  /** Eager rebalance: finish (bounded) what runs for the revoked partitions, commit, then let them go. */
  private async revoke(consumer: RdkafkaConsumer, revoked: TopicPartition[]): Promise<void> {
    for (const tp of revoked) this.revoking.add(tpId(tp.topic, tp.partition));
    const deadline = Date.now() + this.options.revokeTimeoutMs;
    while (this.tracker.open(revoked) > 0 && Date.now() < deadline) await this.nextSettle(deadline - Date.now());
    this.commit(true, revoked);
    this.tracker.forget(revoked);
    this.assignment = [];
    for (const tp of revoked) this.revoking.delete(tpId(tp.topic, tp.partition));
    try {
      consumer.unassign();
    } catch (error) {
      this.options.logger?.warn({ err: (error as Error).message }, 'Kafka unassign failed');
    }
  }

  private async run(consumer: RdkafkaConsumer): Promise<void> {
    while (!this.stopping) {
      const free = this.options.maxOpen - this.active;
      // Backpressure: pause fetching while the handlers are full, but keep polling so rebalances are
      // served and the group does not think this member died (max.poll.interval.ms).
      if (free <= 0 && !this.paused) this.setPaused(consumer, true);
      if (free > 0 && this.paused) this.setPaused(consumer, false);
      const messages = await new Promise<ConsumedMessage[]>((resolve) =>
        consumer.consume(Math.max(1, Math.min(free, 500)), (error, batch) => {
          if (error && error.code !== RDKAFKA_CODES.TIMED_OUT) {
            this.options.logger?.warn({ err: error.message, groupId: this.options.groupId }, 'Kafka consume failed; retrying');
            setTimeout(() => resolve([]), 200);
          } else resolve(batch ?? []);
        }),
      );
      for (const message of messages) this.dispatch(message);
    }
  }

  private setPaused(consumer: RdkafkaConsumer, paused: boolean): void {
    this.paused = paused;
    try {
      if (paused) consumer.pause(this.assignment);
      else consumer.resume(this.assignment);
    } catch (error) {
      this.options.logger?.warn({ err: (error as Error).message }, `Kafka ${paused ? 'pause' : 'resume'} failed`);
    }
  }

  private dispatch(message: ConsumedMessage): void {
    // Read after the revocation began (or after drain): not ours to settle; the next owner reads it.
    if (this.stopping || this.revoking.has(tpId(message.topic, message.partition))) return;
    let ticket: OffsetTicket;
    try {
      ticket = this.tracker.receive(message.topic, message.partition, message.offset);
    } catch (error) {
      this.options.logger?.warn({ err: (error as Error).message }, 'Kafka message skipped');
      return;
    }
    this.active += 1;
    this.options
      .process(message)
      .then(
        () => this.tracker.settle(ticket),
        (error: unknown) =>
          this.options.logger?.warn({ err: error instanceof Error ? error.message : String(error), topic: message.topic, partition: message.partition, offset: message.offset }, 'Kafka message left uncommitted; it is read again after a restart or rebalance'),
      )
      .finally(() => {
        this.active -= 1;
        for (const wake of this.settledWaiters.splice(0)) wake();
      });
  }

  private nextSettle(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.settledWaiters.push(resolve);
      setTimeout(resolve, Math.max(1, timeoutMs)).unref();
    });
  }

  private commit(sync: boolean, only?: TopicPartition[]): void {
    const consumer = this.consumer;
    if (!consumer) return;
    const offsets = this.tracker.takeCommits(only);
    if (offsets.length === 0) return;
    try {
      if (sync) consumer.commitSync(offsets);
      else consumer.commit(offsets);
    } catch (error) {
      // Not fatal: the positions are committed with a later batch, or re-read (and absorbed by claims).
      this.options.logger?.warn({ err: (error as Error).message, groupId: this.options.groupId }, 'Kafka offset commit failed');
    }
  }

  /** Stop reading, let handed-out messages settle, commit, leave the group. */
  async drain(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    await this.loop;
    while (this.active > 0) await this.nextSettle(1_000);
    clearInterval(this.commitTimer);
    this.commit(true);
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) await new Promise<void>((resolve) => consumer.disconnect(() => resolve()));
  }
}
