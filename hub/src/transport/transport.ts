// The Transport contract: how delivery jobs move between the hub's ingress and its workers.
// The journal is the source of truth; a transport only carries "deliver message M on route R".

export interface DeliveryJob {
  messageId: string;
  routeId: string;
  /** Ordering key: jobs with the same key on the same queue are handled one after another. */
  key?: string | undefined;
}

export type HandlerOutcome =
  | { kind: 'ack' }
  /** Hand the job back for another attempt after a delay. */
  | { kind: 'retry'; delayMs: number }
  /** Give the job up to the transport's dead-letter destination. */
  | { kind: 'dead'; reason: string };

export interface ReceivedJob {
  job: DeliveryJob;
  /** How many times the transport delivered this job before (redeliveries after a crash count). */
  redeliveries: number;
}

export type JobHandler = (received: ReceivedJob) => Promise<HandlerOutcome>;

export interface Subscription {
  /** Stop taking new jobs and wait for the handler calls under way to settle. */
  drain(): Promise<void>;
}

export interface Transport {
  readonly name: string;
  /** Whether published jobs survive a crash of this process (memory: no; AMQP/Kafka: yes). */
  readonly durable: boolean;
  connect(): Promise<void>;
  /** Declare one queue per route (idempotent). */
  declareQueues(queues: string[]): Promise<void>;
  publish(queue: string, job: DeliveryJob): Promise<void>;
  subscribe(queue: string, handler: JobHandler, options: { prefetch: number }): Promise<Subscription>;
  /** Jobs given up with outcome 'dead', for transports that keep them (inspection, tests). */
  deadLettered?(queue: string): DeliveryJob[];
  close(): Promise<void>;
}
