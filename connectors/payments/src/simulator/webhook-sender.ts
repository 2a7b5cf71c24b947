// Stripe's side of webhooks: every event is kept, and delivered to the configured endpoint as a
// JSON POST signed with Stripe-Signature (t=<unix>,v1=<HMAC-SHA256(secret, "t.body")>), retried with
// exponential back-off until a 2xx or the attempts run out.
import { createHmac } from 'node:crypto';
import { stripeId } from './api-result';
import type { IntentJson, RefundJson, RequestRef } from './ledger';

export interface StripeEventJson {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: IntentJson | RefundJson };
  livemode: false;
  pending_webhooks: number;
  request: RequestRef;
  type: string;
}

export interface WebhookSettings {
  /** Where events are POSTed; null keeps them without delivering (they can be sent on demand). */
  url: string | null;
  secret: string;
  /** Deliver each event as it happens; false holds them until POST /__sim/events/<id>/deliver. */
  autoDeliver: boolean;
  maxAttempts: number;
  retryBaseMs: number;
}

export interface DeliveryAttempt {
  eventId: string;
  type: string;
  attempt: number;
  at: string;
  status: number | null;
  error: string | null;
}

/** Stripe-Signature for a body: HMAC-SHA256 over "<t>.<body>" with the endpoint's secret. */
export function signPayload(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export class WebhookSender {
  readonly events: StripeEventJson[] = [];
  attempts: DeliveryAttempt[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    public settings: WebhookSettings,
    private readonly apiVersion: () => string,
  ) {}

  /** Record an event and, when configured, deliver it in the background. */
  record(type: string, object: IntentJson | RefundJson, request: RequestRef, created: number): StripeEventJson {
    const event: StripeEventJson = { id: stripeId('evt'), object: 'event', api_version: this.apiVersion(), created, data: { object }, livemode: false, pending_webhooks: this.settings.url ? 1 : 0, request, type };
    this.events.push(event);
    if (this.settings.url && this.settings.autoDeliver) this.later(() => this.deliver(event, 1), 0);
    return event;
  }

  find(eventId: string): StripeEventJson | undefined {
    return this.events.find((event) => event.id === eventId);
  }

  /** POST one event now; a failed attempt is retried with back-off when `retry` holds. */
  async deliver(event: StripeEventJson, attempt: number, retry = true): Promise<DeliveryAttempt> {
    const url = this.settings.url;
    const record: DeliveryAttempt = { eventId: event.id, type: event.type, attempt, at: new Date().toISOString(), status: null, error: null };
    this.attempts.push(record);
    if (url === null) {
      record.error = 'no webhook endpoint is configured; set one with POST /__sim/config {"webhook":{"url":…}}';
      return record;
    }
    // Stripe sends pretty-printed JSON; the signature covers these exact bytes.
    const body = JSON.stringify(event, null, 2);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)', 'stripe-signature': signPayload(this.settings.secret, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      record.status = response.status;
      await response.arrayBuffer();
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    }
    const delivered = record.status !== null && record.status >= 200 && record.status < 300;
    if (retry && !delivered && attempt < this.settings.maxAttempts) this.later(() => this.deliver(event, attempt + 1), this.settings.retryBaseMs * 2 ** (attempt - 1));
    return record;
  }

  private later(work: () => Promise<unknown>, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) void work().catch(() => undefined);
    }, delayMs);
    this.timers.add(timer);
  }

  reset(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.events.length = 0;
    this.attempts = [];
  }

  stop(): void {
    this.stopped = true;
    this.reset();
  }
}
