// Stripe's failures as the hub's error classes, each provoked on the wire: faults in the simulator,
// a wrong key, a closed port, a stalled answer. What is retried, what dead-letters, and what it says.
import { AuthError, PermanentError, TimeoutError, TransientError } from '@interline/hub';
import { paymentsConnector, rateLimitDelayMs, scrubKeys } from '../src';
import type { PaymentIntentResult } from '../src';
import { SIMULATOR_SECRET_KEY } from '../src/testing';
import { connectorContext, failure, operationContext, paymentInput, runOperation, startRig } from './harness';
import type { TestRig } from './harness';

let rig: TestRig;
beforeAll(async () => {
  rig = await startRig({ rateLimitBackoffMs: 100 });
});
afterAll(() => rig.sim.stop());
beforeEach(() => rig.sim.reset());

const create = (id: string, attempt = 1) => runOperation<PaymentIntentResult>(rig.client, 'createPaymentIntent', paymentInput(id, { paymentMethod: 'pm_card_visa', confirm: true }), operationContext({ attempt }));

describe('retried: TransientError', () => {
  it('a 500 before anything ran (Stripe-Should-Retry: true)', async () => {
    rig.sim.faults.add({ kind: 'transient', operation: 'createPaymentIntent', times: 1 });
    const error = await failure(create('t-500'));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toMatch(/^createPaymentIntent for payment t-500: Stripe answered HTTP 500 .*; will retry with the same idempotency key$/);
    expect(error.details).toMatchObject({ status: 500, stripeShouldRetry: 'true' });
    expect(rig.sim.inspect().effects).toHaveLength(0);
  });

  it('a 503 after the effect (a lost answer), and the retry with the same key replays instead of charging again', async () => {
    rig.sim.faults.add({ kind: 'transient', operation: 'createPaymentIntent', times: 1, afterEffect: true });
    const ctx = operationContext();
    const lost = await failure(runOperation(rig.client, 'createPaymentIntent', paymentInput('t-lost', { paymentMethod: 'pm_card_visa', confirm: true }), ctx));
    expect(lost).toBeInstanceOf(TransientError);
    const retried = await runOperation<PaymentIntentResult>(rig.client, 'createPaymentIntent', paymentInput('t-lost', { paymentMethod: 'pm_card_visa', confirm: true }), { ...ctx, attempt: 2 });
    expect(retried).toMatchObject({ status: 'succeeded', replayed: true });
    expect(rig.sim.inspect().effects).toHaveLength(1);
  });

  it('a 409 (lock timeout, or the key in use by a request still running)', async () => {
    rig.sim.faults.add({ kind: 'transient', operation: 'createPaymentIntent', times: 1, status: 409 });
    const error = await failure(create('t-409'));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.details).toMatchObject({ status: 409, code: 'lock_timeout' });
  });

  it('the same key sent concurrently: the second gets 409 idempotency_key_in_use and is retried, one charge', async () => {
    rig.sim.configure({ latencyMs: 300 });
    const ctx = operationContext();
    const input = paymentInput('t-concurrent', { paymentMethod: 'pm_card_visa', confirm: true });
    const [first, second] = await Promise.allSettled([runOperation(rig.client, 'createPaymentIntent', input, ctx), runOperation(rig.client, 'createPaymentIntent', input, ctx)]);
    const outcomes = [first, second].map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as Error).constructor.name));
    expect(outcomes.sort()).toEqual(['TransientError', 'ok']);
    const rejected = [first, second].find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as TransientError).details).toMatchObject({ status: 409, code: 'idempotency_key_in_use' });
    expect(rig.sim.inspect().effects).toHaveLength(1);
  });

  it('a 429 backs off: retryAfterMs grows with the attempt', async () => {
    rig.sim.faults.add({ kind: 'transient', operation: 'createPaymentIntent', times: 2, status: 429 });
    const first = await failure(create('t-429', 1));
    const third = await failure(create('t-429', 3));
    expect(first).toBeInstanceOf(TransientError);
    expect(first.message).toContain('Stripe is rate limiting this account (HTTP 429');
    // base 100 ms × 2^(attempt-1), half of it jittered: attempt 1 → 50–100 ms, attempt 3 → 200–400 ms.
    expect(first.retryAfterMs).toBeGreaterThanOrEqual(50);
    expect(first.retryAfterMs).toBeLessThanOrEqual(100);
    expect(third.retryAfterMs).toBeGreaterThanOrEqual(200);
    expect(third.retryAfterMs).toBeLessThanOrEqual(400);
    expect(third.details).toMatchObject({ status: 429, code: 'rate_limit', retryAfterMs: third.retryAfterMs });
    expect(rateLimitDelayMs(30, 100, undefined, () => 1)).toBe(60_000);
    expect(rateLimitDelayMs(1, 100, '5', () => 0)).toBe(5_000);
  });

  it('a connection refused', async () => {
    const closed = await paymentsConnector.connect({ secretKey: SIMULATOR_SECRET_KEY, apiBase: `http://127.0.0.1:1` }, connectorContext());
    const error = await failure(runOperation(closed, 'createPaymentIntent', paymentInput('t-refused')));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.message).toContain('could not reach Stripe');
  });

  it('no answer within timeoutMs is a TimeoutError', async () => {
    const slow = await paymentsConnector.connect({ secretKey: SIMULATOR_SECRET_KEY, apiBase: rig.sim.baseUrl, timeoutMs: 200 }, connectorContext());
    rig.sim.faults.add({ kind: 'timeout', operation: 'createPaymentIntent', times: 1, delayMs: 1_000 });
    const error = await failure(runOperation(slow, 'createPaymentIntent', paymentInput('t-timeout')));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain('Stripe did not answer in time');
  });
});

