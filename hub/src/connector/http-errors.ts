// How an HTTP exchange's outcome maps onto the hub's error classes, shared by HTTP-based connectors.
import { AuthError, PermanentError, TimeoutError, TransientError } from '../errors';
import type { HubError } from '../errors';

/** Status codes a later attempt may cure (RFC 9110 semantics plus common gateway practice). */
const TRANSIENT_STATUSES = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function errorForStatus(
  status: number,
  what: string,
  body: string,
  headers: { get(name: string): string | null },
): HubError {
  const excerpt = body.length > 300 ? `${body.slice(0, 300)}…` : body;
  const details = { status, body: excerpt };
  if (status === 401 || status === 403) {
    return new AuthError(`${what} was refused with HTTP ${status}: check the connector's credentials (${excerpt || 'no body'})`, details);
  }
  if (TRANSIENT_STATUSES.has(status) || status >= 500) {
    return new TransientError(`${what} failed with HTTP ${status}; will retry (${excerpt || 'no body'})`, details, {
      retryAfterMs: parseRetryAfter(headers.get('retry-after')),
    });
  }
  return new PermanentError(`${what} was rejected with HTTP ${status}: ${excerpt || 'no body'}`, details);
}

/** Network-level failures (refused, reset, DNS, abort by our own timeout) are worth a retry. */
export function errorForNetworkFailure(error: unknown, what: string, timedOut: boolean): HubError {
  const reason = error instanceof Error ? (error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message) : String(error);
  if (timedOut) return new TimeoutError(`${what} timed out; will retry`, {}, { cause: error });
  return new TransientError(`${what} could not reach the server (${reason}); will retry`, {}, { cause: error });
}
