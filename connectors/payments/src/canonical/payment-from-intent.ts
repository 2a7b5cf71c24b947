// Stripe PaymentIntent → canonical Payment. The canonical ids come from the metadata the connector
// wrote when it created the intent; amounts go back from Stripe units to ISO minor units.
import { MalformedInputError, PAYMENT_STATUSES } from '@interline/hub';
import type { Payment, PaymentStatus } from '@interline/hub';
import { METADATA, linksFromMetadata } from '../metadata';
import { fromStripeAmount } from '../stripe-amounts';
import { asIntent, isoTime, refId } from './stripe-objects';

export interface PaymentViewOptions {
  /** Report the payment as failed (a payment_intent.payment_failed event) rather than Stripe's status. */
  failed?: boolean;
  /** When Stripe last changed it (the event's created time), for updatedAt. */
  updatedAt?: number;
}

const PROVIDER_ID = /^[A-Za-z0-9_-]{3,255}$/;
const METHOD_TYPE = /^[a-z_]{2,40}$/;

/** The canonical payment id an intent carries, or undefined for an intent not created through Interline. */
export function canonicalPaymentId(intent: { metadata?: Record<string, string> | null }): string | undefined {
  const id = intent.metadata?.[METADATA.paymentId];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export function paymentFromIntent(value: unknown, options: PaymentViewOptions = {}): Payment {
  const intent = asIntent(value);
  const what = `Stripe PaymentIntent ${intent.id}`;
  const id = canonicalPaymentId(intent);
  if (id === undefined) throw new MalformedInputError(`${what} has no metadata.${METADATA.paymentId}: it was not created through Interline, so it has no canonical payment`);
  const links = linksFromMetadata(intent.metadata);
  if (links === undefined) throw new MalformedInputError(`${what} has no interline_*_id link in metadata (booking, shipment, order, invoice or pnr); a canonical Payment needs at least one`);
  if (!(PAYMENT_STATUSES as readonly string[]).includes(intent.status)) throw new MalformedInputError(`${what} has status "${intent.status}", which the canonical model does not know`);

  const payment: Payment = {
    id,
    amount: fromStripeAmount(intent.amount, intent.currency),
    status: options.failed ? 'failed' : (intent.status as PaymentStatus),
    captureMethod: intent.capture_method === 'manual' ? 'manual' : 'automatic',
    links,
    provider: { name: 'stripe', paymentId: intent.id },
    createdAt: isoTime(intent.created),
  };
  if (intent.amount_received > 0) payment.amountReceived = fromStripeAmount(intent.amount_received, intent.currency);
  const party = intent.metadata[METADATA.customerPartyId];
  if (party) payment.customerPartyId = party;
  const chargeId = refId(intent.latest_charge);
  if (chargeId && PROVIDER_ID.test(chargeId)) payment.provider.chargeId = chargeId;
  const customerId = refId(intent.customer);
  if (customerId && PROVIDER_ID.test(customerId)) payment.provider.customerId = customerId;
  const methodType = intent.payment_method_types?.[0];
  if (methodType && METHOD_TYPE.test(methodType)) payment.provider.paymentMethodType = methodType;
  const error = intent.last_payment_error;
  if (error && (error.code || error.decline_code || error.message)) {
    payment.failure = {};
    if (error.code) payment.failure.code = error.code.slice(0, 64);
    if (error.decline_code) payment.failure.declineCode = error.decline_code.slice(0, 64);
    if (error.message) payment.failure.message = error.message.slice(0, 500);
  } else if (payment.status === 'failed') {
    payment.failure = { code: 'payment_failed', message: 'Stripe reported the payment as failed without an error object' };
  }
  if (intent.description) payment.description = intent.description.slice(0, 500);
  if (options.updatedAt !== undefined) payment.updatedAt = isoTime(options.updatedAt);
  return payment;
}
