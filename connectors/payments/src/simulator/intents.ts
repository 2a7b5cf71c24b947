// PaymentIntent endpoints and state machine: requires_payment_method → requires_confirmation →
// (requires_action) → requires_capture (manual) → succeeded, or canceled; declines go back to
// requires_payment_method with last_payment_error, as Stripe does.
import { invalidRequest, stripeError, stripeId } from './api-result';
import type { ApiResult } from './api-result';
import type { FormObject } from './form';
import type { IntentJson, RequestRef, StripeLedger } from './ledger';
import { checkAmount } from './amount-rules';
import { metadata, onlyKnown, oneOf, optionalBoolean, optionalInteger, optionalString, requiredCurrency } from './params';
import { paymentMethodJson, testPaymentMethod, testPaymentMethodIds } from './test-payment-methods';
import type { TestPaymentMethod } from './test-payment-methods';

const CANCELABLE = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];
const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

const ok = (intent: IntentJson): ApiResult => ({ status: 200, body: structuredClone(intent), executed: true });

function missing(id: string): ApiResult {
  return invalidRequest(`No such payment_intent: '${id}'`, { code: 'resource_missing', param: 'intent' });
}

function unexpectedState(intent: IntentJson, action: string, allowed: string[]): ApiResult {
  return stripeError(
    400,
    'invalid_request_error',
    `You cannot ${action} this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be ${action === 'capture' ? 'captured' : `${action}ed`}: ${allowed.join(', ')}.`,
    { code: 'payment_intent_unexpected_state', payment_intent: structuredClone(intent) },
    { executed: true },
  );
}

function methodFor(id: string | undefined): TestPaymentMethod | ApiResult | undefined {
  if (id === undefined) return undefined;
  return testPaymentMethod(id) ?? invalidRequest(`No such PaymentMethod: '${id}' (the simulator knows ${testPaymentMethodIds().join(', ')})`, { code: 'resource_missing', param: 'payment_method' });
}

export function createIntent(ledger: StripeLedger, params: FormObject, request: RequestRef): ApiResult {
  onlyKnown(params, ['amount', 'currency', 'capture_method', 'confirm', 'customer', 'description', 'metadata', 'payment_method', 'automatic_payment_methods', 'expand', 'receipt_email', 'return_url', 'off_session']);
  const amount = optionalInteger(params, 'amount');
  if (amount === undefined) return invalidRequest('Missing required param: amount.', { code: 'parameter_missing', param: 'amount' });
  const currency = requiredCurrency(params);
  const amountProblem = checkAmount(amount, currency);
  if (amountProblem) return amountProblem;
  const captureMethod = oneOf(params, 'capture_method', ['automatic', 'automatic_async', 'manual'] as const) ?? 'automatic_async';
  const confirm = optionalBoolean(params, 'confirm') ?? false;
  const customer = optionalString(params, 'customer', /^cus_[A-Za-z0-9_]+$/, 255);
  const description = optionalString(params, 'description', undefined, 1000);
  const methodId = optionalString(params, 'payment_method', /^pm_[A-Za-z0-9_]+$/, 255);
  const method = methodFor(methodId);
  if (method && 'status' in method) return method;
  if (confirm && !method) {
    return invalidRequest("You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent, pass a payment_method.", { code: 'payment_intent_unexpected_state', param: 'payment_method' });
  }
  const apm = params.automatic_payment_methods;
  const automatic = typeof apm === 'object' && !Array.isArray(apm) ? { enabled: apm.enabled !== 'false', ...(typeof apm.allow_redirects === 'string' ? { allow_redirects: apm.allow_redirects } : {}) } : { enabled: true };
  const id = ledger.newId('pi');
  const intent: IntentJson = {
    id,
    object: 'payment_intent',
    amount,
    amount_capturable: 0,
    amount_received: 0,
    automatic_payment_methods: automatic,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: captureMethod,
    client_secret: `${id}_secret_${stripeId('x', 25).slice(2)}`,
    confirmation_method: 'automatic',
    created: ledger.now(),
    currency,
    customer: customer ?? null,
    description: description ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: metadata(params),
    next_action: null,
    payment_method: method ? method.id : null,
    payment_method_types: ['card'],
    status: method ? 'requires_confirmation' : 'requires_payment_method',
  };
  ledger.intents.set(id, intent);
  ledger.effect('createPaymentIntent', id, request);
  ledger.event('payment_intent.created', intent, request);
  return confirm && method ? runConfirmation(ledger, intent, method, request) : ok(intent);
}

export function retrieveIntent(ledger: StripeLedger, id: string): ApiResult {
  const intent = ledger.intents.get(id);
  return intent ? ok(intent) : missing(id);
}

