// One circuit breaker per connector: when a partner is unwell the hub stops calling it for a
// cool-down, then lets a trial call through before closing again. "Unwell" is judged on a rolling
// window: once enough calls were made, by the share that failed (a partner failing 30 % of calls
// is slow, not down, and is better served by retries than by an open circuit); with few calls, by
// consecutive failures (a partner that is simply down, at low volume).

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive transient failures that open the circuit while the window holds fewer than minimumCalls. */
  failureThreshold: number;
  /** How long the circuit stays open before a trial call is allowed. */
  cooldownMs: number;
  /** Share of failed calls (0–1) in the window that opens the circuit, once the window holds minimumCalls. */
  failureRatio?: number;
  /** Calls in the window before the ratio decides. */
  minimumCalls?: number;
  /** Length of the rolling window. */
  windowMs?: number;
}

export const DEFAULT_CIRCUIT_OPTIONS: CircuitBreakerOptions = { failureThreshold: 5, cooldownMs: 5_000, failureRatio: 0.5, minimumCalls: 20, windowMs: 10_000 };

/** The window is kept in this many buckets; old buckets fall out as time passes. */
const BUCKETS = 10;

interface Bucket {
  start: number;
  calls: number;
  failures: number;
}

export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private consecutive = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private buckets: Bucket[] = [];
  private readonly ratio: number;
  private readonly minimumCalls: number;
  private readonly bucketMs: number;

  constructor(
    readonly name: string,
    private readonly options: CircuitBreakerOptions = DEFAULT_CIRCUIT_OPTIONS,
    private readonly now: () => number = Date.now,
    private readonly onChange?: (state: CircuitState) => void,
  ) {
    this.ratio = options.failureRatio ?? DEFAULT_CIRCUIT_OPTIONS.failureRatio ?? 0.5;
    this.minimumCalls = options.minimumCalls ?? DEFAULT_CIRCUIT_OPTIONS.minimumCalls ?? 20;
    this.bucketMs = Math.max(1, Math.ceil((options.windowMs ?? DEFAULT_CIRCUIT_OPTIONS.windowMs ?? 10_000) / BUCKETS));
  }

  current(): CircuitState {
    if (this.state === 'open' && this.now() - this.openedAt >= this.options.cooldownMs) this.transition('half-open');
    return this.state;
  }

  /** Milliseconds until a call may be tried again; 0 when calls may go through now. */
  waitMs(): number {
    const state = this.current();
    if (state === 'closed') return 0;
    if (state === 'half-open') return this.trialInFlight ? Math.min(1000, this.options.cooldownMs) : 0;
    return Math.max(0, this.options.cooldownMs - (this.now() - this.openedAt));
  }

  /** Whether a call may start now; in half-open only one trial call at a time. */
  tryAcquire(): boolean {
    const state = this.current();
    if (state === 'closed') return true;
    if (state === 'half-open' && !this.trialInFlight) {
      this.trialInFlight = true;
      return true;
    }
    return false;
  }

  recordSuccess(): void {
    this.consecutive = 0;
    this.trialInFlight = false;
    this.count(false);
    if (this.state !== 'closed') this.transition('closed');
  }

  /** Only failures that say the partner is unwell count; a rejected request proves it is up. */
  recordFailure(countsAgainstHealth: boolean): void {
    const wasTrial = this.trialInFlight;
    this.trialInFlight = false;
    if (!countsAgainstHealth) {
      if (wasTrial) this.recordSuccess();
      else this.count(false);
      return;
    }
    this.consecutive += 1;
    this.count(true);
    if (this.state === 'half-open' || this.unwell()) {
      this.openedAt = this.now();
      // A fresh window after the cool-down: the calls that opened it do not reopen it at once.
      this.buckets = [];
      this.consecutive = 0;
      this.transition('open');
    }
  }

  private unwell(): boolean {
    const { calls, failures } = this.window();
    if (calls >= this.minimumCalls) return failures / calls >= this.ratio;
    return this.consecutive >= this.options.failureThreshold;
  }

  private count(failed: boolean): void {
    const now = this.now();
    const start = now - (now % this.bucketMs);
    let last = this.buckets[this.buckets.length - 1];
    if (!last || last.start !== start) {
      last = { start, calls: 0, failures: 0 };
      this.buckets.push(last);
      if (this.buckets.length > BUCKETS) this.buckets.shift();
    }
    last.calls += 1;
    if (failed) last.failures += 1;
  }

  private window(): { calls: number; failures: number } {
    const oldest = this.now() - this.bucketMs * BUCKETS;
    let calls = 0;
    let failures = 0;
    for (const bucket of this.buckets) {
      if (bucket.start <= oldest) continue;
      calls += bucket.calls;
      failures += bucket.failures;
    }
    return { calls, failures };
  }

  private transition(state: CircuitState): void {
    if (this.state === state) return;
    this.state = state;
    this.onChange?.(state);
  }
}
