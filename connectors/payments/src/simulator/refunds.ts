// Refund endpoints: full or partial refunds of a succeeded PaymentIntent, never more than is left;
// succeeded at once, except for the refund-failure test card, which fails asynchronously.
import { invalidRequest } from './api-result';
import type { ApiResult } from './api-result';
import type { FormObject } from './form';
import type { RefundJson, RequestRef, StripeLedger } from './ledger';
import { metadata, onlyKnown, oneOf, optionalInteger, optionalString } from './params';
import { testPaymentMethod } from './test-payment-methods';

/** Schedules the asynchronous failure of a refund (the server owns the timers). */
export type FailLater = (refundId: string) => void;

export function createRefund(ledger: StripeLedger, params: FormObject, request: RequestRef, failLater: FailLater): ApiResult {
  onlyKnown(params, ['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'currency', 'expand']);
  const intentId = optionalString(params, 'payment_intent', /^pi_[A-Za-z0-9_]+$/, 255);
  const chargeId = optionalString(params, 'charge', /^ch_[A-Za-z0-9_]+$/, 255);
  const intent = intentId ? ledger.intents.get(intentId) : [...ledger.intents.values()].find((candidate) => chargeId !== undefined && candidate.latest_charge === chargeId);
  if (!intentId && !chargeId) return invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', { code: 'parameter_missing', param: 'payment_intent' });
  if (!intent) return invalidRequest(intentId ? `No such payment_intent: '${intentId}'` : `No such charge: '${chargeId}'`, { code: 'resource_missing', param: intentId ? 'payment_intent' : 'charge' });
  const amount = optionalInteger(params, 'amount');
  const reason = oneOf(params, 'reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const);
  const currency = optionalString(params, 'currency', /^[a-z]{3}$/);
  const meta = metadata(params);
  if (intent.status !== 'succeeded' || intent.latest_charge === null) {
    return invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund; its status is ${intent.status}. Cancel it instead if it is not collected.`, { code: 'charge_not_refundable', param: 'payment_intent' }, true);
  }
  if (currency !== undefined && currency !== intent.currency) {
    return invalidRequest(`The refund currency (${currency}) must be the currency of the charge (${intent.currency}).`, { code: 'parameter_invalid', param: 'currency' });
  }
  const remaining = intent.amount_received - ledger.refundedAmount(intent.id);
  if (remaining <= 0) return invalidRequest(`Charge ${intent.latest_charge} has already been refunded.`, { code: 'charge_already_refunded' }, true);
  if (amount !== undefined && (amount < 1 || amount > remaining)) {
    return invalidRequest(`Refund amount (${amount} ${intent.currency}) is greater than unrefunded amount on charge (${remaining} ${intent.currency}).`, { code: 'amount_too_large', param: 'amount' }, true);
  }
  const paidWith = testPaymentMethod(ledger.paidWith.get(intent.id) ?? '');
  const refund: RefundJson = {
    id: ledger.newId('re'),
    object: 'refund',
    amount: amount ?? remaining,
    balance_transaction: null,
    charge: intent.latest_charge,
    created: ledger.now(),
    currency: intent.currency,
    metadata: meta,
    payment_intent: intent.id,
    reason: reason ?? null,
    status: paidWith?.refundsFail ? 'pending' : 'succeeded',
  };
  ledger.refunds.set(refund.id, refund);
  ledger.effect('createRefund', refund.id, request);
  ledger.event('refund.created', refund, request);
  if (refund.status === 'pending') failLater(refund.id);
  return { status: 200, body: structuredClone(refund), executed: true };
}

/** The card turned out closed: the refund fails and the money stays with the merchant. */
export function failRefund(ledger: StripeLedger, refundId: string): void {
  const refund = ledger.refunds.get(refundId);
  if (!refund || refund.status !== 'pending') return;
  refund.status = 'failed';
  refund.failure_reason = 'expired_or_canceled_card';
  const request: RequestRef = { id: null, idempotency_key: null };
  ledger.event('refund.updated', refund, request);
  ledger.event('refund.failed', refund, request);
}

export function retrieveRefund(ledger: StripeLedger, id: string): ApiResult {
  const refund = ledger.refunds.get(id);
  if (!refund) return invalidRequest(`No such refund: '${id}'`, { code: 'resource_missing', param: 'id' });
  return { status: 200, body: structuredClone(refund), executed: true };
}
