// The simulator on the wire, without the connector: what a Stripe client sees (auth, form bodies,
// error shapes, idempotency, rate limits, state rules) and what a webhook endpoint receives.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { SIMULATOR_SECRET_KEY, SIMULATOR_WEBHOOK_SECRET, startStripeSimulator } from '../src/testing';
import type { StripeSimulatorHandle } from '../src/testing';

let sim: StripeSimulatorHandle;
beforeAll(async () => {
  sim = await startStripeSimulator();
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { error?: Record<string, unknown> };
}

async function api(method: string, path: string, form?: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${sim.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${SIMULATOR_SECRET_KEY}`, ...(form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...headers },
    ...(form !== undefined ? { body: form } : {}),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

const PAY = 'amount=2000&currency=eur&payment_method=pm_card_visa&confirm=true&metadata[interline_payment_id]=pay-1&metadata[interline_order_id]=ord-1';

describe('the Stripe API', () => {
  it('asks for the API key, and masks a wrong one', async () => {
    const none = await api('GET', '/v1/balance', undefined, { authorization: '' });
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('You did not provide an API key') });
    const wrong = await api('GET', '/v1/balance', undefined, { authorization: 'Bearer sk_test_abcdefghijklmnopqrstuvwxyz9876' });
    expect(wrong.body.error?.message).toMatch(/^Invalid API Key provided: sk_test_\*+9876$/);
    const basic = await api('GET', '/v1/balance', undefined, { authorization: `Basic ${Buffer.from(`${SIMULATOR_SECRET_KEY}:`).toString('base64')}` });
    expect(basic.status).toBe(200);
  });

  it('reads form-encoded bodies with bracket notation, and refuses JSON and unknown parameters', async () => {
    const created = await api('POST', '/v1/payment_intents', PAY);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount: 2000, amount_received: 2000, metadata: { interline_payment_id: 'pay-1', interline_order_id: 'ord-1' } });
    expect(created.headers.get('request-id')).toMatch(/^req_/);
    const jsonBody = await fetch(`${sim.baseUrl}/v1/payment_intents`, { method: 'POST', headers: { authorization: `Bearer ${SIMULATOR_SECRET_KEY}`, 'content-type': 'application/json' }, body: '{"amount":2000}' });
    expect(jsonBody.status).toBe(400);
    expect(await jsonBody.json()).toMatchObject({ error: { message: expect.stringContaining('Stripe takes form-encoded bodies') } });
    const unknown = await api('POST', '/v1/payment_intents', 'amount=2000&currency=eur&card_number=4242424242424242');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_unknown', param: 'card_number', message: 'Received unknown parameter: card_number' });
  });

  it('declines with a 402 card_error carrying the decline code and the intent', async () => {
    const declined = await api('POST', '/v1/payment_intents', 'amount=2000&currency=eur&payment_method=pm_card_chargeDeclined&confirm=true');
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
      payment_intent: { status: 'requires_payment_method', last_payment_error: { decline_code: 'generic_decline' } },
      payment_method: { card: { last4: '0002' } },
    });
  });

  it('replays a key with the same parameters, refuses it with others, and does not store a validation failure', async () => {
    const first = await api('POST', '/v1/payment_intents', PAY, { 'idempotency-key': 'key-a' });
    const again = await api('POST', '/v1/payment_intents', PAY, { 'idempotency-key': 'key-a' });
    expect(again.body.id).toBe(first.body.id);
    expect([first.headers.get('idempotent-replayed'), again.headers.get('idempotent-replayed')]).toEqual([null, 'true']);
    const other = await api('POST', '/v1/payment_intents', PAY.replace('2000', '3000'), { 'idempotency-key': 'key-a' });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({ type: 'idempotency_error', message: expect.stringContaining("Try using a key other than 'key-a'") });
    const invalid = await api('POST', '/v1/payment_intents', 'amount=abc&currency=eur', { 'idempotency-key': 'key-b' });
    expect(invalid.body.error).toMatchObject({ code: 'parameter_invalid_integer' });
    expect((await api('POST', '/v1/payment_intents', PAY, { 'idempotency-key': 'key-b' })).status).toBe(200);
    expect(sim.inspect().effects).toHaveLength(2);
  });

  it('answers 409 idempotency_key_in_use while the same key is still executing', async () => {
    sim.configure({ latencyMs: 200 });
    const [a, b] = await Promise.all([api('POST', '/v1/payment_intents', PAY, { 'idempotency-key': 'key-c' }), api('POST', '/v1/payment_intents', PAY, { 'idempotency-key': 'key-c' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const conflict = a.status === 409 ? a : b;
    expect(conflict.body.error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_in_use' });
    expect(sim.inspect().effects).toHaveLength(1);
  });

  it('rate limits with 429, code rate_limit and Stripe-Should-Retry', async () => {
    sim.configure({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const statuses: number[] = [];
    let limited: Answer | undefined;
    for (let i = 0; i < 3; i += 1) {
      const answer = await api('GET', '/v1/balance');
      statuses.push(answer.status);
      if (answer.status === 429) limited = answer;
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(limited?.body.error).toMatchObject({ code: 'rate_limit' });
    expect(limited?.headers.get('stripe-should-retry')).toBe('true');
  });

  it('keeps the effect of a request whose answer was lost, and replays it for the key', async () => {
    sim.faults.add({ kind: 'transient', operation: 'createPaymentIntent', times: 1, afterEffect: true });
    const lost = await api('POST', '/v1/payment_intents', PAY, { 'idempotency-key': 'key-d' });
    expect(lost.status).toBe(503);
    const retried = await api('POST', '/v1/payment_intents', PAY, { 'idempotency-key': 'key-d' });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(sim.inspect().paymentIntents).toHaveLength(1);
    expect(sim.inspect().requests.map((r) => r.fault)).toEqual(['transient (after effect)', null]);
  });

  it('enforces the state machine: capture only what is capturable, no confirm after success, no refund beyond the charge', async () => {
    const held = await api('POST', '/v1/payment_intents', `${PAY}&capture_method=manual`);
    expect(held.body).toMatchObject({ status: 'requires_capture', amount_capturable: 2000 });
    const tooMuch = await api('POST', `/v1/payment_intents/${String(held.body.id)}/capture`, 'amount_to_capture=2500');
    expect(tooMuch.body.error).toMatchObject({ code: 'amount_too_large', param: 'amount_to_capture' });
    expect((await api('POST', `/v1/payment_intents/${String(held.body.id)}/capture`, 'amount_to_capture=1500')).body).toMatchObject({ status: 'succeeded', amount_received: 1500 });
    const reconfirm = await api('POST', `/v1/payment_intents/${String(held.body.id)}/confirm`, '');
    expect(reconfirm.body.error).toMatchObject({ code: 'payment_intent_unexpected_state' });
    const refund = await api('POST', '/v1/refunds', `payment_intent=${String(held.body.id)}&amount=1600`);
    expect(refund.body.error).toMatchObject({ code: 'amount_too_large', message: 'Refund amount (1600 eur) is greater than unrefunded amount on charge (1500 eur).' });
    expect((await api('GET', '/v1/payment_intents/pi_missing')).status).toBe(404);
    expect((await api('GET', '/v1/balance')).body).toMatchObject({ available: [{ amount: 1500, currency: 'eur' }] });
  });
});

describe('webhooks', () => {
  let receiver: Server;
  let url: string;
  const received: Array<{ body: string; signature: string }> = [];
  let failNext = 0;

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (failNext > 0) {
          failNext -= 1;
          response.writeHead(500).end();
          return;
        }
        received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(request.headers['stripe-signature']) });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
    failNext = 0;
  });

  async function until(check: () => boolean): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('condition not reached in 5 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('delivers events signed with the secret set through the control plane, verifiable by the stripe package', async () => {
    const secret = 'whsec_set_through_control_plane_123';
    const set = await fetch(`${sim.baseUrl}/__sim/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ webhook: { url, secret, retryBaseMs: 20 } }) });
    expect(await set.json()).toMatchObject({ webhook: { url, secret: '[set]' } });
    await api('POST', '/v1/payment_intents', PAY);
    await until(() => received.length >= 2);
    const events = received.map(({ body, signature }) => Stripe.webhooks.constructEvent(body, signature, secret));
    expect(events.map((e) => e.type)).toEqual(['payment_intent.created', 'payment_intent.succeeded']);
    expect(events[1]).toMatchObject({ object: 'event', api_version: '2026-10-28.endive', data: { object: { status: 'succeeded' } }, request: { id: expect.stringMatching(/^req_/) } });
    expect(() => Stripe.webhooks.constructEvent(received[0]?.body ?? '', received[0]?.signature ?? '', SIMULATOR_WEBHOOK_SECRET)).toThrow('No signatures found matching the expected signature');
    sim.configure({ webhook: { secret: SIMULATOR_WEBHOOK_SECRET } });
  });

  it('retries a failed delivery with back-off until the endpoint answers 2xx', async () => {
    sim.configure({ webhook: { url, retryBaseMs: 20, maxAttempts: 4 } });
    failNext = 2;
    await api('POST', '/v1/payment_intents', 'amount=2000&currency=eur');
    await until(() => sim.inspect().deliveries.some((d) => d.status === 200));
    expect(received).toHaveLength(1);
    expect(sim.inspect().deliveries.map((d) => [d.attempt, d.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
  });

  it('holds events when asked and sends one on demand; refund failures arrive later', async () => {
    sim.configure({ webhook: { url, autoDeliver: false }, refundFailDelayMs: 10 });
    const paid = await api('POST', '/v1/payment_intents', 'amount=2000&currency=eur&payment_method=pm_card_refundFail&confirm=true');
    const refund = await api('POST', '/v1/refunds', `payment_intent=${String(paid.body.id)}`);
    expect(refund.body).toMatchObject({ status: 'pending', amount: 2000 });
    await until(() => sim.inspect().events.some((e) => e.type === 'refund.failed'));
    expect(received).toHaveLength(0);
    const failed = sim.inspect().events.find((e) => e.type === 'refund.failed');
    const sent = await fetch(`${sim.baseUrl}/__sim/events/${failed?.id ?? ''}/deliver`, { method: 'POST' });
    expect(await sent.json()).toMatchObject({ status: 200, attempt: 1 });
    expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({ type: 'refund.failed', data: { object: { status: 'failed', failure_reason: 'expired_or_canceled_card' } } });
    sim.configure({ webhook: { autoDeliver: true } });
  });

  it('lets a test play the customer finishing 3-D Secure', async () => {
    const pending = await api('POST', '/v1/payment_intents', 'amount=2000&currency=eur&payment_method=pm_card_authenticationRequired&confirm=true');
    expect(pending.body).toMatchObject({ status: 'requires_action', next_action: { type: 'use_stripe_sdk' } });
    const done = await fetch(`${sim.baseUrl}/__sim/payment_intents/${String(pending.body.id)}/authenticate`, { method: 'POST', body: '{"outcome":"succeed"}' });
    expect(await done.json()).toMatchObject({ status: 'succeeded' });
    expect(sim.inspect().events.map((e) => e.type)).toEqual(['payment_intent.created', 'payment_intent.requires_action', 'payment_intent.succeeded']);
  });

  it('forgets objects on /__sim/reset but keeps the webhook wiring; refuses bad settings', async () => {
    sim.configure({ webhook: { url } });
    await api('POST', '/v1/payment_intents', PAY);
    await fetch(`${sim.baseUrl}/__sim/reset`, { method: 'POST' });
    const state = sim.inspect();
    expect([state.paymentIntents.length, state.events.length, state.idempotencyKeys]).toEqual([0, 0, 0]);
    expect(state.settings).toMatchObject({ webhook: { url } });
    const bad = await fetch(`${sim.baseUrl}/__sim/config`, { method: 'POST', body: JSON.stringify({ webhook: { secret: 'not-a-whsec' } }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid simulator settings', issues: [expect.objectContaining({ path: '/webhook/secret' })] });
    const garbled = await fetch(`${sim.baseUrl}/__sim/config`, { method: 'POST', body: '{webhook' });
    expect(garbled.status).toBe(400);
  });
});
