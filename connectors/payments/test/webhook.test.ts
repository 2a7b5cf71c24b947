// The webhook source: Stripe-Signature checked on the raw body before anything else, then
// de-duplication by event id, re-ordering by what is known of each object, and canonical events.
import { validateEventData } from '@interline/hub';
import { paymentsConnector } from '../src';
import { SIMULATOR_SECRET_KEY } from '../src/testing';
import { callWebhook, connectorContext, signed, startRig } from './harness';
import type { Emitted, TestRig } from './harness';

let rig: TestRig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(() => rig.sim.stop());

const META = { interline_payment_id: 'pay-w1', interline_order_id: 'ord-w1', interline_tenant: 'acme' };

/** The simulator's stored event of that type for that object, as Stripe would POST it. */
function eventBody(objectId: string, type: string): string {
  const summary = rig.sim.inspect().events.find((e) => e.objectId === objectId && e.type === type);
  const event = summary ? rig.sim.event(summary.id) : undefined;
  if (!event) throw new Error(`no ${type} event for ${objectId}`);
  return JSON.stringify(event, null, 2);
}

async function paidIntent(paymentId: string, method = 'pm_card_visa'): Promise<string> {
  const intent = await rig.stripe.paymentIntents.create({ amount: 5_000, currency: 'usd', payment_method: method, confirm: true, metadata: { ...META, interline_payment_id: paymentId } });
  return intent.id;
}

function expectValid(event: Emitted | undefined): void {
  const result = validateEventData(event?.type ?? '', event?.data);
  expect(result).toMatchObject({ ok: true });
}

describe('signature', () => {
  it('accepts an event signed with generateTestHeaderString and the right secret, and emits its canonical event', async () => {
    const id = await paidIntent('pay-sig');
    const { response, emitted } = await callWebhook(rig.client, signed(eventBody(id, 'payment_intent.succeeded')));
    expect(response).toMatchObject({ status: 200, body: { received: true, emitted: [{ type: 'payment.succeeded' }] } });
    expect(emitted).toEqual([
      expect.objectContaining({ type: 'payment.succeeded', subject: 'pay-sig', partitionkey: 'pay-sig', tenant: 'acme', id: expect.stringMatching(/^[0-9a-f-]{36}$/) }),
    ]);
    expect(emitted[0]?.data).toMatchObject({ id: 'pay-sig', status: 'succeeded', amount: { amountMinor: 5_000, currency: 'USD' }, links: { orderId: 'ord-w1' }, provider: { name: 'stripe', paymentId: id } });
    expectValid(emitted[0]);
  });

  it.each([
    ['a wrong secret', (body: string) => signed(body, { secret: 'whsec_someone_elses_secret_000' }), 'signature-mismatch', "check that webhookSecret is this endpoint's signing secret"],
    ['a tampered body', (body: string) => ({ ...signed(body), rawBody: Buffer.from(body.replace('"amount": 5000', '"amount": 1')) }), 'signature-mismatch', 'does not match the body'],
    ['a timestamp beyond tolerance', (body: string) => signed(body, { timestamp: Math.floor(Date.now() / 1000) - 301 }), 'signature-stale', 'more than 300 s old'],
    ['no signature', (body: string) => ({ rawBody: Buffer.from(body), headers: {} }), 'signature-missing', 'header is missing'],
    ['a malformed signature', (body: string) => ({ rawBody: Buffer.from(body), headers: { 'Stripe-Signature': 'sha256=abc' } }), 'signature-malformed', 't=<unix seconds>,v1=<hex>'],
  ])('rejects %s with 400 and emits nothing', async (_what, sign, code, detail) => {
    const id = await paidIntent(`pay-bad-${code}`);
    const context = connectorContext();
    const { response, emitted } = await callWebhook(rig.client, sign(eventBody(id, 'payment_intent.succeeded')), context);
    expect(response).toMatchObject({ status: 400, headers: { 'content-type': 'application/problem+json' }, body: { code, detail: expect.stringContaining(detail) } });
    expect(emitted).toHaveLength(0);
    // Nothing about a refused delivery is remembered: the genuine one is still accepted.
    expect((await callWebhook(rig.client, signed(eventBody(id, 'payment_intent.succeeded')), context)).emitted).toHaveLength(1);
  });

  it('uses the configured tolerance', async () => {
    const lenient = await paymentsConnector.connect({ ...rig.config, webhookToleranceSeconds: 600 }, connectorContext());
    const id = await paidIntent('pay-tolerance');
    const { response } = await callWebhook(lenient, signed(eventBody(id, 'payment_intent.succeeded'), { timestamp: Math.floor(Date.now() / 1000) - 301 }));
    expect(response.status).toBe(200);
  });

  it('refuses everything, with 503 so Stripe keeps retrying, while no webhookSecret is configured', async () => {
    const unsigned = await paymentsConnector.connect({ secretKey: SIMULATOR_SECRET_KEY, apiBase: rig.sim.baseUrl }, connectorContext());
    const { response, emitted } = await callWebhook(unsigned, signed('{"id":"evt_1"}'));
    expect(response).toMatchObject({ status: 503, body: { code: 'webhook-secret-missing' } });
    expect(emitted).toHaveLength(0);
  });

  it('refuses a signed body that is not JSON, and other methods', async () => {
    expect((await callWebhook(rig.client, signed('not json'))).response).toMatchObject({ status: 400, body: { code: 'malformed-json' } });
    expect((await callWebhook(rig.client, { method: 'GET', rawBody: Buffer.alloc(0) })).response.status).toBe(405);
  });
});

