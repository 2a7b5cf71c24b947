// Payments for bookings and invoices, and refunds of them: amounts in minor units, ids and states
// only (the provider collects payment methods client-side). Each request writes payment.requested
// or refund.requested in its transaction; provider outcomes come back through the portal connector.
import { uuidv7 } from '@interline/hub';
import type { Payment, Principal, Refund, SqlExecutor } from '@interline/hub';
import { conflict, notFound, unprocessable } from '../http/problem';
import { readScope } from '../http/request-context';
import type { WriteResult } from '../http/write-runner';
import { MESSAGE_ID_HEADER } from '../http/write-runner';
import { appendEvent } from '../outbox/outbox-writer';
import type { InternalOutcome } from '../schemas/internal';
import type { PaymentRequest, RefundRequest } from '../schemas/payments';
import { insertPayment, insertRefund, loadPayment, loadRefund, savePayment, saveRefund } from './payment-store';
import { loadBooking, saveBooking } from '../shipments/booking-store';

export class PaymentsService {
  async create(tx: SqlExecutor, tenant: string, input: PaymentRequest): Promise<WriteResult<Payment>> {
    if (input.links.bookingId) {
      const booking = await tx.query('SELECT 1 FROM portal_bookings WHERE id = $1 AND tenant = $2', [input.links.bookingId, tenant]);
      if (booking.rows.length === 0) {
        throw unprocessable(`no booking '${input.links.bookingId}' in this tenant to pay for`, 'UNKNOWN_BOOKING', {
          errors: [{ in: 'body', path: '/links/bookingId', message: 'is not a booking of this tenant', rule: 'reference' }],
        });
      }
    }
    const payment: Payment = {
      id: uuidv7(),
      amount: input.amount,
      status: 'requires_payment_method',
      captureMethod: input.captureMethod ?? 'automatic',
      links: input.links,
      provider: { name: 'stripe' },
      createdAt: new Date().toISOString(),
    };
    if (input.customerPartyId) payment.customerPartyId = input.customerPartyId;
    if (input.description) payment.description = input.description;
    await insertPayment(tx, tenant, payment);
    const { id: messageId } = await appendEvent(tx, { type: 'payment.requested', data: payment, tenant, subject: `payment/${payment.id}`, partitionkey: payment.id });
    return { body: payment, headers: { location: `/v1/payments/${payment.id}`, [MESSAGE_ID_HEADER]: messageId } };
  }

  async get(db: SqlExecutor, principal: Principal, id: string): Promise<Payment> {
    const record = await loadPayment(db, id, readScope(principal));
    if (!record) throw notFound(`no payment '${id}' for this caller`);
    return record.payment;
  }

  async refund(tx: SqlExecutor, principal: Principal, paymentId: string, input: RefundRequest): Promise<WriteResult<Refund>> {
    const record = await loadPayment(tx, paymentId, readScope(principal), true);
    if (!record) throw notFound(`no payment '${paymentId}' for this caller`);
    const { payment } = record;
    if (payment.status !== 'succeeded') throw conflict(`payment ${paymentId} is ${payment.status}; only a succeeded payment can be refunded (cancel it instead)`, 'PAYMENT_NOT_SUCCEEDED');
    const paid = payment.amountReceived?.amountMinor ?? payment.amount.amountMinor;
    const left = paid - record.refundedMinor;
    const amount = input.amount ?? { amountMinor: left, currency: payment.amount.currency };
    if (amount.currency !== payment.amount.currency) {
      throw unprocessable(`refund currency ${amount.currency} differs from the payment's ${payment.amount.currency}`, 'CURRENCY_MISMATCH', {
        errors: [{ in: 'body', path: '/amount/currency', message: `must be ${payment.amount.currency}`, rule: 'const' }],
      });
    }
    if (amount.amountMinor < 1 || amount.amountMinor > left) {
      throw conflict(`refund of ${amount.amountMinor} ${amount.currency} exceeds what is left to refund (${left} of ${paid})`, 'REFUND_EXCEEDS_PAYMENT', { refundable: { amountMinor: left, currency: amount.currency } });
    }
    const refund: Refund = {
      id: uuidv7(),
      paymentId,
      amount,
      status: 'pending',
      reason: input.reason,
      links: payment.links,
      provider: { name: payment.provider.name, ...(payment.provider.paymentId ? { paymentId: payment.provider.paymentId } : {}) },
      createdAt: new Date().toISOString(),
    };
    await insertRefund(tx, record.tenant, refund);
    await savePayment(tx, payment, record.refundedMinor + amount.amountMinor);
    const { id: messageId } = await appendEvent(tx, { type: 'refund.requested', data: refund, tenant: record.tenant, subject: `payment/${paymentId}`, partitionkey: paymentId });
    return { body: refund, headers: { location: `/v1/refunds/${refund.id}`, [MESSAGE_ID_HEADER]: messageId } };
  }

  async getRefund(db: SqlExecutor, principal: Principal, id: string): Promise<Refund> {
    const found = await loadRefund(db, id);
    const scope = readScope(principal);
    if (!found || (scope !== undefined && found.tenant !== scope)) throw notFound(`no refund '${id}' for this caller`);
    return found.refund;
  }

  /** A provider outcome (payment.succeeded, failed, canceled): the portal's copy follows it. */
  async recordPayment(tx: SqlExecutor, payment: Payment): Promise<InternalOutcome> {
    const record = await loadPayment(tx, payment.id, undefined, true);
    if (!record) return { outcome: 'ignored', reason: `payment ${payment.id} was not requested through the portal` };
    await savePayment(tx, payment);
    // A booking's payment: the booking shows it (paymentStatus succeeded = paid).
    const bookingId = payment.links.bookingId;
    if (bookingId !== undefined) {
      const booking = await loadBooking(tx, { bookingId }, undefined, true);
      if (booking && booking.saga.paymentId === payment.id) {
        booking.saga.paymentStatus = payment.status;
        await saveBooking(tx, booking);
      }
    }
    return { outcome: 'recorded', id: payment.id };
  }

  async recordRefund(tx: SqlExecutor, refund: Refund): Promise<InternalOutcome> {
    const found = await loadRefund(tx, refund.id, true);
    if (!found) return { outcome: 'ignored', reason: `refund ${refund.id} was not requested through the portal` };
    await saveRefund(tx, refund);
    if (refund.status === 'failed' || refund.status === 'canceled') {
      // The money did not go back: it can be refunded again.
      await tx.query('UPDATE portal_payments SET refunded_minor = GREATEST(refunded_minor - $2::bigint, 0), updated_at = now() WHERE id = $1', [refund.paymentId, found.refund.amount.amountMinor]);
    }
    return { outcome: 'recorded', id: refund.id };
  }
}
