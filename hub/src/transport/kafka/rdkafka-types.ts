// The slice of node-rdkafka's API this transport uses, declared locally so the hub type-checks
// without the package (it is optional and builds librdkafka natively). The lazily required module is
// cast to `RdkafkaModule`; nothing here shadows the package's own typings when it is installed.

/** librdkafka configuration properties, passed through as they are (`metadata.broker.list`, …). */
export type RdkafkaConfig = Record<string, string | number | boolean | ((...args: never[]) => void)>;

export interface RdkafkaError extends Error {
  code: number;
  /** librdkafka marks errors after which the client cannot continue (idempotent producer state). */
  isFatal?: boolean;
}

export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface TopicPartitionOffset extends TopicPartition {
  /** For commits: the next offset to read (the last handled offset + 1). */
  offset: number;
}

/** Header values arrive as Buffers; we send strings. */
export type MessageHeader = Record<string, string | Buffer>;

export interface ConsumedMessage extends TopicPartitionOffset {
  value: Buffer | null;
  key?: Buffer | string | null;
  headers?: MessageHeader[];
}

export interface DeliveryReport extends TopicPartitionOffset {
  opaque?: unknown;
}

export interface RdkafkaProducer {
  on(event: 'delivery-report', listener: (error: RdkafkaError | null, report: DeliveryReport) => void): this;
  on(event: 'event.error', listener: (error: RdkafkaError) => void): this;
  connect(options: { timeout?: number }, callback: (error: RdkafkaError | null) => void): this;
  /** Throws synchronously, e.g. ERR__QUEUE_FULL when librdkafka's local queue is full. */
  produce(topic: string, partition: number | null, value: Buffer, key: string | null, timestamp: number | null, opaque: unknown, headers: MessageHeader[]): unknown;
  setPollInterval(intervalMs: number): this;
  flush(timeoutMs: number, callback: (error: RdkafkaError | null) => void): this;
  disconnect(callback: (error: unknown) => void): this;
}

export interface RdkafkaConsumer {
  on(event: 'event.error', listener: (error: RdkafkaError) => void): this;
  connect(options: { timeout?: number }, callback: (error: RdkafkaError | null) => void): this;
  subscribe(topics: string[]): this;
  consume(count: number, callback: (error: RdkafkaError | null, messages: ConsumedMessage[]) => void): void;
  setDefaultConsumeTimeout(timeoutMs: number): void;
  assign(assignment: TopicPartition[]): this;
  unassign(): this;
  pause(partitions: TopicPartition[]): unknown;
  resume(partitions: TopicPartition[]): unknown;
  commit(offsets: TopicPartitionOffset[]): this;
  commitSync(offsets: TopicPartitionOffset[]): this;
  unsubscribe(): this;
  disconnect(callback: (error: unknown) => void): this;
}

export interface RdkafkaAdminClient {
  createTopic(topic: { topic: string; num_partitions: number; replication_factor: number; config?: Record<string, string> }, timeoutMs: number, callback: (error: RdkafkaError | null) => void): void;
  deleteTopic(topic: string, timeoutMs: number, callback: (error: RdkafkaError | null) => void): void;
  disconnect(): void;
}

export interface RdkafkaModule {
  Producer: new (global: RdkafkaConfig, topic?: RdkafkaConfig) => RdkafkaProducer;
  KafkaConsumer: new (global: RdkafkaConfig, topic?: RdkafkaConfig) => RdkafkaConsumer;
  AdminClient: { create(config: RdkafkaConfig): RdkafkaAdminClient };
  librdkafkaVersion?: string;
}

/** librdkafka error codes this transport acts on (stable across versions; see rdkafka.h). */
export const RDKAFKA_CODES = {
  QUEUE_FULL: -184,
  TIMED_OUT: -185,
  ASSIGN_PARTITIONS: -175,
  REVOKE_PARTITIONS: -174,
  TOPIC_ALREADY_EXISTS: 36,
} as const;
