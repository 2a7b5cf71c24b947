// What the PaymentIntent operations share: input pieces, the binding between a canonical payment
// and its Stripe PaymentIntent, and the result every operation returns (never the client_secret).
import { Type } from '@sinclair/typebox';
import { CurrencyCodeSchema, PermanentError } from '@interline/hub';
import type { OperationContext, Payment } from '@interline/hub';
import type Stripe from 'stripe';
import { paymentFromIntent } from '../canonical/payment-from-intent';
import { replayedHeader } from '../client';

/** Binding entities: canonical payment id ↔ pi_…, canonical refund id ↔ re_…. */
export const PAYMENT_ENTITY = 'payment';
export const REFUND_ENTITY = 'refund';

export const CanonicalIdSchema = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' });
export const PaymentIntentIdSchema = Type.String({ pattern: '^pi_[A-Za-z0-9_]+$', maxLength: 255, description: 'Stripe PaymentIntent id; looked up from the binding when absent.' });
export const PaymentMethodIdSchema = Type.String({
  pattern: '^pm_[A-Za-z0-9_]+$',
  maxLength: 255,
  description: 'A Stripe PaymentMethod id collected client-side (pm_…). Card numbers are never accepted.',
});
/** Money that must be more than zero, in ISO 4217 minor units (as canonical Money). */
export function positiveMoneySchema(description: string) {
  return Type.Object(
    { amountMinor: Type.Integer({ minimum: 1, description: 'Amount in ISO 4217 minor units.' }), currency: CurrencyCodeSchema },
    { additionalProperties: false, description },
  );
}

export interface PaymentIntentResult {
  paymentId: string;
  paymentIntentId: string;
  /** Stripe's status after the call (requires_action means the customer must authenticate client-side). */
  status: string;
  /** The canonical view of the intent; absent when it lacks Interline metadata. */
  payment?: Payment;
  /** True when Stripe answered from its idempotency store, i.e. the effect had already happened. */
  replayed: boolean;
  nextAction?: string;
}

/** The result of a PaymentIntent call: ids, status and the canonical view — no client_secret. */
export function intentResult(paymentId: string, intent: Stripe.PaymentIntent, replayed = replayedHeader(intent)): PaymentIntentResult {
  const result: PaymentIntentResult = { paymentId, paymentIntentId: intent.id, status: intent.status, replayed };
  try {
    result.payment = paymentFromIntent(intent);
  } catch {
    // An intent made outside Interline has no canonical view; the ids and status still say enough.
  }
  if (intent.next_action?.type) result.nextAction = intent.next_action.type;
  return result;
}

/**
 * The PaymentIntent of a canonical payment: the given id (recorded as the binding) or the bound one.
 * A given id that contradicts the binding is refused: acting on the wrong intent moves real money.
 */
export async function resolveIntent(input: { paymentId: string; paymentIntentId?: string }, ctx: OperationContext, operation: string): Promise<string> {
  const bound = await ctx.bindings.get(PAYMENT_ENTITY, input.paymentId);
  if (input.paymentIntentId !== undefined) {
    if (bound && bound.externalId !== input.paymentIntentId) {
      throw new PermanentError(
        `${operation}: payment ${input.paymentId} is bound to ${bound.externalId}, but the input names ${input.paymentIntentId}; drop paymentIntentId or fix it`,
        { paymentId: input.paymentId, bound: bound.externalId, given: input.paymentIntentId },
      );
    }
    if (!bound) {
      const owner = await ctx.bindings.getByExternal(PAYMENT_ENTITY, input.paymentIntentId);
      if (owner && owner.canonicalId !== input.paymentId) {
        throw new PermanentError(`${operation}: ${input.paymentIntentId} belongs to payment ${owner.canonicalId}, not ${input.paymentId}; fix paymentId or paymentIntentId`, {
          paymentId: input.paymentId,
          owner: owner.canonicalId,
        });
      }
      await ctx.bindings.put(PAYMENT_ENTITY, input.paymentId, input.paymentIntentId);
    }
    return input.paymentIntentId;
  }
  if (!bound) {
    throw new PermanentError(
      `${operation}: payment ${input.paymentId} has no Stripe PaymentIntent bound to it; create it first with createPaymentIntent, or pass paymentIntentId`,
      { paymentId: input.paymentId },
    );
  }
  return bound.externalId;
}