describe('de-duplication and order', () => {
  it('emits an event redelivered by Stripe only once', async () => {
    const context = connectorContext();
    const id = await paidIntent('pay-dup');
    const body = eventBody(id, 'payment_intent.succeeded');
    const first = await callWebhook(rig.client, signed(body), context);
    const second = await callWebhook(rig.client, signed(body), context);
    expect(first.emitted).toHaveLength(1);
    expect(second).toMatchObject({ response: { status: 200, body: { received: true, duplicate: true } }, emitted: [] });
  });

  it('forgets event ids beyond webhookMemory', async () => {
    const small = await paymentsConnector.connect({ ...rig.config, webhookMemory: 10 }, connectorContext());
    const context = connectorContext();
    const created: string[] = [];
    for (let i = 0; i < 11; i += 1) {
      const intent = await rig.stripe.paymentIntents.create({ amount: 5_000, currency: 'usd' });
      created.push(eventBody(intent.id, 'payment_intent.created'));
    }
    for (const body of created) await callWebhook(small, signed(body), context);
    const memory = (context.state as unknown as { values: Map<string, { seen: string[] }> }).values.get('webhook-memory');
    expect(memory?.seen).toHaveLength(10);
    expect((await callWebhook(small, signed(created[0] ?? ''), context)).response.body).not.toMatchObject({ duplicate: true });
  });

  it('drops a failure that arrives after the success it preceded, asking Stripe for the current state', async () => {
    const context = connectorContext();
    const declined = await rig.stripe.paymentIntents.create({ amount: 5_000, currency: 'usd', metadata: { ...META, interline_payment_id: 'pay-late' } });
    await rig.stripe.paymentIntents.confirm(declined.id, { payment_method: 'pm_card_chargeDeclined' }).catch(() => undefined);
    rig.sim.configure({ clockOffsetSeconds: 60 });
    await rig.stripe.paymentIntents.confirm(declined.id, { payment_method: 'pm_card_visa' });
    rig.sim.configure({ clockOffsetSeconds: 0 });
    const success = await callWebhook(rig.client, signed(eventBody(declined.id, 'payment_intent.succeeded')), context);
    const fetchesBefore = rig.sim.inspect().requests.filter((r) => r.operation === 'retrievePaymentIntent').length;
    const late = await callWebhook(rig.client, signed(eventBody(declined.id, 'payment_intent.payment_failed')), context);
    expect(success.emitted.map((e) => e.type)).toEqual(['payment.succeeded']);
    expect(late).toMatchObject({ response: { status: 200, body: { emitted: [] } }, emitted: [] });
    expect(rig.sim.inspect().requests.filter((r) => r.operation === 'retrievePaymentIntent').length).toBe(fetchesBefore + 1);
  });

  it('does not ask Stripe about events in lifecycle order, nor about stale ones with nothing to emit', async () => {
    const fetches = () => rig.sim.inspect().requests.filter((r) => r.operation === 'retrievePaymentIntent').length;
    const before = fetches();
    const inOrder = connectorContext();
    const first = await paidIntent('pay-cheap-1');
    await callWebhook(rig.client, signed(eventBody(first, 'payment_intent.created')), inOrder);
    expect((await callWebhook(rig.client, signed(eventBody(first, 'payment_intent.succeeded')), inOrder)).emitted.map((e) => e.type)).toEqual(['payment.succeeded']);
    const reversed = connectorContext();
    const second = await paidIntent('pay-cheap-2');
    expect((await callWebhook(rig.client, signed(eventBody(second, 'payment_intent.succeeded')), reversed)).emitted).toHaveLength(1);
    const stale = await callWebhook(rig.client, signed(eventBody(second, 'payment_intent.created')), reversed);
    expect(stale).toMatchObject({ response: { status: 200, body: { stale: true, emitted: [] } }, emitted: [] });
    expect(fetches()).toBe(before);
  });

  it('in order, a failure then a later success are both emitted, the failure with its decline code', async () => {
    const context = connectorContext();
    const intent = await rig.stripe.paymentIntents.create({ amount: 5_000, currency: 'usd', metadata: { ...META, interline_payment_id: 'pay-inorder' } });
    await rig.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclinedInsufficientFunds' }).catch(() => undefined);
    const failed = await callWebhook(rig.client, signed(eventBody(intent.id, 'payment_intent.payment_failed')), context);
    await rig.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    const succeeded = await callWebhook(rig.client, signed(eventBody(intent.id, 'payment_intent.succeeded')), context);
    expect([...failed.emitted, ...succeeded.emitted].map((e) => e.type)).toEqual(['payment.failed', 'payment.succeeded']);
    expect(failed.emitted[0]?.data).toMatchObject({ status: 'failed', failure: { code: 'card_declined', declineCode: 'insufficient_funds' } });
    expectValid(failed.emitted[0]);
  });

  it('answers 503 when the out-of-order object cannot be re-fetched, so Stripe retries; the retry then succeeds', async () => {
    const context = connectorContext();
    const intent = await rig.stripe.paymentIntents.create({ amount: 5_000, currency: 'usd', metadata: { ...META, interline_payment_id: 'pay-refetch' } });
    await rig.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }).catch(() => undefined);
    await rig.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    await callWebhook(rig.client, signed(eventBody(intent.id, 'payment_intent.succeeded')), context);
    rig.sim.faults.add({ kind: 'transient', operation: 'retrievePaymentIntent', times: 1 });
    const late = eventBody(intent.id, 'payment_intent.payment_failed');
    expect((await callWebhook(rig.client, signed(late), context)).response).toMatchObject({ status: 503, body: { code: 'refetch-failed' } });
    expect(await callWebhook(rig.client, signed(late), context)).toMatchObject({ response: { status: 200 }, emitted: [] });
  });

  it('answers 503 when the hub cannot take the event, and accepts it when Stripe retries', async () => {
    const context = connectorContext();
    const id = await paidIntent('pay-ingress');
    const body = eventBody(id, 'payment_intent.succeeded');
    const source = paymentsConnector.sources?.webhook;
    if (source?.kind !== 'webhook') throw new Error('no webhook source');
    const down = await source.handle(rig.client, { method: 'POST', path: '/', ...signed(body) }, { ...context, emit: async () => Promise.reject(new Error('journal unavailable')) });
    expect(down).toMatchObject({ status: 503, headers: { 'retry-after': '5' }, body: { code: 'ingress-unavailable' } });
    expect((await callWebhook(rig.client, signed(body), context)).emitted).toHaveLength(1);
  });
});

