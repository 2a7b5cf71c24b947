// The Kafka transport: one topic per route queue with the ordering key as message key (a key stays
// on one partition; a consumer group per route spreads partitions over workers, so keys keep order
// under competing consumers), an idempotent producer with windowed delivery reports, commits of
// settled positions only, retry topics served by a relay, a dead-letter topic. node-rdkafka is
// optional and loaded at connect; librdkafka handles reconnects.
import { ConfigError, TransientError } from '../../errors';
import type { Logger } from '../../observability/logger';
import type { DeliveryJob, HandlerOutcome, JobHandler, Subscription, Transport } from '../transport';
import { ConsumerLoop } from './consumer-loop';
import { JobProducer, clientConfig } from './job-producer';
import { parseKafkaUrl } from './kafka-config';
import type { KafkaSettings } from './kafka-config';
import { loadRdkafka } from './load-rdkafka';
import { RDKAFKA_CODES } from './rdkafka-types';
import type { ConsumedMessage, RdkafkaAdminClient, RdkafkaModule } from './rdkafka-types';
import { RetryRelay } from './retry-relay';
import {
  HEADER_DUE,
  HEADER_REASON,
  HEADER_REDELIVERIES,
  HEADER_SOURCE,
  HEADER_TARGET,
  RETRY_BUCKETS_MS,
  deadLetterTopic,
  decodeJob,
  encodeJob,
  header,
  jobKey,
  jobsTopic,
  retryBucket,
  retryTopic,
} from './topics';

export interface KafkaTransportOptions {
  /** kafka://host:port[,host:port][?groupId=…&partitions=…&replicationFactor=…&topicPrefix=…&<librdkafka.property>=…] */
  url: string;
  /** Publishes awaiting a delivery report before publish() waits (backpressure). */
  publishWindow?: number;
  /** How long a rebalance waits for revoked partitions' jobs to finish before letting them go. */
  revokeTimeoutMs?: number;
  logger?: Logger;
  /** Loads node-rdkafka; a seam for the missing-package test. */
  load?: () => RdkafkaModule;
}

export class KafkaTransport implements Transport {
  readonly name = 'kafka';
  readonly durable = true;
  readonly settings: KafkaSettings;
  private kafka?: RdkafkaModule;
  private admin?: RdkafkaAdminClient;
  private producer?: JobProducer;
  private relay?: RetryRelay;
  private readonly declared = new Set<string>();
  private readonly loops = new Set<ConsumerLoop>();
  private closing = false;

  constructor(private readonly options: KafkaTransportOptions) {
    this.settings = parseKafkaUrl(options.url);
  }

  async connect(): Promise<void> {
    const kafka = (this.options.load ?? loadRdkafka)();
    this.kafka = kafka;
    this.closing = false;
    const producer = new JobProducer(kafka, this.settings, this.options.publishWindow ?? 1000, this.options.logger);
    await producer.connect();
    this.producer = producer;
    this.admin = kafka.AdminClient.create(clientConfig(this.settings));
    for (const bucket of RETRY_BUCKETS_MS) await this.createTopic(retryTopic(this.settings.topicPrefix, bucket));
    await this.createTopic(deadLetterTopic(this.settings.topicPrefix));
    this.options.logger?.info({ brokers: this.settings.brokers, groupId: this.settings.groupId, librdkafka: kafka.librdkafkaVersion }, 'connected to Kafka');
  }

  async declareQueues(queues: string[]): Promise<void> {
    for (const queue of queues) {
      const topic = jobsTopic(this.settings.topicPrefix, queue);
      if (this.declared.has(topic)) continue;
      await this.createTopic(topic);
      this.declared.add(topic);
    }
  }

  /** Idempotent: an existing topic is fine (its partition count is left as it is). */
  private createTopic(topic: string): Promise<void> {
    const admin = this.admin;
    if (!admin) throw new TransientError(`Kafka transport is not connected; cannot create topic ${topic}`);
    const { partitions, replicationFactor } = this.settings;
    return new Promise<void>((resolve, reject) =>
      admin.createTopic({ topic, num_partitions: partitions, replication_factor: replicationFactor }, 15_000, (error) => {
        if (!error || error.code === RDKAFKA_CODES.TOPIC_ALREADY_EXISTS) return resolve();
        reject(new ConfigError(`cannot create Kafka topic ${topic} on ${this.settings.brokers}: ${error.message}; create it with ${partitions} partitions yourself or allow this client CreateTopics`));
      }),
    );
  }

  /** Every topic this instance created or checked (for cleanup in tests and for operators). */
  topics(): string[] {
    return [...RETRY_BUCKETS_MS.map((bucket) => retryTopic(this.settings.topicPrefix, bucket)), deadLetterTopic(this.settings.topicPrefix), ...this.declared];
  }

