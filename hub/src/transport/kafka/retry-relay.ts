// Retry-later on Kafka: a job to be tried again later goes to the retry topic of its delay bucket with
// its due time and home topic in headers; this relay (one consumer group shared by all workers) holds
// each one until it is due and republishes it to its home topic, then commits. Kafka has no per-message
// TTL, so this replaces RabbitMQ's delay queues without blocking the job's own partition meanwhile.
import type { Logger } from '../../observability/logger';
import { ConsumerLoop } from './consumer-loop';
import type { KafkaSettings } from './kafka-config';
import type { ConsumedMessage, RdkafkaModule } from './rdkafka-types';
import { HEADER_DUE, HEADER_REDELIVERIES, HEADER_TARGET, header, retryTopics } from './topics';

/** Jobs a relay member holds in memory waiting for their due time before it stops fetching. */
const MAX_HELD = 10_000;

export type Republish = (topic: string, key: string, value: Buffer, headers: Record<string, string>, what: string) => Promise<void>;

export class RetryRelay {
  private readonly loop: ConsumerLoop;
  private readonly abort = new AbortController();

  constructor(kafka: RdkafkaModule, settings: KafkaSettings, private readonly republish: Republish, revokeTimeoutMs: number, private readonly logger?: Logger) {
    this.loop = new ConsumerLoop({
      kafka,
      settings,
      groupId: `${settings.groupId}.retry`,
      topics: retryTopics(settings.topicPrefix),
      maxOpen: MAX_HELD,
      revokeTimeoutMs,
      process: (message) => this.relay(message),
      logger,
    });
  }

  start(): Promise<void> {
    return this.loop.start();
  }

  private async relay(message: ConsumedMessage): Promise<void> {
    const target = header(message.headers, HEADER_TARGET);
    if (!target) {
      this.logger?.warn({ topic: message.topic, partition: message.partition, offset: message.offset }, `retry message without ${HEADER_TARGET} header dropped (not written by Interline?)`);
      return;
    }
    const due = Number(header(message.headers, HEADER_DUE) ?? 0);
    const wait = due - Date.now();
    if (wait > 0) await this.sleep(wait);
    const key = message.key === null || message.key === undefined ? '' : String(message.key);
    const redeliveries = header(message.headers, HEADER_REDELIVERIES) ?? '1';
    await this.republish(target, key, message.value ?? Buffer.alloc(0), { [HEADER_REDELIVERIES]: redeliveries }, `a retried job (${message.topic}@${message.offset})`);
  }

  /** Rejects when the relay stops: the held job stays uncommitted and is relayed again later. */
  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.abort.signal.aborted) return reject(new Error('retry relay stopped'));
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(new Error('retry relay stopped'));
      };
      const timer = setTimeout(() => {
        this.abort.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      this.abort.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop.drain();
  }
}
