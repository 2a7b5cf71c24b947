// What a simulated Stripe endpoint answers, and Stripe's error body:
// {error: {type, code, decline_code, message, param, payment_intent, doc_url}}.
import { randomBytes } from 'node:crypto';

export interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /**
   * Whether the endpoint began executing. Stripe stores the response of such requests under their
   * idempotency key (errors included); a request refused by validation is not stored.
   */
  executed: boolean;
}

export type ErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export interface ErrorFields {
  code?: string;
  decline_code?: string;
  param?: string;
  payment_intent?: unknown;
  payment_method?: unknown;
  charge?: string;
}

export function stripeError(status: number, type: ErrorType, message: string, fields: ErrorFields = {}, options: { executed?: boolean; headers?: Record<string, string> } = {}): ApiResult {
  const error: Record<string, unknown> = { type, message, ...fields };
  if (fields.code) error.doc_url = `https://stripe.com/docs/error-codes/${fields.code.replace(/_/g, '-')}`;
  return { status, body: { error }, executed: options.executed ?? false, headers: options.headers ?? {} };
}

export function invalidRequest(message: string, fields: ErrorFields = {}, executed = false): ApiResult {
  return stripeError(fields.code === 'resource_missing' ? 404 : 400, 'invalid_request_error', message, fields, { executed });
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A Stripe-looking id: prefix + 24 random alphanumerics. */
export function stripeId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${out}`;
}
