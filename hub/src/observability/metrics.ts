// Prometheus metrics of one hub instance (own registry, so several hubs in one test process never clash).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class HubMetrics {
  readonly registry = new Registry();
  readonly messagesReceived: Counter<'type' | 'outcome'>;
  readonly deliveries: Counter<'route' | 'connector' | 'outcome'>;
  readonly retries: Counter<'route' | 'connector' | 'error_class'>;
  readonly deliveryDuration: Histogram<'route'>;
  readonly circuitState: Gauge<'connector'>;
  readonly deadLetters: Gauge;
  readonly inFlight: Gauge<'route'>;

  constructor(options: { defaultMetrics?: boolean; deadLetterCount?: () => Promise<number> } = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'interline_' });
    this.messagesReceived = new Counter({ name: 'interline_messages_received_total', help: 'Messages accepted or rejected at ingress', labelNames: ['type', 'outcome'], registers });
    this.deliveries = new Counter({ name: 'interline_deliveries_total', help: 'Finished deliveries by route, connector and outcome (delivered, filtered, dead)', labelNames: ['route', 'connector', 'outcome'], registers });
    this.retries = new Counter({ name: 'interline_retries_total', help: 'Delivery attempts that failed and were scheduled again', labelNames: ['route', 'connector', 'error_class'], registers });
    this.deliveryDuration = new Histogram({
      name: 'interline_delivery_duration_seconds',
      help: 'Time from receipt to the end of a delivery',
      labelNames: ['route'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    this.circuitState = new Gauge({ name: 'interline_circuit_state', help: 'Circuit per connector: 0 closed, 1 half-open, 2 open', labelNames: ['connector'], registers });
    this.inFlight = new Gauge({ name: 'interline_deliveries_in_flight', help: 'Deliveries running now', labelNames: ['route'], registers });
    const deadLetterCount = options.deadLetterCount;
    this.deadLetters = new Gauge({
      name: 'interline_dead_letters',
      help: 'Deliveries in the dead-letter store',
      registers,
      async collect() {
        if (deadLetterCount) this.set(await deadLetterCount());
      },
    });
  }

  async render(): Promise<string> {
    return this.registry.metrics();
  }
}

export const CIRCUIT_STATE_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;
