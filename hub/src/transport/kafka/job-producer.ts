// The idempotent producer: many produce calls in flight, each publish resolved by its own delivery
// report, at most `window` unconfirmed at a time (backpressure); librdkafka batches and retries.
import { ConfigError, TransientError } from '../../errors';
import type { Logger } from '../../observability/logger';
import type { KafkaSettings } from './kafka-config';
import { RDKAFKA_CODES } from './rdkafka-types';
import type { MessageHeader, RdkafkaConfig, RdkafkaError, RdkafkaModule, RdkafkaProducer } from './rdkafka-types';

/** How long librdkafka keeps trying to deliver one message (through broker restarts) before reporting failure. */
const MESSAGE_TIMEOUT_MS = 30_000;

export function clientConfig(settings: KafkaSettings): RdkafkaConfig {
  return { 'metadata.broker.list': settings.brokers, 'client.id': settings.clientId, 'socket.keepalive.enable': true, ...settings.librdkafka };
}

export function logClientErrors(client: { on(event: 'event.error', listener: (error: RdkafkaError) => void): unknown }, what: string, logger?: Logger): void {
  client.on('event.error', (error) => {
    // librdkafka reconnects to brokers by itself; a fatal error (idempotence state lost) does not heal.
    if (error.isFatal) logger?.error({ err: error.message, code: error.code }, `Kafka ${what} hit a fatal error; restart this worker`);
    else logger?.warn({ err: error.message, code: error.code }, `Kafka ${what} error; librdkafka keeps reconnecting`);
  });
}

interface Pending {
  resolve(): void;
  reject(error: Error): void;
  what: string;
}

export class JobProducer {
  private producer?: RdkafkaProducer;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly waiters: Array<() => void> = [];
  private closing = false;

  constructor(
    private readonly kafka: RdkafkaModule,
    private readonly settings: KafkaSettings,
    private readonly window: number,
    private readonly logger?: Logger,
  ) {}

  async connect(): Promise<void> {
    const producer = new this.kafka.Producer({
      ...clientConfig(this.settings),
      'enable.idempotence': true,
      dr_cb: true,
      'linger.ms': 5,
      'message.timeout.ms': MESSAGE_TIMEOUT_MS,
      // The Java client's partitioner, so other producers of these topics agree on key → partition.
      partitioner: 'murmur2_random',
      ...this.settings.librdkafka,
    });
    producer.on('delivery-report', (error, report) => this.settle(report.opaque, error));
    logClientErrors(producer, 'producer', this.logger);
    await new Promise<void>((resolve, reject) =>
      producer.connect({ timeout: 10_000 }, (error) =>
        error ? reject(new ConfigError(`cannot reach Kafka at ${this.settings.brokers}: ${error.message}; check INTERLINE_TRANSPORT and that the brokers run`)) : resolve(),
      ),
    );
    // Delivery reports arrive through polling; 10 ms keeps confirm latency low without a busy loop.
    producer.setPollInterval(10);
    this.producer = producer;
  }

  /** Resolves when the broker has the message (acks=all, idempotent), rejects with a TransientError otherwise. */
  async send(topic: string, key: string, value: Buffer, headers: Record<string, string>, what: string): Promise<void> {
    const producer = this.producer;
    if (!producer || this.closing) throw new TransientError(`Kafka producer is ${this.closing ? 'closing' : 'not connected'}; cannot publish ${what} to ${topic}`);
    while (this.pending.size >= this.window) await new Promise<void>((resolve) => this.waiters.push(resolve));
    const id = this.nextId++;
    const delivered = new Promise<void>((resolve, reject) => this.pending.set(id, { resolve, reject, what }));
    const headerList: MessageHeader[] = Object.entries(headers).map(([name, text]) => ({ [name]: text }));
    for (;;) {
      try {
        producer.produce(topic, null, value, key, null, id, headerList);
        break;
      } catch (error) {
        const code = (error as { code?: number }).code;
        if (code === RDKAFKA_CODES.QUEUE_FULL && !this.closing) {
          // librdkafka's local queue is full: wait for delivery reports to make room.
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        this.settle(id, error as RdkafkaError);
        break;
      }
    }
    return delivered;
  }

  private settle(opaque: unknown, error: RdkafkaError | null): void {
    const id = typeof opaque === 'number' ? opaque : -1;
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    this.waiters.shift()?.();
    if (error) entry.reject(new TransientError(`Kafka did not take ${entry.what}: ${error.message}`, { code: error.code }));
    else entry.resolve();
  }

  async close(): Promise<void> {
    const producer = this.producer;
    if (!producer) return;
    this.closing = true;
    // Everything already produced gets its delivery report before the connection goes.
    await new Promise<void>((resolve) => producer.flush(MESSAGE_TIMEOUT_MS, () => resolve()));
    for (const [id] of this.pending) this.settle(id, Object.assign(new Error('the producer closed before the broker confirmed'), { code: RDKAFKA_CODES.TIMED_OUT }));
    for (const wake of this.waiters.splice(0)) wake();
    await new Promise<void>((resolve) => producer.disconnect(() => resolve()));
    this.producer = undefined;
  }
}
