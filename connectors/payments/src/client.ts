// The Stripe client the operations and the webhook source share: one `stripe` instance pinned to
// the API version, pointed at Stripe or the simulator, with no retries of its own (the hub owns
// retries) and every failure classified. The secret key and webhook secret live in private fields.
import { createHash } from 'node:crypto';
import Stripe from 'stripe';
import { ConfigError } from '@interline/hub';
import type { HealthResult, Logger } from '@interline/hub';
import {
  DEFAULT_API_BASE,
  DEFAULT_RATE_LIMIT_BACKOFF_MS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_WEBHOOK_MEMORY,
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  STRIPE_API_VERSION,
} from './config';
import type { PaymentsConfig } from './config';
import { errorForStripe } from './stripe-errors';

/** Stripe refuses idempotency keys longer than this. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** What a call is, for error messages and the 429 back-off. */
export interface CallInfo {
  what: string;
  attempt: number;
  /** Sent as Idempotency-Key on POSTs. */
  idempotencyKey?: string;
}

/**
 * The hub's step key (message id + route + step) as a Stripe idempotency key: unchanged when it
 * fits, else a digest of it, so it is still the same on every redelivery.
 */
export function stripeIdempotencyKey(stepKey: string): string {
  if (stepKey.length <= MAX_IDEMPOTENCY_KEY_LENGTH) return stepKey;
  return `interline-sha256-${createHash('sha256').update(stepKey).digest('hex')}`;
}

export class PaymentsClient {
  readonly apiBase: URL;
  readonly webhookToleranceSeconds: number;
  readonly webhookMemory: number;
  readonly rateLimitBackoffMs: number;
  readonly #stripe: Stripe;
  readonly #webhookSecret: string | undefined;
  readonly #logger: Logger | undefined;

  constructor(config: PaymentsConfig, options: { logger?: Logger } = {}) {
    this.apiBase = new URL(config.apiBase ?? DEFAULT_API_BASE);
    if (this.apiBase.protocol !== 'https:' && this.apiBase.protocol !== 'http:') {
      throw new ConfigError(`payments connector apiBase ${this.apiBase.origin} must be http:// or https://`);
    }
    if (config.secretKey.includes('_live_') && this.apiBase.protocol === 'http:') {
      // A live key must never travel in clear text, whatever apiBase says.
      throw new ConfigError('payments connector: a live secretKey is configured with an http:// apiBase; use https://api.stripe.com');
    }
    this.webhookToleranceSeconds = config.webhookToleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
    this.webhookMemory = config.webhookMemory ?? DEFAULT_WEBHOOK_MEMORY;
    this.rateLimitBackoffMs = config.rateLimitBackoffMs ?? DEFAULT_RATE_LIMIT_BACKOFF_MS;
    this.#webhookSecret = config.webhookSecret;
    this.#logger = options.logger;
    const defaultPort = this.apiBase.protocol === 'https:' ? 443 : 80;
    this.#stripe = new Stripe(config.secretKey, {
      apiVersion: STRIPE_API_VERSION,
      host: this.apiBase.hostname,
      port: this.apiBase.port === '' ? defaultPort : Number(this.apiBase.port),
      protocol: this.apiBase.protocol === 'https:' ? 'https' : 'http',
      maxNetworkRetries: 0,
      timeout: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      telemetry: false,
      appInfo: { name: 'Interline payments connector', version: '1.0.0' },
    });
  }

  /** The `stripe` instance, for operations. Calls should go through `call` to be classified. */
  get stripe(): Stripe {
    return this.#stripe;
  }

  /** Whether webhooks can be verified (a webhookSecret is configured). */
  get verifiesWebhooks(): boolean {
    return this.#webhookSecret !== undefined;
  }

  /** Request options for one call: its idempotency key, nothing else. */
  options(info: CallInfo): Stripe.RequestOptions {
    return info.idempotencyKey === undefined ? {} : { idempotencyKey: stripeIdempotencyKey(info.idempotencyKey) };
  }

  /** Run a Stripe call, log its outcome (never its parameters) and classify its failure. */
  async call<T>(info: CallInfo, run: (stripe: Stripe, options: Stripe.RequestOptions) => Promise<T>): Promise<T> {
    const started = performance.now();
    const options = this.options(info);
    try {
      const result = await run(this.#stripe, options);
      const replayed = replayedHeader(result);
      this.#logger?.debug({ call: info.what, attempt: info.attempt, idempotencyKey: options.idempotencyKey, replayed, durationMs: Math.round(performance.now() - started) }, 'stripe call');
      return result;
    } catch (error) {
      const classified = errorForStripe(error, { what: info.what, attempt: info.attempt, rateLimitBackoffMs: this.rateLimitBackoffMs });
      this.#logger?.debug({ call: info.what, attempt: info.attempt, idempotencyKey: options.idempotencyKey, durationMs: Math.round(performance.now() - started) }, 'stripe call failed');
      throw classified;
    }
  }

  /**
   * Verify a webhook's Stripe-Signature over the raw body and parse the event; throws Stripe's
   * StripeSignatureVerificationError when the signature, body or timestamp is wrong.
   */
  verifyWebhook(rawBody: Buffer, signature: string): Stripe.Event {
    if (this.#webhookSecret === undefined) throw new ConfigError('payments connector has no webhookSecret; set it to the endpoint\'s signing secret (whsec_…) to accept webhooks');
    return this.#stripe.webhooks.constructEvent(rawBody, signature, this.#webhookSecret, this.webhookToleranceSeconds);
  }

  /** GET /v1/balance: the cheapest authenticated read, proving the key and the network path. */
  async health(): Promise<HealthResult> {
    const started = performance.now();
    try {
      await this.call({ what: 'health check (GET /v1/balance)', attempt: 1 }, (stripe) => stripe.balance.retrieve());
      return { status: 'up', latencyMs: Math.round(performance.now() - started), detail: `Stripe API ${this.apiBase.origin}, version ${STRIPE_API_VERSION}` };
    } catch (error) {
      return { status: 'down', latencyMs: Math.round(performance.now() - started), detail: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** Whether Stripe answered from its idempotency store (Idempotent-Replayed: true). */
export function replayedHeader(result: unknown): boolean {
  const response = (result as { lastResponse?: { headers?: Record<string, string> } } | null)?.lastResponse;
  return response?.headers?.['idempotent-replayed'] === 'true';
}
