// The webhook source's refusals as the hub's RFC 9457 problem documents (with a stable `code` for
// the sender's logs), and Stripe's signature failures turned into a code and a sentence that says what to fix.
import { problem as problemDocument } from '@interline/hub';
import type { WebhookResponse } from '@interline/hub';

const TITLES: Record<number, string> = { 400: 'Bad Request', 405: 'Method Not Allowed', 413: 'Content Too Large', 503: 'Service Unavailable' };

export function problem(status: number, code: string, detail: string, headers: Record<string, string> = {}): WebhookResponse {
  return {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: problemDocument(status, TITLES[status] ?? 'Error', detail, { code }),
  };
}

/** Stripe's StripeSignatureVerificationError message → a stable code and an actionable detail. */
export function signatureProblem(message: string, toleranceSeconds: number): { code: string; detail: string } {
  if (/No stripe-signature header/i.test(message)) return { code: 'signature-missing', detail: 'the Stripe-Signature header is missing' };
  if (/No webhook payload/i.test(message)) return { code: 'empty-body', detail: 'the body is empty; Stripe always sends the event as JSON' };
  if (/tolerance/i.test(message)) {
    return { code: 'signature-stale', detail: `the Stripe-Signature timestamp is more than ${toleranceSeconds} s old: a replayed request, or a clock out of sync (check NTP)` };
  }
  if (/matching the expected signature/i.test(message)) {
    return {
      code: 'signature-mismatch',
      detail: "the Stripe-Signature does not match the body: check that webhookSecret is this endpoint's signing secret and that nothing re-encodes the body on the way",
    };
  }
  return { code: 'signature-malformed', detail: 'the Stripe-Signature header is not "t=<unix seconds>,v1=<hex>"' };
}
