// Stripe's idempotency layer: the first executed response for a key is stored and replayed for the
// same parameters (Idempotent-Replayed: true); other parameters are an idempotency_error; a key in
// use by a request still running is a 409; keys are forgotten after 24 hours.
import { createHash } from 'node:crypto';
import { stripeError } from './api-result';
import type { ApiResult } from './api-result';

export const MAX_KEY_LENGTH = 255;
const RETENTION_MS = 24 * 60 * 60 * 1000;

interface Stored {
  fingerprint: string;
  result: ApiResult;
  storedAt: number;
}

export type Admission = { kind: 'run' } | { kind: 'answer'; result: ApiResult; replayed: boolean };

/** The request's identity for idempotency: method, path and the decoded parameters in key order. */
export function fingerprint(method: string, path: string, params: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n`).update(stableJson(params)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export class IdempotencyStore {
  private readonly stored = new Map<string, Stored>();
  private readonly running = new Set<string>();

  /** Decide what a keyed request gets: run it, or an answer (replay, mismatch, in use). */
  admit(key: string, print: string, now = Date.now()): Admission {
    if (key.length > MAX_KEY_LENGTH) {
      return { kind: 'answer', replayed: false, result: stripeError(400, 'invalid_request_error', `Keys for idempotent requests can only be up to ${MAX_KEY_LENGTH} characters long.`, { param: 'Idempotency-Key' }) };
    }
    const previous = this.stored.get(key);
    if (previous && now - previous.storedAt > RETENTION_MS) this.stored.delete(key);
    else if (previous) {
      if (previous.fingerprint !== print) {
        return {
          kind: 'answer',
          replayed: false,
          result: stripeError(
            400,
            'idempotency_error',
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          ),
        };
      }
      return { kind: 'answer', replayed: true, result: previous.result };
    }
    if (this.running.has(key)) {
      return {
        kind: 'answer',
        replayed: false,
        result: stripeError(409, 'idempotency_error', 'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ' + `${key}. Please try again later.`, { code: 'idempotency_key_in_use' }, { headers: { 'stripe-should-retry': 'true' } }),
      };
    }
    this.running.add(key);
    return { kind: 'run' };
  }

  /** The request ended: its response is kept when the endpoint executed, and the key is free again. */
  finish(key: string, print: string, result: ApiResult, now = Date.now()): void {
    this.running.delete(key);
    if (result.executed) this.stored.set(key, { fingerprint: print, result, storedAt: now });
  }

  get size(): number {
    return this.stored.size;
  }

  reset(): void {
    this.stored.clear();
    this.running.clear();
  }
}
