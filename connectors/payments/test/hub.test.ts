// End to end through a real hub (startRuntime: PGlite journal, memory transport, ops server, the
// mappings in mappings/src/payments) against the Stripe simulator: payments charged once however
// often they are delivered, declines dead-lettered with their code, a 429 storm ridden out, Stripe
// webhooks turned into canonical events — and no key, secret or card number in the logs or journal.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEnvelope, createLogger, loadConfig, messageDetail, startRuntime, validateEventData } from '@interline/hub';
import type { DeliveryRecord, RunningHub } from '@interline/hub';
import { paymentsConnector } from '../src';
import { SIMULATOR_SECRET_KEY, SIMULATOR_WEBHOOK_SECRET, startStripeSimulator } from '../src/testing';
import type { StripeSimulatorHandle } from '../src/testing';
import { signed } from './harness';

const ROUTES = `
routes:
  - id: payment-requested-to-stripe
    from: { type: payment.requested }
    steps:
      - validate
      - map: payments/payment-to-create-intent
      - to: stripe.createPaymentIntent
    retry: { attempts: 10, baseDelay: 20ms, maxDelay: 1s, maxAge: 1h }
    timeout: 5s
  - id: refund-requested-to-stripe
    from: { type: refund.requested }
    steps:
      - validate
      - map: payments/refund-to-create-refund
      - to: stripe.createRefund
    retry: { attempts: 5, baseDelay: 20ms, maxDelay: 200ms, maxAge: 1h }
    timeout: 5s
  - id: charge-saved-card
    from: { type: test.ping }
    steps:
      - map: hubtest/ping-to-charge
      - to: stripe.createPaymentIntent
    retry: { attempts: 12, baseDelay: 20ms, maxDelay: 1s, maxAge: 1h }
    timeout: 5s
    concurrency: 8
`;

/** A charge of a saved card: the ping's nonce is the payment id, its note the payment method. */
const PING_TO_CHARGE = `export default {
  id: 'hubtest/ping-to-charge',
  from: 'TestPing',
  to: 'payments.createPaymentIntent input',
  map: (ping: { nonce: string; note?: string }) => ({ paymentId: ping.nonce, amount: { amountMinor: 7500, currency: 'EUR' }, links: { orderId: 'order-' + ping.nonce }, paymentMethod: ping.note ?? 'pm_card_visa', confirm: true }),
};
`;

/** Card numbers as they are written: 13–19 digits, plain or in groups of four, passing the Luhn check. */
function cardNumberIn(text: string): string | null {
  for (const match of text.matchAll(/\b\d{13,19}\b|\b\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}\b/g)) {
    const digits = match[0].replace(/\D/g, '');
    let sum = 0;
    for (let i = 0; i < digits.length; i += 1) {
      let digit = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (digits.length >= 13 && sum % 10 === 0) return match[0];
  }
  return null;
}
const logs: string[] = [];
let sim: StripeSimulatorHandle;
let hub: RunningHub;
let dir: string;

