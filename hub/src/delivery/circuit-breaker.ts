// One circuit breaker per connector: after repeated transient failures the hub stops calling a
// partner for a cool-down, then lets one trial call through before closing again.

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive transient failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before a trial call is allowed. */
  cooldownMs: number;
}

export const DEFAULT_CIRCUIT_OPTIONS: CircuitBreakerOptions = { failureThreshold: 5, cooldownMs: 10_000 };

export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    readonly name: string,
    private readonly options: CircuitBreakerOptions = DEFAULT_CIRCUIT_OPTIONS,
    private readonly now: () => number = Date.now,
    private readonly onChange?: (state: CircuitState) => void,
  ) {}

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
    this.failures = 0;
    this.trialInFlight = false;
    if (this.state !== 'closed') this.transition('closed');
  }

  /** Only failures that say the partner is unwell count; a rejected request proves it is up. */
  recordFailure(countsAgainstHealth: boolean): void {
    const wasTrial = this.trialInFlight;
    this.trialInFlight = false;
    if (!countsAgainstHealth) {
      if (wasTrial) this.recordSuccess();
      return;
    }
    this.failures += 1;
    if (this.state === 'half-open' || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.now();
      this.transition('open');
    }
  }

  private transition(state: CircuitState): void {
    if (this.state === state) return;
    this.state = state;
    this.onChange?.(state);
  }
}