export function confirmIntent(ledger: StripeLedger, id: string, params: FormObject, request: RequestRef): ApiResult {
  onlyKnown(params, ['payment_method', 'expand', 'return_url', 'off_session', 'receipt_email']);
  const intent = ledger.intents.get(id);
  if (!intent) return missing(id);
  const given = methodFor(optionalString(params, 'payment_method', /^pm_[A-Za-z0-9_]+$/, 255));
  if (given && 'status' in given) return given;
  if (!CONFIRMABLE.includes(intent.status)) return unexpectedState(intent, 'confirm', CONFIRMABLE);
  const method = given ?? (intent.payment_method ? testPaymentMethod(intent.payment_method) : undefined);
  if (!method) {
    return invalidRequest("You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent, pass a payment_method.", { code: 'payment_intent_unexpected_state', param: 'payment_method' }, true);
  }
  ledger.effect('confirmPaymentIntent', id, request);
  return runConfirmation(ledger, intent, method, request);
}

/** What confirming with a test payment method does: succeed, decline, or ask for authentication. */
function runConfirmation(ledger: StripeLedger, intent: IntentJson, method: TestPaymentMethod, request: RequestRef): ApiResult {
  intent.payment_method = method.id;
  intent.last_payment_error = null;
  intent.next_action = null;
  const charge = ledger.newId('ch');
  if (method.outcome.kind === 'authenticate') {
    intent.status = 'requires_action';
    intent.next_action = { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } };
    ledger.event('payment_intent.requires_action', intent, request);
    return ok(intent);
  }
  intent.latest_charge = charge;
  if (method.outcome.kind === 'decline') {
    const { code, declineCode, message } = method.outcome;
    intent.status = 'requires_payment_method';
    intent.payment_method = null;
    intent.last_payment_error = { type: 'card_error', code, decline_code: declineCode, message, charge, payment_method: paymentMethodJson(method) };
    ledger.event('payment_intent.payment_failed', intent, request);
    return stripeError(402, 'card_error', message, { code, decline_code: declineCode, charge, payment_intent: structuredClone(intent), payment_method: paymentMethodJson(method) }, { executed: true });
  }
  settle(ledger, intent, method.id, request);
  return ok(intent);
}

/** A successful authorisation: held for capture (manual) or collected at once. */
function settle(ledger: StripeLedger, intent: IntentJson, methodId: string, request: RequestRef): void {
  ledger.paidWith.set(intent.id, methodId);
  if (intent.capture_method === 'manual') {
    intent.status = 'requires_capture';
    intent.amount_capturable = intent.amount;
    ledger.event('payment_intent.amount_capturable_updated', intent, request);
  } else {
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    ledger.event('payment_intent.succeeded', intent, request);
  }
}

export function captureIntent(ledger: StripeLedger, id: string, params: FormObject, request: RequestRef): ApiResult {
  onlyKnown(params, ['amount_to_capture', 'expand', 'metadata']);
  const intent = ledger.intents.get(id);
  if (!intent) return missing(id);
  const amount = optionalInteger(params, 'amount_to_capture');
  if (intent.status !== 'requires_capture') return unexpectedState(intent, 'capture', ['requires_capture']);
  if (amount !== undefined && (amount < 1 || amount > intent.amount_capturable)) {
    return stripeError(400, 'invalid_request_error', `The amount to capture (${amount}) must be at least 1 and at most the amount capturable (${intent.amount_capturable}).`, { code: 'amount_too_large', param: 'amount_to_capture' }, { executed: true });
  }
  intent.amount_received = amount ?? intent.amount_capturable;
  intent.amount_capturable = 0;
  intent.status = 'succeeded';
  ledger.effect('capturePaymentIntent', id, request);
  ledger.event('payment_intent.succeeded', intent, request);
  return ok(intent);
}

export function cancelIntent(ledger: StripeLedger, id: string, params: FormObject, request: RequestRef): ApiResult {
  onlyKnown(params, ['cancellation_reason', 'expand']);
  const intent = ledger.intents.get(id);
  if (!intent) return missing(id);
  const reason = oneOf(params, 'cancellation_reason', ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const);
  if (!CANCELABLE.includes(intent.status)) return unexpectedState(intent, 'cancel', CANCELABLE);
  intent.status = 'canceled';
  intent.canceled_at = ledger.now();
  intent.cancellation_reason = reason ?? null;
  intent.amount_capturable = 0;
  intent.next_action = null;
  ledger.effect('cancelPaymentIntent', id, request);
  ledger.event('payment_intent.canceled', intent, request);
  return ok(intent);
}

/** The customer finishing (or failing) 3-D Secure client-side; driven through the control plane. */
export function authenticateIntent(ledger: StripeLedger, id: string, succeed: boolean): ApiResult {
  const intent = ledger.intents.get(id);
  if (!intent) return missing(id);
  if (intent.status !== 'requires_action') return unexpectedState(intent, 'authenticate', ['requires_action']);
  const request: RequestRef = { id: null, idempotency_key: null };
  intent.next_action = null;
  if (succeed) {
    settle(ledger, intent, intent.payment_method ?? 'pm_card_authenticationRequired', request);
  } else {
    intent.status = 'requires_payment_method';
    intent.last_payment_error = {
      type: 'card_error',
      code: 'payment_intent_authentication_failure',
      message: 'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
    };
    intent.payment_method = null;
    ledger.event('payment_intent.payment_failed', intent, request);
  }
  ledger.effect('authenticate', id, request);
  return ok(intent);
}