beforeAll(async () => {
  sim = await startStripeSimulator();
  dir = mkdtempSync(path.join(tmpdir(), 'interline-payments-'));
  mkdirSync(path.join(dir, 'routes'));
  writeFileSync(path.join(dir, 'routes', 'payments.yaml'), ROUTES);
  // The real mapping modules, re-exported from a mappings folder holding only them.
  const mappingsSource = path.resolve(__dirname, '../../../mappings/src/payments');
  mkdirSync(path.join(dir, 'mappings', 'src', 'payments'), { recursive: true });
  for (const name of ['payment-to-create-intent', 'refund-to-create-refund']) {
    writeFileSync(path.join(dir, 'mappings', 'src', 'payments', `${name}.mapping.ts`), `export { default } from ${JSON.stringify(path.join(mappingsSource, `${name}.mapping`))};\n`);
  }
  mkdirSync(path.join(dir, 'mappings', 'src', 'hubtest'), { recursive: true });
  writeFileSync(path.join(dir, 'mappings', 'src', 'hubtest', 'ping-to-charge.mapping.ts'), PING_TO_CHARGE);
  writeFileSync(
    path.join(dir, 'interline.yaml'),
    [
      'server: { host: 127.0.0.1, port: 0 }',
      'logLevel: debug',
      'connectors:',
      '  stripe:',
      '    use: payments',
      '    config:',
      `      secretKey: ${SIMULATOR_SECRET_KEY}`,
      `      apiBase: ${sim.baseUrl}`,
      `      webhookSecret: ${SIMULATOR_WEBHOOK_SECRET}`,
      '      rateLimitBackoffMs: 20',
      // A storm of 429s opens the breaker (as it should); a short cooldown keeps the test short.
      '    circuit: { failureThreshold: 5, cooldownMs: 300 }',
    ].join('\n'),
  );
  const previous = process.env.INTERLINE_MAPPINGS_FROM_SOURCE;
  process.env.INTERLINE_MAPPINGS_FROM_SOURCE = '1';
  try {
    hub = await startRuntime(loadConfig({ file: path.join(dir, 'interline.yaml'), env: {} }), {
      logger: createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(line) } }),
      inMemoryJournal: true,
      resolveConnector: () => paymentsConnector,
    });
  } finally {
    if (previous === undefined) delete process.env.INTERLINE_MAPPINGS_FROM_SOURCE;
    else process.env.INTERLINE_MAPPINGS_FROM_SOURCE = previous;
  }
  sim.configure({ webhook: { url: `${hub.url}/webhooks/stripe/webhook`, retryBaseMs: 50 } });
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await sim?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  sim.faults.clear();
  sim.configure({ rateLimit: null });
});

function requested(paymentId: string, id?: string) {
  return createEnvelope({
    ...(id !== undefined ? { id } : {}),
    type: 'payment.requested',
    source: 'interline/portal',
    subject: paymentId,
    partitionkey: paymentId,
    data: {
      id: paymentId,
      amount: { amountMinor: 61_250, currency: 'USD' },
      status: 'requires_payment_method',
      captureMethod: 'automatic',
      links: { bookingId: `booking-${paymentId}` },
      provider: { name: 'stripe' },
      createdAt: '2025-03-12T13:20:00Z',
    },
  });
}

function charge(paymentId: string, paymentMethod = 'pm_card_visa') {
  return createEnvelope({ type: 'test.ping', source: 'interline/test', data: { nonce: paymentId, sentAt: new Date().toISOString(), note: paymentMethod } });
}

