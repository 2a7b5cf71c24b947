// registerPayment: a collected payment (mapped by odoo/payment-to-register) → Odoo's register-payment
// wizard on the invoice (account.payment.register with active_model/active_ids, then
// action_create_payments), which creates the account.payment and reconciles it, so the invoice's
// payment_state becomes paid (or partial). The payment's memo is the canonical id: found again on retry.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { TransientError, defineOperation } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type { OdooClient } from '../client';
import { bind, findBound } from './bindings';
import { currencyId, invoiceIdFor } from './lookups';
import { CanonicalId, CurrencyCode } from './input-schemas';

export const RegisterPaymentInput = Type.Object(
  {
    paymentId: CanonicalId,
    invoiceId: CanonicalId,
    amount: Type.Number({ exclusiveMinimum: 0, description: 'Decimal amount in `currency` (1250.5).' }),
    currency: CurrencyCode,
    paymentDate: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Odoo date of the payment (UTC).' }),
  },
  { additionalProperties: false, description: 'Output of the odoo/payment-to-register mapping.' },
);
export type RegisterPaymentInput = Static<typeof RegisterPaymentInput>;

export interface PaymentResult {
  paymentOdooId: number;
  invoiceMoveId: number;
  invoicePaymentState: string;
  amountResidual: number;
  created: boolean;
}

export const registerPayment = defineOperation({
  summary: 'Register a payment on an invoice through account.payment.register (memo = canonical payment id), reconciling it so the invoice becomes paid.',
  input: RegisterPaymentInput,
  sideEffect: true,
  async run(client: OdooClient, input, ctx: OperationContext): Promise<PaymentResult> {
    const { signal } = ctx;
    const invoice = await invoiceIdFor(client, ctx, input.invoiceId);
    if (invoice === undefined) {
      throw new TransientError(`invoice ${input.invoiceId} is not in Odoo yet (no binding, no account.move with ref ${input.invoiceId}); will retry — it arrives when the invoice is delivered to odoo.createInvoice`, { invoiceId: input.invoiceId });
    }
    let payment = await findBound(client, ctx, { model: 'account.payment', canonicalId: input.paymentId, referenceDomain: [['memo', '=', input.paymentId]] });
    const created = payment === undefined;
    if (payment === undefined) {
      const context = { active_model: 'account.move', active_ids: [invoice] };
      const wizard = await client.create(
        'account.payment.register',
        { amount: input.amount, payment_date: input.paymentDate, communication: input.paymentId, currency_id: await currencyId(client, input.currency, signal) },
        { context, signal },
      );
      const action = await client.action<{ res_id?: unknown } | boolean>('account.payment.register', 'action_create_payments', [wizard], { context, signal });
      const resId = typeof action === 'object' && typeof action.res_id === 'number' && action.res_id > 0 ? action.res_id : undefined;
      payment = resId ?? (await client.search('account.payment', [['memo', '=', input.paymentId]], { limit: 1, signal }))[0];
      if (payment === undefined) throw new TransientError(`Odoo registered payment ${input.paymentId} but it cannot be found by its memo yet; will retry`);
      await bind(ctx, 'account.payment', input.paymentId, payment);
    }
    const [row] = await client.read<{ id: number; payment_state: string; amount_residual: number }>('account.move', [invoice], ['payment_state', 'amount_residual'], { signal });
    return { paymentOdooId: payment, invoiceMoveId: invoice, invoicePaymentState: row?.payment_state ?? 'unknown', amountResidual: row?.amount_residual ?? 0, created };
  },
});