  async publish(queue: string, job: DeliveryJob): Promise<void> {
    const topic = jobsTopic(this.settings.topicPrefix, queue);
    await this.requireProducer().send(topic, jobKey(job), encodeJob(job), { [HEADER_REDELIVERIES]: '0' }, `the job for ${job.messageId}`);
  }

  async subscribe(queue: string, handler: JobHandler, options: { prefetch: number }): Promise<Subscription> {
    const kafka = this.kafka;
    if (!kafka) throw new TransientError(`Kafka transport is not connected; cannot subscribe to ${queue}`);
    await this.declareQueues([queue]);
    const revokeTimeoutMs = this.options.revokeTimeoutMs ?? 10_000;
    if (!this.relay) {
      this.relay = new RetryRelay(kafka, this.settings, (...args) => this.sendUntilStored(...args), revokeTimeoutMs, this.options.logger);
      await this.relay.start();
    }
    const topic = jobsTopic(this.settings.topicPrefix, queue);
    const loop = new ConsumerLoop({
      kafka,
      settings: this.settings,
      groupId: `${this.settings.groupId}.${topic}`,
      topics: [topic],
      maxOpen: Math.max(1, options.prefetch),
      revokeTimeoutMs,
      process: (message) => this.handle(message, handler),
      ...(this.options.logger ? { logger: this.options.logger } : {}),
    });
    this.loops.add(loop);
    await loop.start();
    return {
      drain: async () => {
        await loop.drain();
        this.loops.delete(loop);
      },
    };
  }

  /** Run the handler, then store its outcome; resolving lets the offset be committed. */
  private async handle(message: ConsumedMessage, handler: JobHandler): Promise<void> {
    const where = `${message.topic}[${message.partition}]@${message.offset}`;
    let job: DeliveryJob;
    try {
      job = decodeJob(message.value, `Kafka message ${where}`);
    } catch (error) {
      // Not ours to interpret: park it on the dead-letter topic rather than block the partition.
      await this.sendUntilStored(deadLetterTopic(this.settings.topicPrefix), String(message.key ?? ''), message.value ?? Buffer.alloc(0), { [HEADER_REASON]: (error as Error).message, [HEADER_SOURCE]: message.topic }, `unreadable message ${where}`);
      return;
    }
    const redeliveries = Number(header(message.headers, HEADER_REDELIVERIES) ?? 0) || 0;
    let outcome: HandlerOutcome;
    try {
      outcome = await handler({ job, redeliveries });
    } catch {
      // Not settled by the handler: hand it back, like a broker requeue (behind later jobs of its partition).
      outcome = { kind: 'retry', delayMs: 0 };
    }
    const key = jobKey(job);
    if (outcome.kind === 'ack') return;
    if (outcome.kind === 'dead') {
      await this.sendUntilStored(deadLetterTopic(this.settings.topicPrefix), key, encodeJob(job), { [HEADER_REASON]: outcome.reason, [HEADER_SOURCE]: message.topic }, `the dead job for ${job.messageId}`);
      return;
    }
    const next = { [HEADER_REDELIVERIES]: String(redeliveries + 1) };
    if (outcome.delayMs <= 0) {
      await this.sendUntilStored(message.topic, key, encodeJob(job), next, `the job for ${job.messageId}`);
      return;
    }
    const due = Date.now() + outcome.delayMs;
    await this.sendUntilStored(retryTopic(this.settings.topicPrefix, retryBucket(outcome.delayMs)), key, encodeJob(job), { ...next, [HEADER_DUE]: String(due), [HEADER_TARGET]: message.topic }, `the retried job for ${job.messageId}`);
  }

  /**
   * A job's outcome must reach Kafka before its offset is committed; while the brokers are away keep
   * trying (librdkafka reconnects). On close give up: the offset stays uncommitted and the job is read again.
   */
  private async sendUntilStored(topic: string, key: string, value: Buffer, headers: Record<string, string>, what: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.requireProducer().send(topic, key, value, headers, what);
        return;
      } catch (error) {
        if (this.closing) throw error;
        if (attempt === 0) this.options.logger?.warn({ err: (error as Error).message, topic }, 'Kafka publish failed; retrying until the brokers take it');
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * 2 ** attempt)));
      }
    }
  }

  private requireProducer(): JobProducer {
    if (!this.producer) throw new TransientError('Kafka transport is not connected; call connect() first (INTERLINE_TRANSPORT=kafka://…)');
    return this.producer;
  }

  async close(): Promise<void> {
    // Consumers first (their outcomes still need the producer), then the relay, then the producer.
    await Promise.all([...this.loops].map((loop) => loop.drain()));
    this.loops.clear();
    await this.relay?.stop();
    this.relay = undefined;
    this.closing = true;
    await this.producer?.close();
    this.producer = undefined;
    this.admin?.disconnect();
    this.admin = undefined;
  }
}