describe('dead-lettered: PermanentError and AuthError', () => {
  it('Stripe-Should-Retry: false is never retried, even on a 500', async () => {
    rig.sim.faults.add({ kind: 'permanent', operation: 'createPaymentIntent', times: 1, status: 500 });
    const error = await failure(create('p-no-retry'));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain('Stripe answered HTTP 500 and advises not to retry (Stripe-Should-Retry: false)');
  });

  it('an invalid request names Stripe\'s code and parameter', async () => {
    const error = await failure(runOperation(rig.client, 'createPaymentIntent', paymentInput('p-small', { amount: { amountMinor: 10, currency: 'EUR' } })));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain('Stripe rejected the request with HTTP 400 amount_too_small (parameter amount)');
    expect(error.details).toMatchObject({ status: 400, code: 'amount_too_small', param: 'amount' });
  });

  it('the same key with other parameters is an idempotency error that says what happened', async () => {
    const ctx = operationContext();
    await runOperation(rig.client, 'createPaymentIntent', paymentInput('p-edited'), ctx);
    const error = await failure(runOperation(rig.client, 'createPaymentIntent', paymentInput('p-edited', { description: 'edited' }), { ...ctx, bindings: operationContext().bindings }));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain('the key was first used with other parameters — the message was edited or the mapping changed since the first attempt. Nothing new was charged');
  });

  it('a refused key is an AuthError that names the setting and never shows the key', async () => {
    const wrongKey = 'sk_test_wrongwrongwrongwrong1234';
    const client = await paymentsConnector.connect({ secretKey: wrongKey, apiBase: rig.sim.baseUrl }, connectorContext());
    const error = await failure(runOperation(client, 'createPaymentIntent', paymentInput('p-key')));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain("Stripe refused the API key (HTTP 401: Invalid API Key provided: [redacted key]); check the connector's secretKey");
    expect(error.message).not.toContain('1234');
    expect(await paymentsConnector.health(client, connectorContext())).toMatchObject({ status: 'down', detail: expect.stringContaining('HTTP 401') });
  });

  it('an injected 401 and a 403 are AuthErrors', async () => {
    rig.sim.faults.add({ kind: 'auth', operation: 'createPaymentIntent', times: 1 });
    rig.sim.faults.add({ kind: 'auth', operation: 'createPaymentIntent', times: 1, status: 403 });
    expect(await failure(create('p-401'))).toBeInstanceOf(AuthError);
    const forbidden = await failure(create('p-403'));
    expect(forbidden).toBeInstanceOf(AuthError);
    expect(forbidden.message).toContain('lacks permission');
  });

  it('a live key over plain http is refused at connect', async () => {
    await expect(Promise.resolve().then(() => paymentsConnector.connect({ secretKey: 'sk_live_abcdefghijklmnop', apiBase: rig.sim.baseUrl }, connectorContext()))).rejects.toThrow(
      'a live secretKey is configured with an http:// apiBase',
    );
  });
});

describe('scrubKeys', () => {
  it('removes anything key-shaped from text bound for the journal', () => {
    expect(scrubKeys('Invalid API Key provided: sk_live_****abcd and whsec_abc123 and rk_test_xyz')).toBe('Invalid API Key provided: [redacted key] and [redacted key] and [redacted key]');
  });
});
