// The parts of Stripe's PaymentIntent and Refund objects the connector reads, checked by hand so a
// malformed object (a webhook from another API version, a hand-made test) fails naming the field.
import { MalformedInputError } from '@interline/hub';

export interface StripeErrorLike {
  type?: string;
  code?: string;
  decline_code?: string;
  message?: string;
}

export interface StripeIntentLike {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  amount_capturable: number;
  currency: string;
  status: string;
  capture_method: string;
  created: number;
  metadata: Record<string, string>;
  customer?: string | { id: string } | null;
  latest_charge?: string | { id: string } | null;
  payment_method_types?: string[];
  description?: string | null;
  last_payment_error?: StripeErrorLike | null;
  cancellation_reason?: string | null;
}

export interface StripeRefundLike {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  status: string;
  created: number;
  metadata: Record<string, string>;
  payment_intent?: string | { id: string } | null;
  reason?: string | null;
  failure_reason?: string | null;
}

function fail(what: string, problem: string): never {
  throw new MalformedInputError(`${what}: ${problem}`);
}

function requireFields(value: unknown, what: string, fields: Record<string, 'string' | 'number'>): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(what, 'is not an object');
  const record = value as Record<string, unknown>;
  for (const [field, type] of Object.entries(fields)) {
    if (typeof record[field] !== type) fail(what, `field "${field}" must be a ${type}, got ${record[field] === null ? 'null' : typeof record[field]}`);
  }
  if (record.metadata !== undefined && (typeof record.metadata !== 'object' || record.metadata === null)) fail(what, 'field "metadata" must be an object');
  return record;
}

export function asIntent(value: unknown, what = 'Stripe PaymentIntent'): StripeIntentLike {
  const record = requireFields(value, what, { id: 'string', object: 'string', amount: 'number', currency: 'string', status: 'string', created: 'number' });
  if (record.object !== 'payment_intent') fail(what, `object is "${String(record.object)}", expected "payment_intent"`);
  return { amount_received: 0, amount_capturable: 0, capture_method: 'automatic', metadata: {}, ...record } as StripeIntentLike;
}

export function asRefund(value: unknown, what = 'Stripe Refund'): StripeRefundLike {
  const record = requireFields(value, what, { id: 'string', object: 'string', amount: 'number', currency: 'string', status: 'string', created: 'number' });
  if (record.object !== 'refund') fail(what, `object is "${String(record.object)}", expected "refund"`);
  return { metadata: {}, ...record } as StripeRefundLike;
}

/** An expandable Stripe reference: the id string, or the expanded object's id. */
export function refId(value: string | { id: string } | null | undefined): string | undefined {
  if (typeof value === 'string') return value;
  return value && typeof value.id === 'string' ? value.id : undefined;
}

/** Unix seconds → RFC 3339. */
export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
