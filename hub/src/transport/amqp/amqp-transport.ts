// The RabbitMQ transport: persistent jobs with windowed publisher confirms, manual acks with
// prefetch, per-key order through single-active-consumer partition queues, delayed retry, a
// dead-letter exchange, and automatic reconnect (amqplib recovery) that re-declares everything.
import type * as AmqplibModule from 'amqplib';
import type { Channel, ChannelModel, ConfirmChannel, ConsumeMessage, RecoveringChannelModel } from 'amqplib';
import { ConfigError, TransientError } from '../../errors';
import { lazyRequire } from '../../lazy-require';
import type { Logger } from '../../observability/logger';
import type { DeliveryJob, JobHandler, Subscription, Transport } from '../transport';
import { DEAD_EXCHANGE, JOBS_EXCHANGE, declareBase, declareRouteQueue, delayBucket, delayExchange, partitionOf, partitionQueue } from './topology';

export interface AmqpTransportOptions {
  url: string;
  /** Partition queues per route: the most workers that can share a route while keys keep order. */
  partitions?: number;
  /** Publishes awaiting a broker confirm before publish() waits (backpressure). */
  confirmWindow?: number;
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

function safe(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

export class AmqpTransport implements Transport {
  readonly name = 'amqp';
  readonly durable = true;
  private model?: RecoveringChannelModel;
  private publisher?: ConfirmChannel;
  private readonly queues = new Set<string>();
  private readonly consumers: Consumer[] = [];
  private readonly partitions: number;
  private readonly window: number;
  private outstanding = 0;
  private readonly windowWaiters: Array<() => void> = [];
  private readonly connectedWaiters: Array<() => void> = [];
  private closing = false;

  constructor(private readonly options: AmqpTransportOptions) {
    this.partitions = options.partitions ?? 4;
    this.window = options.confirmWindow ?? 512;
  }

  async connect(): Promise<void> {
    const amqp = lazyRequire<typeof AmqplibModule>('amqplib', 'the AMQP transport');
    try {
      this.model = await amqp.connect(this.options.url, {
        recovery: {
          initialDelay: 100,
          maxDelay: 5000,
          initialMaxRetries: 3,
          maxRetries: Infinity,
          setup: (model: ChannelModel) => this.setup(model),
        },
      });
    } catch (error) {
      throw new ConfigError(`cannot reach RabbitMQ at ${safe(this.options.url)}: ${error instanceof Error ? error.message : String(error)}; check INTERLINE_TRANSPORT and that the broker runs`);
    }
    this.model.on('disconnect', (error: Error) => {
      this.publisher = undefined;
      if (!this.closing) this.options.logger?.warn({ err: error.message }, 'RabbitMQ connection lost; reconnecting');
    });
    this.model.on('connect', () => this.options.logger?.info({ url: safe(this.options.url) }, 'connected to RabbitMQ'));
    this.model.on('reconnect-failed', (error: Error) => this.options.logger?.error({ err: error.message }, 'RabbitMQ reconnection gave up'));
    this.model.on('connect-failed', (error: Error) => this.options.logger?.warn({ err: error.message }, 'RabbitMQ connection attempt failed; retrying'));
    this.model.on('error', () => undefined);
  }

  /** After every (re)connect: channels, topology and consumers again. */
  private async setup(model: ChannelModel): Promise<void> {
    const publisher = await model.createConfirmChannel();
    publisher.on('error', () => undefined);
    await declareBase(publisher);
    for (const queue of this.queues) await declareRouteQueue(publisher, queue, this.partitions);
    for (const consumer of this.consumers) if (!consumer.stopped) await this.startConsumer(model, consumer);
    this.publisher = publisher;
    for (const wake of this.connectedWaiters.splice(0)) wake();
  }

  async declareQueues(queues: string[]): Promise<void> {
    const channel = await this.channel();
    for (const queue of queues) {
      if (this.queues.has(queue)) continue;
      await declareRouteQueue(channel, queue, this.partitions);
      this.queues.add(queue);
    }
  }

  async publish(queue: string, job: DeliveryJob): Promise<void> {
    const routingKey = partitionQueue(queue, partitionOf(job.key ?? job.messageId, this.partitions));
    await this.confirmedPublish(JOBS_EXCHANGE, routingKey, job);
  }

  /** Publish and resolve when the broker confirms; many may be in flight, up to the window. */
  private async confirmedPublish(exchange: string, routingKey: string, job: DeliveryJob, headers: Record<string, unknown> = {}): Promise<void> {
    while (this.outstanding >= this.window) await new Promise<void>((resolve) => this.windowWaiters.push(resolve));
    this.outstanding += 1;
    try {
      for (let attempt = 0; ; attempt++) {
        const channel = await this.channel();
        try {
          await new Promise<void>((resolve, reject) => {
            channel.publish(exchange, routingKey, Buffer.from(JSON.stringify(job)), { persistent: true, contentType: 'application/json', messageId: job.messageId, headers }, (error: unknown) =>
              error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(),
            );
          });
          return;
        } catch (error) {
          // The channel died under us (broker restart): wait for the reconnect and publish again.
          if (attempt >= 5 || this.closing) throw new TransientError(`RabbitMQ did not confirm the job for ${job.messageId}: ${error instanceof Error ? error.message : String(error)}`);
          this.publisher = undefined;
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
    await this.channel();
    if (this.model) await this.startConsumer(this.model as unknown as ChannelModel, consumer);
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
    await channel.prefetch(consumer.prefetch);
    consumer.channel = channel;
    consumer.tags = [];
    for (let p = 0; p < this.partitions; p++) {
      const reply = await channel.consume(partitionQueue(consumer.queue, p), (message) => {
        if (message) void this.handle(channel, consumer, message);
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
        await this.confirmedPublish(delayExchange(delayBucket(outcome.delayMs)), message.fields.routingKey, job, {}).catch(() => undefined);
        // The delay queue dead-letters to the jobs exchange with this routing key: same partition.
        channel.ack(message);
      } else if (outcome.kind === 'dead') {
        await this.confirmedPublish(DEAD_EXCHANGE, '', job, { 'x-interline-reason': outcome.reason }).catch(() => undefined);
        channel.ack(message);
      } else {
        channel.ack(message);
      }
    } catch {
      // The channel closed mid-handling (broker restart): the broker redelivers the unacked job.
    } finally {
      consumer.inFlight -= 1;
      if (consumer.inFlight === 0) for (const wake of consumer.idle.splice(0)) wake();
    }
  }

  private async channel(): Promise<ConfirmChannel> {
    const deadline = Date.now() + 30_000;
    while (!this.publisher) {
      if (this.closing) throw new TransientError('AMQP transport is closing');
      if (Date.now() > deadline) throw new TransientError(`RabbitMQ at ${safe(this.options.url)} has been unreachable for 30 s`);
      await new Promise<void>((resolve) => {
        this.connectedWaiters.push(resolve);
        setTimeout(resolve, 500).unref();
      });
    }
    return this.publisher;
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const wake of this.connectedWaiters.splice(0)) wake();
    await this.model?.close().catch(() => undefined);
  }
}
