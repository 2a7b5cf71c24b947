// The inbound webhook signature scheme: X-Interline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>
// over "<t>.<raw body>". Verification is constant-time and rejects timestamps outside the tolerance.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-interline-signature';
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureProblem = 'missing-header' | 'bad-format' | 'mismatch' | 'stale-timestamp';

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; problem: SignatureProblem; detail: string };

function hmacHex(secret: string, timestamp: number, rawBody: Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The header value a sender puts on a request; senders and tests use it, the source checks it. */
export function signWebhookPayload(secret: string, rawBody: Buffer | string, timestamp = Math.floor(Date.now() / 1000)): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

/**
 * Check a signature header against the exact body bytes. Several v1 entries are allowed (a sender
 * rotating secrets signs with both); one match is enough. The signature is checked before the
 * timestamp so "stale" is only reported for a genuine but old (replayed) request.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | string[] | undefined,
  rawBody: Buffer,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  if (header === undefined || header === '') {
    return { ok: false, problem: 'missing-header', detail: 'the X-Interline-Signature header is missing; sign the request with the shared webhookSecret' };
  }
  if (Array.isArray(header)) {
    return { ok: false, problem: 'bad-format', detail: `expected one X-Interline-Signature header, got ${header.length}` };
  }
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (rest.length > 0 || value === undefined) continue;
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-fA-F]{64}$/.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === undefined || signatures.length === 0) {
    return {
      ok: false,
      problem: 'bad-format',
      detail: 'X-Interline-Signature must look like "t=<unix seconds>,v1=<64 hex digits>"',
    };
  }
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'hex');
  // Check every candidate so the time taken does not depend on which one matched.
  let matched = false;
  for (const signature of signatures) {
    if (timingSafeEqual(expected, Buffer.from(signature, 'hex'))) matched = true;
  }
  if (!matched) {
    return { ok: false, problem: 'mismatch', detail: 'the signature does not match the body; check that the sender uses the same webhookSecret and signs the exact raw body' };
  }
  const skew = nowSeconds - timestamp;
  if (Math.abs(skew) > toleranceSeconds) {
    return {
      ok: false,
      problem: 'stale-timestamp',
      detail: `the signature timestamp ${timestamp} is ${Math.abs(skew)} s ${skew > 0 ? 'old' : 'in the future'}; at most ${toleranceSeconds} s is accepted (replayed request or clock skew)`,
    };
  }
  return { ok: true, timestamp };
}
