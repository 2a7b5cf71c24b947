// Exponential backoff with full jitter, bounded by attempts, a maximum delay and a maximum age.

export interface RetryPolicy {
  /** Total attempts including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A message older than this (since it was received) is dead-lettered instead of retried. */
  maxAgeMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 6,
  baseDelayMs: 200,
  maxDelayMs: 30_000,
  maxAgeMs: 24 * 60 * 60 * 1000,
};

/**
 * Delay before attempt `attempt + 1` after `attempt` failures. Full jitter (uniform in [0, cap])
 * spreads retries of many failed messages so a recovering partner is not hit in lockstep.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const cap = Math.min(policy.maxDelayMs, exponential);
  return Math.floor(random() * cap);
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

export function decideRetry(
  policy: RetryPolicy,
  input: { attempt: number; receivedAt: number; now: number; retryAfterMs?: number | undefined },
  random?: () => number,
): RetryDecision {
  if (input.attempt >= policy.attempts) {
    return { retry: false, reason: `gave up after ${input.attempt} attempts (route retry.attempts = ${policy.attempts})` };
  }
  let delayMs = backoffDelay(policy, input.attempt, random);
  if (input.retryAfterMs !== undefined) delayMs = Math.max(delayMs, Math.min(input.retryAfterMs, policy.maxDelayMs));
  if (input.now + delayMs - input.receivedAt > policy.maxAgeMs) {
    return { retry: false, reason: `message older than the route's retry.maxAge (${policy.maxAgeMs} ms)` };
  }
  return { retry: true, delayMs };
}
