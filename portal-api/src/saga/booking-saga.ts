// The booking saga, driven by canonical events through the hub: capacity held → airline booking →
// ONE Record waybill → Odoo sale order → payment. Each finished step writes the event that starts
// the next one (outbox, same transaction); a failed step compensates the earlier ones (capacity
// released, airline booking cancelled) and the booking ends rejected with the reason.
import type { SqlExecutor } from '@interline/hub';
import { confirmAllocation, releaseAllocation } from '../flights/capacity';
import type { PortalMetrics } from '../http/http-metrics';
import { conflict } from '../http/problem';
import { appendEvent } from '../outbox/outbox-writer';
import type { EventParent } from '../outbox/outbox-writer';
import { insertPayment } from '../payments/payment-store';
import type { SagaStepName } from '../schemas/shipments';
import { loadBooking, saveBooking, setAllocationState } from '../shipments/booking-store';
import type { BookingRecord } from '../shipments/booking-store';
import { invoiceFor, paymentRequestFor, saleOrderFor } from './saga-documents';
import { bookingSubject, currentStep, skipPending, stepStatus, withStep } from './saga-state';

export interface SagaOutcome {
  outcome: 'advanced' | 'completed' | 'failed' | 'ignored';
  bookingId: string;
  step?: SagaStepName;
  /** Why nothing happened (ignored), or what failed. */
  reason?: string;
  /** Events written by this transition. */
  messageIds: string[];
}

export interface FailureReason {
  code: string;
  text: string;
}

export class BookingSaga {
  constructor(private readonly metrics: PortalMetrics) {}

  /** A step finished: record it and start the next step (or complete the booking). */
  async stepSucceeded(tx: SqlExecutor, bookingId: string, step: SagaStepName, info: { reference?: string; parent?: EventParent } = {}): Promise<SagaOutcome> {
    const record = await loadBooking(tx, { bookingId }, undefined, true);
    const skip = this.skipReason(record, step);
    if (skip !== undefined || !record) return { outcome: 'ignored', bookingId, step, reason: skip ?? 'no such booking', messageIds: [] };
    const at = new Date().toISOString();
    const parent = info.parent ?? record.saga.trace;
    const emitted: string[] = [];
    const emit = async (...args: Parameters<typeof appendEvent>): Promise<string> => {
      const { id } = await appendEvent(...args);
      emitted.push(id);
      return id;
    };
    const common = { tenant: record.tenant, subject: bookingSubject(record.id), partitionkey: record.shipment.waybill.number, ...(parent ? { parent } : {}) };
    record.saga = withStep(record.saga, step, 'done', { at, ...(info.reference ? { detail: info.reference } : {}) });
    let outcome: SagaOutcome['outcome'] = 'advanced';
    switch (step) {
      case 'capacity':
        break;
      case 'airline-booking': {
        if (!(await confirmAllocation(tx, record.allocationId))) throw conflict(`booking ${record.id}: its capacity hold is no longer held; the saga cannot confirm it`, 'HOLD_LOST');
        setAllocationState(record, 'confirmed');
        if (info.reference) record.booking.carrierReference = info.reference.slice(0, 35);
        record.shipment.status = 'booked';
        const id = await emit(tx, { type: 'shipment.booked', data: record.shipment, ...common });
        record.saga = withStep(record.saga, 'waybill', 'pending', { messageId: id });
        break;
      }
      case 'waybill': {
        const order = saleOrderFor(record, at);
        record.saga.orderId = order.id;
        const id = await emit(tx, { type: 'order.created', data: order, ...common });
        record.saga = withStep(record.saga, 'sale-order', 'pending', { messageId: id });
        break;
      }
      case 'sale-order': {
        if (record.charge.amountMinor < 1) {
          record.saga = withStep(record.saga, 'payment', 'skipped', { at, detail: 'nothing to pay' });
          outcome = await this.complete(tx, record, emit, common);
          break;
        }
        // The sale order is invoiced at once; the payment settles that invoice (Odoo registers it there).
        const invoice = invoiceFor(saleOrderFor(record, at), record.shipment.waybill.number, at, record.saga.orderId);
        record.saga.invoiceId = invoice.id;
        await emit(tx, { type: 'invoice.created', data: invoice, ...common });
        const payment = paymentRequestFor(record, record.saga.orderId, at, invoice.id);
        await insertPayment(tx, record.tenant, payment);
        record.saga.paymentId = payment.id;
        const id = await emit(tx, { type: 'payment.requested', data: payment, ...common });
        record.saga = withStep(record.saga, 'payment', 'pending', { messageId: id });
        break;
      }
      case 'payment':
        outcome = await this.complete(tx, record, emit, common);
        break;
    }
    await saveBooking(tx, record);
    this.metrics.sagaTransitions.inc({ step, outcome: 'done' });
    return { outcome, bookingId, step, messageIds: emitted };
  }

