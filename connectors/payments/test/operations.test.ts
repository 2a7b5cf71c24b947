// The five operations through the real `stripe` package against the simulator: what each leaves in
// the simulated Stripe account, the bindings it records, and what it refuses.
import { PermanentError, check } from '@interline/hub';
import { CreatePaymentIntentInputSchema, PAYMENT_ENTITY, REFUND_ENTITY } from '../src';
import type { PaymentIntentResult, RefundResult } from '../src';
import { failure, memoryBindings, operationContext, paymentInput, runOperation, startRig } from './harness';
import type { TestRig } from './harness';

let rig: TestRig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(() => rig.sim.stop());

const intent = (id: string) => rig.sim.inspect().paymentIntents.find((pi) => pi.id === id);

describe('createPaymentIntent', () => {
  it('creates and confirms a payment, with canonical ids in metadata, and binds payment ↔ pi_', async () => {
    const ctx = operationContext();
    const result = await runOperation<PaymentIntentResult>(rig.client, 'createPaymentIntent', paymentInput('pay-auto', { customerPartyId: 'party-7', paymentMethod: 'pm_card_visa', confirm: true, description: 'AWB 020-12345675' }), ctx);
    expect(result).toMatchObject({ paymentId: 'pay-auto', status: 'succeeded', replayed: false, payment: { id: 'pay-auto', status: 'succeeded', amountReceived: { amountMinor: 12_500, currency: 'EUR' } } });
    expect(intent(result.paymentIntentId)).toMatchObject({
      amount: 12_500,
      currency: 'eur',
      capture_method: 'automatic',
      metadata: { interline_payment_id: 'pay-auto', interline_order_id: 'order-pay-auto', interline_customer_party_id: 'party-7', interline_tenant: 'default' },
    });
    expect(await ctx.bindings.get(PAYMENT_ENTITY, 'pay-auto')).toMatchObject({ externalId: result.paymentIntentId });
    // The client_secret lets anyone confirm the intent: it never leaves the connector.
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('sends the step key as Idempotency-Key and the pinned Stripe-Version', async () => {
    const ctx = operationContext();
    const result = await runOperation<PaymentIntentResult>(rig.client, 'createPaymentIntent', paymentInput('pay-headers'), ctx);
    const request = rig.sim.inspect().requests.find((r) => r.operation === 'createPaymentIntent' && r.idempotencyKey === ctx.idempotencyKey);
    expect(request).toMatchObject({ stripeVersion: '2026-10-28.endive', status: 200 });
    expect(result.status).toBe('requires_payment_method');
  });

  it('the same step run twice (a redelivery) creates one PaymentIntent, answered from Stripe\'s idempotency store', async () => {
    const before = rig.sim.inspect().effects.length;
    const first = await runOperation<PaymentIntentResult>(rig.client, 'createPaymentIntent', paymentInput('pay-twice', { paymentMethod: 'pm_card_visa', confirm: true }), operationContext({ idempotencyKey: 'msg-twice:route:1' }));
    // A redelivery after a crash: the binding was never written, the key is the same.
    const again = await runOperation<PaymentIntentResult>(rig.client, 'createPaymentIntent', paymentInput('pay-twice', { paymentMethod: 'pm_card_visa', confirm: true }), operationContext({ idempotencyKey: 'msg-twice:route:1' }));
    expect(again).toMatchObject({ paymentIntentId: first.paymentIntentId, replayed: true });
    expect(rig.sim.inspect().effects.length - before).toBe(1);
  });

  it('a second message for an already bound payment creates nothing and returns the existing intent', async () => {
    const bindings = memoryBindings();
    const first = await runOperation<PaymentIntentResult>(rig.client, 'createPaymentIntent', paymentInput('pay-bound'), operationContext({ bindings }));
    const before = rig.sim.inspect().effects.length;
    const second = await runOperation<PaymentIntentResult>(rig.client, 'createPaymentIntent', paymentInput('pay-bound'), operationContext({ bindings }));
    expect(second).toMatchObject({ paymentIntentId: first.paymentIntentId, replayed: true });
    expect(rig.sim.inspect().effects.length).toBe(before);
    const changed = await failure(runOperation(rig.client, 'createPaymentIntent', paymentInput('pay-bound', { amount: { amountMinor: 99_000, currency: 'EUR' } }), operationContext({ bindings })));
    expect(changed).toBeInstanceOf(PermanentError);
    expect(changed.message).toMatch(/already has pi_\w+ for 12500 EUR minor units, not 99000 EUR; a different amount needs a new canonical payment id/);
  });

  it('a decline is a PermanentError with the decline code, and the declined intent is still bound', async () => {
    const ctx = operationContext();
    const error = await failure(runOperation(rig.client, 'createPaymentIntent', paymentInput('pay-declined', { paymentMethod: 'pm_card_chargeDeclinedInsufficientFunds', confirm: true }), ctx));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain('Stripe declined the payment: insufficient_funds (card_declined) — Your card has insufficient funds.');
    expect(error.details).toMatchObject({ status: 402, code: 'card_declined', declineCode: 'insufficient_funds', paymentIntentId: expect.stringMatching(/^pi_/) });
    const bound = await ctx.bindings.get(PAYMENT_ENTITY, 'pay-declined');
    expect(intent(bound?.externalId ?? '')).toMatchObject({ status: 'requires_payment_method', last_payment_error: { decline_code: 'insufficient_funds' } });
  });

  it('a card that needs 3-D Secure leaves the intent in requires_action, not an error', async () => {
    const result = await runOperation<PaymentIntentResult>(rig.client, 'createPaymentIntent', paymentInput('pay-3ds', { paymentMethod: 'pm_card_authenticationRequired', confirm: true }));
    expect(result).toMatchObject({ status: 'requires_action', nextAction: 'use_stripe_sdk', payment: { status: 'requires_action' } });
  });

  it('converts currencies Stripe counts differently: ISK in hundredths, KWD in thousandths ending in 0', async () => {
    const isk = await runOperation<PaymentIntentResult>(rig.client, 'createPaymentIntent', paymentInput('pay-isk', { amount: { amountMinor: 15_000, currency: 'ISK' } }));
    expect(intent(isk.paymentIntentId)).toMatchObject({ amount: 1_500_000, currency: 'isk' });
    expect(isk.payment?.amount).toEqual({ amountMinor: 15_000, currency: 'ISK' });
    const odd = await failure(runOperation(rig.client, 'createPaymentIntent', paymentInput('pay-kwd', { amount: { amountMinor: 12_345, currency: 'KWD' } })));
    expect(odd.message).toContain('Stripe requires KWD amounts to end in 0');
  });

  it('refuses confirm without a payment method before calling Stripe', async () => {
    const error = await failure(runOperation(rig.client, 'createPaymentIntent', paymentInput('pay-nopm', { confirm: true })));
    expect(error.message).toContain('confirm is true but no paymentMethod (pm_…) is given');
  });

  it('its input schema refuses card numbers and unknown fields without echoing them', () => {
    const result = check(CreatePaymentIntentInputSchema, paymentInput('pay-pan', { paymentMethod: '4242424242424242', cardNumber: '4242424242424242' }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['/paymentMethod', '/cardNumber']));
      expect(JSON.stringify(result.issues)).not.toContain('4242424242424242');
    }
  });
});

describe('confirm, capture and cancel', () => {
  it('confirms a declined payment again with another payment method', async () => {
    const bindings = memoryBindings();
    await failure(runOperation(rig.client, 'createPaymentIntent', paymentInput('pay-retry', { paymentMethod: 'pm_card_chargeDeclined', confirm: true }), operationContext({ bindings })));
    const result = await runOperation<PaymentIntentResult>(rig.client, 'confirmPaymentIntent', { paymentId: 'pay-retry', paymentMethod: 'pm_card_visa' }, operationContext({ bindings }));
    expect(result).toMatchObject({ status: 'succeeded', payment: { status: 'succeeded' } });
  });

  it('authorises with manual capture, then captures part and releases the rest', async () => {
    const bindings = memoryBindings();
    const held = await runOperation<PaymentIntentResult>(rig.client, 'createPaymentIntent', paymentInput('pay-manual', { captureMethod: 'manual', paymentMethod: 'pm_card_visa', confirm: true }), operationContext({ bindings }));
    expect(held.status).toBe('requires_capture');
    expect(intent(held.paymentIntentId)).toMatchObject({ amount_capturable: 12_500 });
    const captured = await runOperation<PaymentIntentResult>(rig.client, 'capturePaymentIntent', { paymentId: 'pay-manual', amountToCapture: { amountMinor: 10_000, currency: 'EUR' } }, operationContext({ bindings }));
    expect(captured).toMatchObject({ status: 'succeeded', payment: { amountReceived: { amountMinor: 10_000, currency: 'EUR' } } });
    expect(intent(held.paymentIntentId)).toMatchObject({ amount_received: 10_000, amount_capturable: 0 });
  });

  it('refuses to capture in another currency before anything is captured', async () => {
    const bindings = memoryBindings();
    const held = await runOperation<PaymentIntentResult>(rig.client, 'createPaymentIntent', paymentInput('pay-ccy', { captureMethod: 'manual', paymentMethod: 'pm_card_visa', confirm: true }), operationContext({ bindings }));
    const error = await failure(runOperation(rig.client, 'capturePaymentIntent', { paymentId: 'pay-ccy', amountToCapture: { amountMinor: 100, currency: 'USD' } }, operationContext({ bindings })));
    expect(error.message).toContain(`amountToCapture is in USD but ${held.paymentIntentId} is in EUR`);
    expect(intent(held.paymentIntentId)?.status).toBe('requires_capture');
  });

  it('cancels an authorisation; cancelling a collected payment is refused by Stripe as permanent', async () => {
    const bindings = memoryBindings();
    await runOperation(rig.client, 'createPaymentIntent', paymentInput('pay-cancel', { captureMethod: 'manual', paymentMethod: 'pm_card_visa', confirm: true }), operationContext({ bindings }));
    const canceled = await runOperation<PaymentIntentResult>(rig.client, 'cancelPaymentIntent', { paymentId: 'pay-cancel', reason: 'requested_by_customer' }, operationContext({ bindings }));
    expect(canceled).toMatchObject({ status: 'canceled', payment: { status: 'canceled' } });
    await runOperation(rig.client, 'createPaymentIntent', paymentInput('pay-done', { paymentMethod: 'pm_card_visa', confirm: true }), operationContext({ bindings }));
    const error = await failure(runOperation(rig.client, 'cancelPaymentIntent', { paymentId: 'pay-done' }, operationContext({ bindings })));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain('payment_intent_unexpected_state');
    expect(error.message).toContain('it has a status of succeeded');
  });

  it('refuses a payment without a PaymentIntent, and an intent that belongs to another payment', async () => {
    const bindings = memoryBindings();
    const none = await failure(runOperation(rig.client, 'capturePaymentIntent', { paymentId: 'pay-unknown' }, operationContext({ bindings })));
    expect(none.message).toBe('capturePaymentIntent: payment pay-unknown has no Stripe PaymentIntent bound to it; create it first with createPaymentIntent, or pass paymentIntentId');
    const own = await runOperation<PaymentIntentResult>(rig.client, 'createPaymentIntent', paymentInput('pay-owner'), operationContext({ bindings }));
    const theft = await failure(runOperation(rig.client, 'cancelPaymentIntent', { paymentId: 'pay-other', paymentIntentId: own.paymentIntentId }, operationContext({ bindings })));
    expect(theft.message).toContain(`${own.paymentIntentId} belongs to payment pay-owner, not pay-other`);
    expect(intent(own.paymentIntentId)?.status).toBe('requires_payment_method');
  });
});

describe('createRefund', () => {
  it('refunds in part, then the rest, and refuses more than was paid', async () => {
    const bindings = memoryBindings();
    const paid = await runOperation<PaymentIntentResult>(rig.client, 'createPaymentIntent', paymentInput('pay-refund', { paymentMethod: 'pm_card_visa', confirm: true }), operationContext({ bindings }));
    const partial = await runOperation<RefundResult>(
      rig.client,
      'createRefund',
      { refundId: 'ref-1', paymentId: 'pay-refund', amount: { amountMinor: 2_500, currency: 'EUR' }, reason: 'overcharge', creditNoteId: 'cn-1' },
      operationContext({ bindings }),
    );
    expect(partial).toMatchObject({ status: 'succeeded', refund: { id: 'ref-1', paymentId: 'pay-refund', amount: { amountMinor: 2_500, currency: 'EUR' }, reason: 'overcharge', creditNoteId: 'cn-1' } });
    expect(rig.sim.inspect().refunds.find((r) => r.id === partial.stripeRefundId)).toMatchObject({ payment_intent: paid.paymentIntentId, reason: 'requested_by_customer', metadata: { interline_refund_reason: 'overcharge' } });
    expect(await bindings.get(REFUND_ENTITY, 'ref-1')).toMatchObject({ externalId: partial.stripeRefundId });
    const rest = await runOperation<RefundResult>(rig.client, 'createRefund', { refundId: 'ref-2', paymentId: 'pay-refund', reason: 'duplicate' }, operationContext({ bindings }));
    expect(rest.refund?.amount).toEqual({ amountMinor: 10_000, currency: 'EUR' });
    const more = await failure(runOperation(rig.client, 'createRefund', { refundId: 'ref-3', paymentId: 'pay-refund', reason: 'duplicate' }, operationContext({ bindings })));
    expect(more).toBeInstanceOf(PermanentError);
    expect(more.message).toContain('charge_already_refunded');
  });

  it('a refund id already bound is not refunded again', async () => {
    const bindings = memoryBindings();
    await runOperation(rig.client, 'createPaymentIntent', paymentInput('pay-refund-once', { paymentMethod: 'pm_card_visa', confirm: true }), operationContext({ bindings }));
    const input = { refundId: 'ref-once', paymentId: 'pay-refund-once', amount: { amountMinor: 1_000, currency: 'EUR' }, reason: 'requested_by_customer' };
    const first = await runOperation<RefundResult>(rig.client, 'createRefund', input, operationContext({ bindings }));
    const again = await runOperation<RefundResult>(rig.client, 'createRefund', input, operationContext({ bindings }));
    expect(again).toMatchObject({ stripeRefundId: first.stripeRefundId, replayed: true });
    expect(rig.sim.inspect().refunds.filter((r) => r.metadata.interline_refund_id === 'ref-once')).toHaveLength(1);
  });

  it('refuses a refund of an authorisation not yet captured', async () => {
    const bindings = memoryBindings();
    await runOperation(rig.client, 'createPaymentIntent', paymentInput('pay-held', { captureMethod: 'manual', paymentMethod: 'pm_card_visa', confirm: true }), operationContext({ bindings }));
    const error = await failure(runOperation(rig.client, 'createRefund', { refundId: 'ref-held', paymentId: 'pay-held', reason: 'booking_cancelled' }, operationContext({ bindings })));
    expect(error.message).toContain('does not have a successful charge to refund; its status is requires_capture');
  });
});
