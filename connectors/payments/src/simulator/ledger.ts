// The simulator's Stripe account: PaymentIntents, Refunds and Charges as Stripe returns them, the
// side effects each request had (what the contract kit counts) and the events they raised.
import { stripeId } from './api-result';

export interface IntentJson {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  automatic_payment_methods: { enabled: boolean; allow_redirects?: string } | null;
  canceled_at: number | null;
  cancellation_reason: string | null;
  capture_method: string;
  client_secret: string;
  confirmation_method: 'automatic';
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  last_payment_error: Record<string, unknown> | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Record<string, string>;
  next_action: Record<string, unknown> | null;
  payment_method: string | null;
  payment_method_types: string[];
  status: string;
}

export interface RefundJson {
  id: string;
  object: 'refund';
  amount: number;
  balance_transaction: string | null;
  charge: string;
  created: number;
  currency: string;
  failure_reason?: string;
  metadata: Record<string, string>;
  payment_intent: string;
  reason: string | null;
  status: string;
}

/** A state change a request caused: one per executed create, confirm, capture, cancel or refund. */
export interface Effect {
  seq: number;
  operation: string;
  objectId: string;
  idempotencyKey: string | null;
}

/** The request that caused an event, as Stripe reports it in event.request. */
export interface RequestRef {
  id: string | null;
  idempotency_key: string | null;
}

export type EventSink = (type: string, object: IntentJson | RefundJson, request: RequestRef, created: number) => void;

export class StripeLedger {
  readonly intents = new Map<string, IntentJson>();
  readonly refunds = new Map<string, RefundJson>();
  /** The payment method that paid each intent (refunds to some test cards fail). */
  readonly paidWith = new Map<string, string>();
  effects: Effect[] = [];
  /** Added to the wall clock: tests move time forward to make events older or newer. */
  clockOffsetSeconds = 0;

  constructor(private readonly sink: EventSink) {}

  now(): number {
    return Math.floor(Date.now() / 1000) + this.clockOffsetSeconds;
  }

  newId(prefix: 'pi' | 're' | 'ch'): string {
    return stripeId(prefix);
  }

  /** Raise an event with a snapshot of the object as it is now. */
  event(type: string, object: IntentJson | RefundJson, request: RequestRef): void {
    this.sink(type, structuredClone(object), request, this.now());
  }

  effect(operation: string, objectId: string, request: RequestRef): void {
    this.effects.push({ seq: this.effects.length + 1, operation, objectId, idempotencyKey: request.idempotency_key });
  }

  /** Refunded so far (pending or succeeded) against an intent. */
  refundedAmount(intentId: string): number {
    let total = 0;
    for (const refund of this.refunds.values()) {
      if (refund.payment_intent === intentId && (refund.status === 'succeeded' || refund.status === 'pending')) total += refund.amount;
    }
    return total;
  }

  /** GET /v1/balance: collected minus refunded, per currency. */
  balance(): Record<string, unknown> {
    const available = new Map<string, number>();
    for (const intent of this.intents.values()) available.set(intent.currency, (available.get(intent.currency) ?? 0) + intent.amount_received);
    for (const refund of this.refunds.values()) {
      if (refund.status === 'succeeded' || refund.status === 'pending') available.set(refund.currency, (available.get(refund.currency) ?? 0) - refund.amount);
    }
    return {
      object: 'balance',
      available: [...available.entries()].map(([currency, amount]) => ({ amount, currency, source_types: { card: amount } })),
      pending: [],
      livemode: false,
    };
  }

  reset(): void {
    this.intents.clear();
    this.refunds.clear();
    this.paidWith.clear();
    this.effects = [];
    this.clockOffsetSeconds = 0;
  }
}
