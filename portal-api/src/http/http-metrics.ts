// Request counts and latency per route template and status, for /metrics (Prometheus).
import { Counter, Histogram, Registry } from 'prom-client';

export class PortalMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly duration: Histogram<'method' | 'route'>;
  readonly outboxPublished: Counter<'outcome'>;
  readonly sagaTransitions: Counter<'step' | 'outcome'>;
  readonly bookingBatchSize: Histogram;
  readonly bookingBatchFallbacks: Counter;

  constructor() {
    const registers = [this.registry];
    this.requests = new Counter({ name: 'portal_http_requests_total', help: 'HTTP requests by method, route template and status', labelNames: ['method', 'route', 'status'], registers });
    this.duration = new Histogram({
      name: 'portal_http_request_duration_seconds',
      help: 'HTTP request latency by method and route template',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.outboxPublished = new Counter({ name: 'portal_outbox_published_total', help: 'Outbox events handed to the hub, by ingress outcome', labelNames: ['outcome'], registers });
    this.sagaTransitions = new Counter({ name: 'portal_booking_saga_transitions_total', help: 'Booking saga steps finished, by step and outcome', labelNames: ['step', 'outcome'], registers });
    this.bookingBatchSize = new Histogram({ name: 'portal_booking_batch_size', help: 'Booking requests written per group-committed transaction', buckets: [1, 2, 4, 8, 16, 32, 64], registers });
    this.bookingBatchFallbacks = new Counter({ name: 'portal_booking_batch_fallbacks_total', help: 'Booking batches that failed as a whole and were written request by request', registers });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.duration.observe({ method, route }, seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