describe('what becomes a canonical event', () => {
  it('payment_intent.canceled → payment.canceled', async () => {
    const intent = await rig.stripe.paymentIntents.create({ amount: 5_000, currency: 'usd', metadata: { ...META, interline_payment_id: 'pay-cancel' } });
    await rig.stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'abandoned' });
    const { emitted } = await callWebhook(rig.client, signed(eventBody(intent.id, 'payment_intent.canceled')));
    expect(emitted[0]).toMatchObject({ type: 'payment.canceled', data: { status: 'canceled' } });
    expectValid(emitted[0]);
  });

  it('a refund succeeded once, however many refund events say so', async () => {
    const context = connectorContext();
    const paid = await paidIntent('pay-ref');
    const refund = await rig.stripe.refunds.create({ payment_intent: paid, amount: 2_000, metadata: { interline_refund_id: 'ref-w1', interline_payment_id: 'pay-ref', interline_refund_reason: 'overcharge' } });
    const created = await callWebhook(rig.client, signed(eventBody(refund.id, 'refund.created')), context);
    expect(created.emitted[0]).toMatchObject({ type: 'refund.succeeded', subject: 'ref-w1', partitionkey: 'pay-ref', data: { id: 'ref-w1', paymentId: 'pay-ref', amount: { amountMinor: 2_000, currency: 'USD' }, reason: 'overcharge' } });
    expectValid(created.emitted[0]);
    // Stripe also reports the same state as refund.updated (another event id, a later time).
    const updated = JSON.parse(eventBody(refund.id, 'refund.created')) as { id: string; type: string; created: number };
    const again = await callWebhook(rig.client, signed(JSON.stringify({ ...updated, id: 'evt_refund_updated_same_state', type: 'refund.updated', created: updated.created + 5 })), context);
    expect(again).toMatchObject({ response: { status: 200, body: { emitted: [] } }, emitted: [] });
  });

  it('a refund that fails later → refund.failed with its reason, once', async () => {
    rig.sim.configure({ refundFailDelayMs: 5 });
    const context = connectorContext();
    const paid = await paidIntent('pay-reffail', 'pm_card_refundFail');
    const refund = await rig.stripe.refunds.create({ payment_intent: paid, metadata: { interline_refund_id: 'ref-w2', interline_payment_id: 'pay-reffail', interline_refund_reason: 'booking_cancelled' } });
    const deadline = Date.now() + 2_000;
    while (!rig.sim.inspect().events.some((e) => e.objectId === refund.id && e.type === 'refund.failed') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const emitted: Emitted[] = [];
    for (const type of ['refund.created', 'refund.updated', 'refund.failed']) emitted.push(...(await callWebhook(rig.client, signed(eventBody(refund.id, type)), context)).emitted);
    expect(emitted.map((e) => e.type)).toEqual(['refund.failed']);
    expect(emitted[0]?.data).toMatchObject({ status: 'failed', reason: 'booking_cancelled', failure: { reason: 'expired_or_canceled_card' } });
    expectValid(emitted[0]);
  });

  it('acknowledges, without emitting, events for intents not made through Interline and event types it does not map', async () => {
    const foreign = await rig.stripe.paymentIntents.create({ amount: 5_000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
    const other = await callWebhook(rig.client, signed(eventBody(foreign.id, 'payment_intent.succeeded')));
    expect(other).toMatchObject({ response: { status: 200, body: { ignored: expect.stringContaining('was not created through Interline') } }, emitted: [] });
    const unmapped = JSON.stringify({ id: 'evt_customer_1', object: 'event', type: 'customer.created', created: 1, data: { object: { id: 'cus_1', object: 'customer' } } });
    expect(await callWebhook(rig.client, signed(unmapped))).toMatchObject({ response: { status: 200, body: { ignored: 'event type customer.created is not mapped to a canonical event' } }, emitted: [] });
  });
});
