// Stripe's failures as the hub's error classes: what may be retried (409, 5xx, 429, lost
// connections, Stripe-Should-Retry: true), what must not (declines, invalid requests,
// Stripe-Should-Retry: false) and what is a credentials problem (401, 403).
import Stripe from 'stripe';
import { AuthError, PermanentError, TimeoutError, TransientError, parseRetryAfter } from '@interline/hub';
import type { HubError } from '@interline/hub';

export interface StripeCall {
  /** What was attempted, e.g. "createPaymentIntent for payment 0195…". */
  what: string;
  /** The hub's attempt number (1 on the first try): drives the 429 back-off. */
  attempt: number;
  rateLimitBackoffMs: number;
}

const MAX_RATE_LIMIT_BACKOFF_MS = 60_000;
const KEY_LIKE = /\b(sk|rk|pk)_(live|test)_[A-Za-z0-9*]+|\bwhsec_[A-Za-z0-9*]+/g;

/** Stripe echoes part of a refused key in its message; nothing key-shaped may reach the journal. */
export function scrubKeys(text: string): string {
  return text.replace(KEY_LIKE, '[redacted key]');
}

/**
 * The back-off after a 429: exponential in the attempt with "equal jitter" (half fixed, half random),
 * so the messages of one storm do not come back in lockstep; never shorter than Retry-After.
 */
export function rateLimitDelayMs(attempt: number, baseMs: number, retryAfterHeader: string | undefined, random: () => number = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), MAX_RATE_LIMIT_BACKOFF_MS);
  const jittered = Math.round(exponential / 2 + (random() * exponential) / 2);
  return Math.max(jittered, parseRetryAfter(retryAfterHeader) ?? 0);
}

function header(error: Stripe.errors.StripeError, name: string): string | undefined {
  const headers = error.headers as Record<string, string | string[] | undefined> | undefined;
  const value = headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Classify anything a `stripe` call threw; non-Stripe errors are returned unchanged. */
export function errorForStripe(error: unknown, call: StripeCall): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  const status = error.statusCode;
  const shouldRetry = header(error, 'stripe-should-retry');
  const message = scrubKeys(error.message || 'no message');
  const details: Record<string, unknown> = { provider: 'stripe', status: status ?? null, stripeType: error.rawType ?? error.type };
  if (error.code) details.code = error.code;
  if (error.decline_code) details.declineCode = error.decline_code;
  if (error.param) details.param = error.param;
  if (error.requestId) details.requestId = error.requestId;
  if (shouldRetry !== undefined) details.stripeShouldRetry = shouldRetry;
  const intentId = (error.payment_intent as { id?: unknown } | undefined)?.id;
  if (typeof intentId === 'string') details.paymentIntentId = intentId;

  if (error instanceof Stripe.errors.StripeConnectionError) {
    if (/timeout/i.test(error.message)) return new TimeoutError(`${call.what}: Stripe did not answer in time (${message}); will retry with the same idempotency key`, details, { cause: error });
    return new TransientError(`${call.what}: could not reach Stripe (${message}); will retry with the same idempotency key`, details, { cause: error });
  }
  if (status === 401) {
    return new AuthError(`${call.what}: Stripe refused the API key (HTTP 401: ${message}); check the connector's secretKey (sk_… or rk_…) and that it belongs to the right account and mode`, details, { cause: error });
  }
  if (status === 403) {
    return new AuthError(`${call.what}: the API key lacks permission (HTTP 403: ${message}); use a key with write access to PaymentIntents and Refunds`, details, { cause: error });
  }
  const classified = byRetryAdvice(error, call, status, shouldRetry, message, details);
  if (classified) return classified;
  return permanent(error, call, status, message, details);
}

function byRetryAdvice(
  error: Stripe.errors.StripeError,
  call: StripeCall,
  status: number | undefined,
  shouldRetry: string | undefined,
  message: string,
  details: Record<string, unknown>,
): HubError | undefined {
  if (shouldRetry === 'false') {
    // Stripe knows a retry would only replay the same outcome (e.g. a stored 500 for this key).
    return new PermanentError(`${call.what}: Stripe answered HTTP ${status ?? '?'} and advises not to retry (Stripe-Should-Retry: false): ${message}`, details, { cause: error });
  }
  if (status === 429) {
    const retryAfterMs = rateLimitDelayMs(call.attempt, call.rateLimitBackoffMs, header(error, 'retry-after'));
    return new TransientError(`${call.what}: Stripe is rate limiting this account (HTTP 429: ${message}); retrying in ${retryAfterMs} ms`, { ...details, retryAfterMs }, { cause: error, retryAfterMs });
  }
  if (shouldRetry === 'true' || status === 409 || (status !== undefined && status >= 500)) {
    return new TransientError(`${call.what}: Stripe answered HTTP ${status ?? '?'} (${message}); will retry with the same idempotency key`, details, { cause: error });
  }
  return undefined;
}

function permanent(error: Stripe.errors.StripeError, call: StripeCall, status: number | undefined, message: string, details: Record<string, unknown>): HubError {
  if (error instanceof Stripe.errors.StripeCardError) {
    const decline = error.decline_code || error.code || 'card_declined';
    return new PermanentError(
      `${call.what}: Stripe declined the payment: ${decline}${error.code && error.code !== decline ? ` (${error.code})` : ''} — ${message}; the PaymentIntent stays open: ask the customer for another payment method and confirm it with confirmPaymentIntent`,
      details,
      { cause: error },
    );
  }
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return new PermanentError(
      `${call.what}: Stripe refused the idempotency key (${message}); the key was first used with other parameters — the message was edited or the mapping changed since the first attempt. Nothing new was charged; send the changed request as a new message`,
      details,
      { cause: error },
    );
  }
  const param = error.param ? ` (parameter ${error.param})` : '';
  return new PermanentError(`${call.what}: Stripe rejected the request with HTTP ${status ?? '?'} ${error.code ?? error.rawType ?? ''}${param}: ${message}`, details, { cause: error });
}