  /** A step failed for good: compensate what was done and reject the booking with the reason. */
  async stepFailed(tx: SqlExecutor, bookingId: string, step: SagaStepName, reason: FailureReason, parent?: EventParent): Promise<SagaOutcome> {
    const record = await loadBooking(tx, { bookingId }, undefined, true);
    const skip = this.skipReason(record, step);
    if (skip !== undefined || !record) return { outcome: 'ignored', bookingId, step, reason: skip ?? 'no such booking', messageIds: [] };
    const at = new Date().toISOString();
    const emitted: string[] = [];
    const common = { tenant: record.tenant, subject: bookingSubject(record.id), partitionkey: record.shipment.waybill.number, ...((parent ?? record.saga.trace) ? { parent: parent ?? record.saga.trace } : {}) };
    const airlineBooked = stepStatus(record.saga, 'airline-booking') === 'done';
    record.saga = withStep(record.saga, step, 'failed', { at, detail: `${reason.code}: ${reason.text}` });
    const releasedAs = reason.code === 'HOLD_EXPIRED' ? 'expired' : 'released';
    await releaseAllocation(tx, record.allocationId, releasedAs);
    setAllocationState(record, releasedAs);
    record.saga = withStep(record.saga, 'capacity', 'compensated', { at });
    if (airlineBooked) {
      // The airline holds space for us: cancelling it is the compensation the carrier sees.
      record.saga = withStep(record.saga, 'airline-booking', 'compensated', { at });
      const cancelled = { ...record.booking, state: 'cancelled' as const, stateReason: { code: 'SAGA_COMPENSATION', text: `booking rejected because step ${step} failed` } };
      emitted.push((await appendEvent(tx, { type: 'booking.cancelled', data: cancelled, ...common })).id);
    }
    record.saga = { ...skipPending(record.saga), status: 'failed' };
    record.booking.state = 'rejected';
    record.booking.stateReason = { code: reason.code.slice(0, 35), text: reason.text.slice(0, 500) };
    record.shipment.status = 'cancelled';
    emitted.push((await appendEvent(tx, { type: 'booking.rejected', data: record.booking, ...common })).id);
    await saveBooking(tx, record);
    this.metrics.sagaTransitions.inc({ step, outcome: 'failed' });
    return { outcome: 'failed', bookingId, step, reason: reason.text, messageIds: emitted };
  }

  /** The hold lapsed before the airline confirmed: the saga fails at the airline step. */
  holdExpired(tx: SqlExecutor, bookingId: string): Promise<SagaOutcome> {
    return this.stepFailed(tx, bookingId, 'airline-booking', { code: 'HOLD_EXPIRED', text: 'the capacity hold expired before the airline confirmed the booking' });
  }

  /** The customer cancels: capacity back, booking cancelled, the carrier told (booking.cancelled). */
  async cancel(tx: SqlExecutor, record: BookingRecord, reason: string | undefined): Promise<string> {
    if (record.booking.state === 'rejected' || record.booking.state === 'cancelled') {
      throw conflict(`booking ${record.shipment.waybill.number} is already ${record.booking.state}`, 'ALREADY_ENDED');
    }
    if (record.shipment.status !== 'booking-requested' && record.shipment.status !== 'booked') {
      throw conflict(`shipment ${record.shipment.waybill.number} is ${record.shipment.status}: the goods are with the carrier, so it can no longer be cancelled here; contact support`, 'NOT_CANCELLABLE');
    }
    await releaseAllocation(tx, record.allocationId, 'released');
    setAllocationState(record, 'released');
    record.saga = { ...skipPending(record.saga), status: 'cancelled' };
    record.booking.state = 'cancelled';
    record.booking.stateReason = { code: 'CUSTOMER_CANCELLED', text: (reason ?? 'cancelled by the customer').slice(0, 500) };
    record.shipment.status = 'cancelled';
    const { id } = await appendEvent(tx, {
      type: 'booking.cancelled',
      data: record.booking,
      tenant: record.tenant,
      subject: bookingSubject(record.id),
      partitionkey: record.shipment.waybill.number,
      ...(record.saga.trace ? { parent: record.saga.trace } : {}),
    });
    await saveBooking(tx, record);
    return id;
  }

  private skipReason(record: BookingRecord | undefined, step: SagaStepName): string | undefined {
    if (!record) return 'no such booking';
    if (record.saga.status !== 'running') return `the booking saga is ${record.saga.status} (booking ${record.booking.state})`;
    const status = stepStatus(record.saga, step);
    if (status === 'done') return `step ${step} is already done`;
    const current = currentStep(record.saga);
    if (current !== step) return `the saga waits for step ${current ?? 'none'}, not ${step}`;
    return undefined;
  }

  private async complete(
    tx: SqlExecutor,
    record: BookingRecord,
    emit: (...args: Parameters<typeof appendEvent>) => Promise<string>,
    common: { tenant: string; subject: string; partitionkey: string; parent?: EventParent },
  ): Promise<SagaOutcome['outcome']> {
    record.booking.state = 'confirmed';
    record.saga.status = 'completed';
    await emit(tx, { type: 'booking.confirmed', data: record.booking, ...common });
    return 'completed';
  }
}
