// The building blocks of the delivery guarantees: back-off bounds, the circuit breaker's states,
// per-key order under a concurrency limit, and the memory transport's backpressure.
import { CircuitBreaker, KeyedExecutor, MemoryTransport, backoffDelay, decideRetry } from '../../src';
import type { RetryPolicy } from '../../src';

const policy: RetryPolicy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000, maxAgeMs: 60_000 };

describe('retry policy', () => {
  it('draws full-jitter delays within the exponential cap and never above the maximum', () => {
    expect(backoffDelay(policy, 1, () => 0.999)).toBe(99);
    expect(backoffDelay(policy, 3, () => 0.999)).toBe(399);
    expect(backoffDelay(policy, 10, () => 0.999)).toBe(999);
    expect(backoffDelay(policy, 3, () => 0)).toBe(0);
  });

  it('stops after the attempts, or when the next try would pass the maximum age', () => {
    expect(decideRetry(policy, { attempt: 5, receivedAt: 0, now: 10 })).toMatchObject({ retry: false, reason: expect.stringContaining('after 5 attempts') });
    expect(decideRetry(policy, { attempt: 1, receivedAt: 0, now: 60_000 }, () => 0.5)).toMatchObject({ retry: false, reason: expect.stringContaining('maxAge') });
    expect(decideRetry(policy, { attempt: 1, receivedAt: 0, now: 0, retryAfterMs: 800 }, () => 0)).toEqual({ retry: true, delayMs: 800 });
  });
});

describe('circuit breaker', () => {
  it('opens after the threshold, lets one trial through after the cool-down, and closes on success', () => {
    let now = 0;
    const breaker = new CircuitBreaker('erp', { failureThreshold: 2, cooldownMs: 1000 }, () => now);
    breaker.recordFailure(true);
    expect(breaker.current()).toBe('closed');
    breaker.recordFailure(true);
    expect(breaker.current()).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    now = 1000;
    expect(breaker.current()).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.recordSuccess();
    expect(breaker.current()).toBe('closed');
  });

  it('reopens when the trial fails, and permanent errors do not count against health', () => {
    let now = 0;
    const breaker = new CircuitBreaker('erp', { failureThreshold: 1, cooldownMs: 100 }, () => now);
    breaker.recordFailure(false);
    expect(breaker.current()).toBe('closed');
    breaker.recordFailure(true);
    now = 100;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure(true);
    expect(breaker.current()).toBe('open');
  });
});

describe('circuit breaker under load', () => {
  const options = { failureThreshold: 3, cooldownMs: 1000, failureRatio: 0.5, minimumCalls: 20, windowMs: 10_000 };

  it('stays closed for a partner failing 30 % of calls, even through runs of consecutive failures', () => {
    let now = 0;
    const breaker = new CircuitBreaker('sink', options, () => now);
    // 100 calls over 10 s, every third-ish one failing, with a run of 5 failures in the middle.
    const pattern = Array.from({ length: 100 }, (_, i) => [1, 4, 7].includes(i % 10) || (i >= 50 && i < 55));
    for (const failed of pattern) {
      now += 100;
      if (failed) breaker.recordFailure(true);
      else breaker.recordSuccess();
      expect(breaker.current()).toBe('closed');
    }
  });

  it('opens when most calls in the window fail, and judges afresh after the cool-down', () => {
    let now = 0;
    const breaker = new CircuitBreaker('sink', options, () => now);
    for (let i = 0; i < 20; i++) {
      now += 10;
      breaker.recordSuccess();
    }
    for (let i = 0; i < 19; i++) {
      now += 10;
      breaker.recordFailure(true);
      expect(breaker.current()).toBe('closed');
    }
    breaker.recordFailure(true);
    expect(breaker.current()).toBe('open');
    now += 1000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordSuccess();
    expect(breaker.current()).toBe('closed');
    // Old calls left the window with the opening: two failures alone do not reopen it.
    breaker.recordFailure(true);
    breaker.recordFailure(true);
    expect(breaker.current()).toBe('closed');
  });

  it('forgets calls older than the window', () => {
    let now = 0;
    const breaker = new CircuitBreaker('sink', options, () => now);
    for (let i = 0; i < 30; i++) breaker.recordSuccess();
    now += 20_000;
    // The 30 successes are gone: with a thin window, consecutive failures decide again.
    for (let i = 0; i < 3; i++) breaker.recordFailure(true);
    expect(breaker.current()).toBe('open');
  });
});

describe('keyed executor', () => {
  it('runs one key strictly in order while other keys proceed, within the concurrency limit', async () => {
    const executor = new KeyedExecutor(2);
    const log: string[] = [];
    let running = 0;
    let peak = 0;
    const task = (name: string, ms: number) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(name);
      running -= 1;
    };
    await Promise.all([
      executor.run('A', task('A1', 30)),
      executor.run('A', task('A2', 1)),
      executor.run('B', task('B1', 5)),
      executor.run('C', task('C1', 5)),
      executor.run('A', task('A3', 1)),
    ]);
    expect(log.filter((n) => n.startsWith('A'))).toEqual(['A1', 'A2', 'A3']);
    expect(log.indexOf('B1')).toBeLessThan(log.indexOf('A1'));
    expect(peak).toBeLessThanOrEqual(2);
  });

  it('lets other keys use the slot while a task backs off', async () => {
    const executor = new KeyedExecutor(1);
    const log: string[] = [];
    const backingOff = executor.run('A', async (slot) => {
      slot.pause();
      await new Promise((resolve) => setTimeout(resolve, 30));
      await slot.resume();
      log.push('A');
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await executor.run('B', async () => void log.push('B'));
    await backingOff;
    expect(log).toEqual(['B', 'A']);
  });
});

describe('memory transport', () => {
  it('holds publishers back when a queue is full (backpressure) and releases them as it drains', async () => {
    const transport = new MemoryTransport(2);
    await transport.connect();
    await transport.declareQueues(['q']);
    await transport.publish('q', { messageId: '1', routeId: 'r' });
    await transport.publish('q', { messageId: '2', routeId: 'r' });
    let thirdPublished = false;
    const third = transport.publish('q', { messageId: '3', routeId: 'r' }).then(() => (thirdPublished = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(thirdPublished).toBe(false);
    const seen: string[] = [];
    await transport.subscribe('q', async ({ job }) => {
      seen.push(job.messageId);
      return { kind: 'ack' };
    }, { prefetch: 1 });
    await third;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(['1', '2', '3']);
    await transport.close();
  });

  it('redelivers a job whose handler threw, and retries later on request', async () => {
    const transport = new MemoryTransport();
    await transport.connect();
    await transport.declareQueues(['q']);
    const deliveries: number[] = [];
    await transport.subscribe('q', async ({ redeliveries }) => {
      deliveries.push(redeliveries);
      if (redeliveries === 0) throw new Error('worker crashed');
      if (redeliveries === 1) return { kind: 'retry', delayMs: 10 };
      return { kind: 'ack' };
    }, { prefetch: 1 });
    await transport.publish('q', { messageId: 'x', routeId: 'r' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(deliveries).toEqual([0, 1, 2]);
    await transport.close();
  });
});