async function settled(messageId: string, routeId: string, timeoutMs = 20_000): Promise<DeliveryRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const delivery = (await messageDetail(hub.hub.journal.sql, messageId))?.deliveries.find((d) => d.routeId === routeId);
    if (delivery && ['delivered', 'dead'].includes(delivery.status)) return delivery;
    if (Date.now() > deadline) throw new Error(`delivery of ${messageId} on ${routeId} did not settle (status ${delivery?.status ?? 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const intentsFor = (paymentId: string) => sim.inspect().paymentIntents.filter((pi) => pi.metadata.interline_payment_id === paymentId);

async function journaled(type: string, subject: string, timeoutMs = 10_000): Promise<Array<{ id: string; envelope: { data: unknown } }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await hub.hub.journal.sql.query<{ id: string; envelope: { data: unknown } }>('SELECT id, envelope FROM messages WHERE type = $1 AND subject = $2', [type, subject]);
    if (rows.rows.length > 0 || Date.now() > deadline) return rows.rows;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('through a real hub', () => {
  it('maps a canonical payment.requested to a PaymentIntent and binds it in the journal', async () => {
    const envelope = requested('pay-hub-1');
    await hub.hub.ingress.submit(envelope);
    expect(await settled(envelope.id, 'payment-requested-to-stripe')).toMatchObject({ status: 'delivered', attempts: 1 });
    const [intent] = intentsFor('pay-hub-1');
    expect(intent).toMatchObject({ amount: 61_250, currency: 'usd', status: 'requires_payment_method', metadata: { interline_booking_id: 'booking-pay-hub-1' } });
    const binding = await hub.hub.bindingsFor('stripe', 'default').get('payment', 'pay-hub-1');
    expect(binding?.externalId).toBe(intent?.id);
  });

  it('the same payment requested twice charges once: a lost response, a second message, a duplicate message', async () => {
    sim.faults.add({ kind: 'transient', operation: 'createPaymentIntent', times: 1, afterEffect: true });
    const first = requested('pay-hub-twice');
    await hub.hub.ingress.submit(first);
    expect(await settled(first.id, 'payment-requested-to-stripe')).toMatchObject({ status: 'delivered', attempts: 2 });
    const second = requested('pay-hub-twice');
    await hub.hub.ingress.submit(second);
    expect(await settled(second.id, 'payment-requested-to-stripe')).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await hub.hub.ingress.submit(first)).toEqual({ status: 'duplicate', id: first.id });
    expect(intentsFor('pay-hub-twice')).toHaveLength(1);
    const replays = sim.inspect().requests.filter((r) => r.operation === 'createPaymentIntent' && r.idempotencyKey?.startsWith(first.id));
    expect(replays.map((r) => [r.status, r.replayed])).toEqual([
      [503, false],
      [200, true],
    ]);
  });

  it('a decline dead-letters at once with its decline code; the webhook reports payment.failed', async () => {
    const envelope = charge('pay-hub-declined', 'pm_card_chargeDeclinedInsufficientFunds');
    await hub.hub.ingress.submit(envelope);
    const delivery = await settled(envelope.id, 'charge-saved-card');
    expect(delivery).toMatchObject({ status: 'dead', attempts: 1, lastError: { errorClass: 'permanent' } });
    expect(delivery.lastError?.message).toContain('Stripe declined the payment: insufficient_funds (card_declined)');
    const [failed] = await journaled('payment.failed', 'pay-hub-declined');
    expect(failed?.envelope.data).toMatchObject({ id: 'pay-hub-declined', status: 'failed', failure: { declineCode: 'insufficient_funds' } });
    expect(validateEventData('payment.failed', failed?.envelope.data)).toMatchObject({ ok: true });
  });

  it('rides out a 429 storm: every payment is retried with back-off and charged exactly once', async () => {
    sim.configure({ rateLimit: { limit: 3, windowMs: 300 } });
    const ids = Array.from({ length: 10 }, (_, i) => `pay-storm-${i}`);
    const envelopes = ids.map((id) => charge(id));
    await Promise.all(envelopes.map((envelope) => hub.hub.ingress.submit(envelope)));
    // Waited for one after another: ten pollers at once would starve the journal they poll.
    const deliveries: DeliveryRecord[] = [];
    for (const envelope of envelopes) deliveries.push(await settled(envelope.id, 'charge-saved-card', 30_000));
    expect(deliveries.map((d) => d.status)).toEqual(ids.map(() => 'delivered'));
    expect(ids.map((id) => intentsFor(id).length)).toEqual(ids.map(() => 1));
    const limited = sim.inspect().requests.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    const retries = [];
    for (const envelope of envelopes) retries.push(...((await messageDetail(hub.hub.journal.sql, envelope.id))?.transitions.filter((t) => t.state === 'retrying') ?? []));
    const rateLimited = retries.filter((t) => t.error?.errorClass === 'transient' && t.error.message.includes('Stripe is rate limiting this account (HTTP 429'));
    const breakerWaits = retries.filter((t) => t.error?.errorClass === 'circuit-open');
    expect(rateLimited.length).toBeGreaterThan(0);
    // Nothing else went wrong: every retry was a 429 or a wait for the breaker the 429s opened.
    expect(rateLimited.length + breakerWaits.length).toBe(retries.length);
  }, 40_000);

  it('turns Stripe webhooks into canonical payment.succeeded and refund.succeeded events', async () => {
    const paid = charge('pay-hub-paid');
    await hub.hub.ingress.submit(paid);
    await settled(paid.id, 'charge-saved-card');
    const [succeeded] = await journaled('payment.succeeded', 'pay-hub-paid');
    expect(succeeded?.envelope.data).toMatchObject({ id: 'pay-hub-paid', status: 'succeeded', amountReceived: { amountMinor: 7_500, currency: 'EUR' } });
    const refund = createEnvelope({
      type: 'refund.requested',
      source: 'interline/portal',
      subject: 'ref-hub-1',
      data: { id: 'ref-hub-1', paymentId: 'pay-hub-paid', amount: { amountMinor: 2_500, currency: 'EUR' }, status: 'pending', reason: 'overcharge', provider: { name: 'stripe' }, createdAt: '2025-03-20T08:00:00Z' },
    });
    await hub.hub.ingress.submit(refund);
    expect(await settled(refund.id, 'refund-requested-to-stripe')).toMatchObject({ status: 'delivered' });
    const [refunded] = await journaled('refund.succeeded', 'ref-hub-1');
    expect(refunded?.envelope.data).toMatchObject({ id: 'ref-hub-1', paymentId: 'pay-hub-paid', amount: { amountMinor: 2_500, currency: 'EUR' }, status: 'succeeded', reason: 'overcharge' });
  });

  it('answers a forged webhook on the ops server with 400 and journals nothing', async () => {
    const before = await hub.hub.journal.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM messages');
    const forged = signed(JSON.stringify({ id: 'evt_forged', object: 'event', type: 'payment_intent.succeeded', created: 1, data: { object: {} } }), { secret: 'whsec_not_the_endpoint_secret_0' });
    const response = await fetch(`${hub.url}/webhooks/stripe/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...forged.headers }, body: forged.rawBody });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'signature-mismatch' });
    const after = await hub.hub.journal.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM messages');
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('an API key Stripe refuses dead-letters as an auth failure', async () => {
    sim.faults.add({ kind: 'auth', operation: 'createPaymentIntent', times: 1 });
    const envelope = charge('pay-hub-auth');
    await hub.hub.ingress.submit(envelope);
    const delivery = await settled(envelope.id, 'charge-saved-card');
    expect(delivery).toMatchObject({ status: 'dead', attempts: 1, lastError: { errorClass: 'auth' } });
    expect(delivery.lastError?.message).toContain("check the connector's secretKey");
  });

  it('never writes the secret key, the webhook secret, a client_secret or a card number to the logs or the journal', async () => {
    const tables = await hub.hub.journal.sql.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    let journal = '';
    for (const { table_name: table } of tables.rows) {
      const rows = await hub.hub.journal.sql.query(`SELECT * FROM "${table}"`);
      journal += `${table}:${JSON.stringify(rows.rows)}\n`;
    }
    const logText = logs.join('');
    // The detector itself: it finds a test card written either way, and not a UUID.
    expect([cardNumberIn('card 4242424242424242 used'), cardNumberIn('4000-0027-6000-3184'), cardNumberIn('0195a240-8888-7100-8000-000000000001')]).toEqual(['4242424242424242', '4000-0027-6000-3184', null]);
    // The grep means something only if the run did what we think it did.
    expect(journal).toContain('pay-hub-declined');
    expect(journal).toContain('insufficient_funds');
    expect(logText).toContain('stripe call');
    expect(logText).toContain('Stripe event emitted');
    for (const [where, text] of [
      ['journal', journal],
      ['logs', logText],
    ] as const) {
      expect({ where, secretKey: text.includes(SIMULATOR_SECRET_KEY) }).toEqual({ where, secretKey: false });
      expect({ where, webhookSecret: text.includes(SIMULATOR_WEBHOOK_SECRET) }).toEqual({ where, webhookSecret: false });
      expect({ where, clientSecret: /pi_\w+_secret_/.test(text) }).toEqual({ where, clientSecret: false });
      expect({ where, cardNumber: cardNumberIn(text) }).toEqual({ where, cardNumber: null });
    }
  });
});
