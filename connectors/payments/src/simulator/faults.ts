// Injected faults answered in Stripe's shape: transient → a 5xx api_error (Stripe-Should-Retry: true
// when nothing ran), a 429 rate_limit or a 409 lock timeout; permanent → a 400 refusal, a 402 decline
// or a 5xx with Stripe-Should-Retry: false; auth → 401. Timeouts and resets use the shared helper.
import type { ServerResponse } from 'node:http';
import { applyHttpFault, sendJson } from '@interline/hub';
import type { Fault } from '@interline/hub';
import { stripeError } from './api-result';
import type { ApiResult } from './api-result';

/** Stripe's 429 for an account sending too fast. */
export function rateLimited(): ApiResult {
  return stripeError(429, 'invalid_request_error', 'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.', { code: 'rate_limit' }, { headers: { 'stripe-should-retry': 'true' } });
}

function faultResult(fault: Fault, phase: 'before' | 'after'): ApiResult | undefined {
  const note = ' (fault injected through /__sim/faults)';
  switch (fault.kind) {
    case 'transient': {
      const status = fault.status ?? (phase === 'after' ? 503 : 500);
      if (status === 429) return rateLimited();
      if (status === 409) return stripeError(409, 'invalid_request_error', `This object cannot be accessed right now because another API request or Stripe process is currently accessing it.${note}`, { code: 'lock_timeout' }, { headers: { 'stripe-should-retry': 'true' } });
      // After the effect the answer is lost on the way (a gateway error), so Stripe gives no advice.
      const headers: Record<string, string> = phase === 'before' ? { 'stripe-should-retry': 'true' } : {};
      return stripeError(status, 'api_error', `An unknown error occurred${note}`, {}, { headers });
    }
    case 'permanent': {
      const status = fault.status ?? 400;
      if (status === 402) return stripeError(402, 'card_error', `Your card was declined.${note}`, { code: 'card_declined', decline_code: 'generic_decline' });
      // A stored server error: Stripe replays it for the key and advises against retrying.
      if (status >= 500) return stripeError(status, 'api_error', `An error occurred while processing this request; retrying with this key replays it${note}`, {}, { headers: { 'stripe-should-retry': 'false' } });
      return stripeError(status, 'invalid_request_error', `Invalid request${note}`, { code: 'parameter_invalid' });
    }
    case 'auth':
      return stripeError(fault.status ?? 401, 'invalid_request_error', `Invalid API Key provided: sk_test_********************0000${note}`);
    default:
      return undefined;
  }
}

/** Answer with the fault; returns the status sent, or null when the socket was dropped or held. */
export async function applyStripeFault(fault: Fault, phase: 'before' | 'after', response: ServerResponse, headers: Record<string, string>): Promise<number | null> {
  const result = faultResult(fault, phase);
  if (result) {
    sendJson(response, result.status, result.body, { ...headers, ...result.headers });
    return result.status;
  }
  await applyHttpFault(fault, response);
  return response.headersSent ? response.statusCode : null;
}
