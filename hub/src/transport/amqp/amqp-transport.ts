// The RabbitMQ transport: persistent jobs with windowed publisher confirms, manual acks with
// prefetch, per-key order through single-active-consumer partition queues, delayed retry, a
// dead-letter exchange, and reconnect with back-off (connection-keeper.ts) that re-declares the
// topology, re-creates the confirm channel and the consumers, and re-publishes unconfirmed jobs.
import type { Channel, ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { TransientError } from '../../errors';
import type { Logger } from '../../observability/logger';
import type { DeliveryJob, JobHandler, Subscription, Transport } from '../transport';
import { ConnectionKeeper } from './connection-keeper';
import { DEAD_EXCHANGE, JOBS_EXCHANGE, declareBase, declareRouteQueue, delayBucket, delayExchange, partitionOf, partitionQueue } from './topology';

export interface AmqpTransportOptions {
  url: string;
  /** Partition queues per route: the most workers that can share a route while keys keep order. */
  partitions?: number;
  /** Publishes awaiting a broker confirm before publish() waits (backpressure). */
  confirmWindow?: number;
  /** How long publish() keeps trying through a broker outage before it gives up (the sweeper republishes). */
  publishTimeoutMs?: number;
  logger?: Logger;
}

interface Consumer {
  queue: string;
  handler: JobHandler;
  prefetch: number;
  channel?: Channel;
  tags: string[];
  inFlight: number;
  stopped: boolean;
  idle: Array<() => void>;
}

/** A confirm that never comes (a channel wedged without closing) must not hold a window slot forever. */
const CONFIRM_TIMEOUT_MS = 20_000;

export class AmqpTransport implements Transport {
  readonly name = 'amqp';
  readonly durable = true;
  private readonly keeper: ConnectionKeeper;
  private publisher?: ConfirmChannel;
  private readonly queues = new Set<string>();
  private readonly consumers: Consumer[] = [];
  private readonly partitions: number;
  private readonly window: number;
  private outstanding = 0;
  private readonly windowWaiters: Array<() => void> = [];

  constructor(private readonly options: AmqpTransportOptions) {
    this.partitions = options.partitions ?? 4;
    this.window = options.confirmWindow ?? 512;
    this.keeper = new ConnectionKeeper({ url: options.url, logger: options.logger, setup: (model) => this.setup(model) });
  }

  async connect(): Promise<void> {
    await this.keeper.start();
  }

  /** After every (re)connect: the confirm channel, the topology and the consumers again. */
  private async setup(model: ChannelModel): Promise<void> {
    const publisher = await model.createConfirmChannel();
    publisher.on('error', () => undefined);
    publisher.on('close', () => {
      if (this.publisher !== publisher) return;
      this.publisher = undefined;
      this.keeper.reset('publisher channel closed');
    });
    await declareBase(publisher);
    for (const queue of this.queues) await declareRouteQueue(publisher, queue, this.partitions);
    // for…of sees consumers that subscribe while this runs, so none is left without a channel.
    for (const consumer of this.consumers) if (!consumer.stopped) await this.startConsumer(model, consumer);
    this.publisher = publisher;
  }

  private async confirmChannel(deadline: number): Promise<ConfirmChannel> {
    for (;;) {
      await this.keeper.waitForConnection(deadline);
      if (this.publisher) return this.publisher;
      // Connected but the channel is being replaced: the keeper is about to reconnect.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async declareQueues(queues: string[]): Promise<void> {
    for (const queue of queues) {
      if (this.queues.has(queue)) continue;
      const channel = await this.confirmChannel(Date.now() + (this.options.publishTimeoutMs ?? 30_000));
      await declareRouteQueue(channel, queue, this.partitions);
      this.queues.add(queue);
    }
  }

  async publish(queue: string, job: DeliveryJob): Promise<void> {
    const routingKey = partitionQueue(queue, partitionOf(job.key ?? job.messageId, this.partitions));
    await this.confirmedPublish(JOBS_EXCHANGE, routingKey, job);
  }

  /**
   * Publish and resolve when the broker confirms; many may be in flight, up to the window. A job
   * whose channel dies before its confirm is published again on the next connection: a duplicate
   * job is harmless (delivery claims and step results make the second one a no-op).
   */
  private async confirmedPublish(exchange: string, routingKey: string, job: DeliveryJob, headers: Record<string, unknown> = {}): Promise<void> {
    while (this.outstanding >= this.window) await new Promise<void>((resolve) => this.windowWaiters.push(resolve));
    this.outstanding += 1;
    const deadline = Date.now() + (this.options.publishTimeoutMs ?? 30_000);
    try {
      for (;;) {
        const channel = await this.confirmChannel(deadline);
        try {
          await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no confirm within ${CONFIRM_TIMEOUT_MS} ms`)), CONFIRM_TIMEOUT_MS);
            channel.publish(exchange, routingKey, Buffer.from(JSON.stringify(job)), { persistent: true, contentType: 'application/json', messageId: job.messageId, headers }, (error: unknown) => {
              clearTimeout(timer);
              if (error) reject(error instanceof Error ? error : new Error(String(error)));
              else resolve();
            });
          });
          return;
        } catch (error) {
          if (this.keeper.closing || Date.now() > deadline) {
            throw new TransientError(`RabbitMQ did not confirm the job for message ${job.messageId} on ${routingKey}: ${error instanceof Error ? error.message : String(error)}; it stays in the journal and is republished`);
          }
          // The channel died under us (broker restart) or was nacked: publish again once reconnected.
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    } finally {
      this.outstanding -= 1;
      this.windowWaiters.shift()?.();
    }
  }

  async subscribe(queue: string, handler: JobHandler, options: { prefetch: number }): Promise<Subscription> {
    await this.declareQueues([queue]);
    const consumer: Consumer = { queue, handler, prefetch: options.prefetch, tags: [], inFlight: 0, stopped: false, idle: [] };
    this.consumers.push(consumer);
    // Connected now: start it here; during a reconnect the setup starts it.
    const model = this.keeper.current;
    if (model && !consumer.channel) await this.startConsumer(model, consumer);
    return {
      drain: async () => {
        consumer.stopped = true;
        const channel = consumer.channel;
        for (const tag of consumer.tags) await channel?.cancel(tag).catch(() => undefined);
        if (consumer.inFlight > 0) await new Promise<void>((resolve) => consumer.idle.push(resolve));
        await channel?.close().catch(() => undefined);
      },
    };
  }

  private async startConsumer(model: ChannelModel, consumer: Consumer): Promise<void> {
    const channel = await model.createChannel();
    channel.on('error', () => undefined);
    channel.on('close', () => {
      if (consumer.channel !== channel || consumer.stopped) return;
      this.keeper.reset(`consumer channel of ${consumer.queue} closed`);
    });
    await channel.prefetch(consumer.prefetch);
    consumer.channel = channel;
    consumer.tags = [];
    for (let p = 0; p < this.partitions; p++) {
      const reply = await channel.consume(partitionQueue(consumer.queue, p), (message) => {
        if (message) void this.handle(channel, consumer, message);
        // The broker cancelled the consumer (queue deleted or moved): start over rather than go deaf.
        else if (!consumer.stopped && consumer.channel === channel) this.keeper.reset(`broker cancelled the consumer of ${partitionQueue(consumer.queue, p)}`);
      });
      consumer.tags.push(reply.consumerTag);
    }
  }

  private async handle(channel: Channel, consumer: Consumer, message: ConsumeMessage): Promise<void> {
    consumer.inFlight += 1;
    try {
      const job = JSON.parse(message.content.toString('utf8')) as DeliveryJob;
      const deliveryCount = Number(message.properties.headers?.['x-delivery-count'] ?? 0);
      const redeliveries = Math.max(deliveryCount, message.fields.redelivered ? 1 : 0);
      let outcome;
      try {
        outcome = await consumer.handler({ job, redeliveries });
      } catch {
        // Not settled by the handler: give it back to the broker for another delivery.
        channel.nack(message, false, true);
        return;
      }
      if (outcome.kind === 'retry') {
        // The delay queue dead-letters to the jobs exchange with this routing key: same partition.
        await this.confirmedPublish(delayExchange(delayBucket(outcome.delayMs)), message.fields.routingKey, job, {});
      } else if (outcome.kind === 'dead') {
        await this.confirmedPublish(DEAD_EXCHANGE, '', job, { 'x-interline-reason': outcome.reason });
      }
      // Acked only once its follow-up is confirmed: a job is never dropped between two queues.
      channel.ack(message);
    } catch {
      // The follow-up publish failed, or the channel closed mid-handling (broker restart): the job
      // goes back to the broker (or is redelivered when the channel is gone).
      try {
        channel.nack(message, false, true);
      } catch {
        // Channel already closed: the broker redelivers the unacked job on its own.
      }
    } finally {
      consumer.inFlight -= 1;
      if (consumer.inFlight === 0) for (const wake of consumer.idle.splice(0)) wake();
    }
  }

  async close(): Promise<void> {
    await this.keeper.close();
  }
}
