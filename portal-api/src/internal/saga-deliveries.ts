// Turns events delivered by the portal connector into booking saga transitions: a saga step's
// trigger that went through (the stand-in path), or a carrier's own answer (booking.confirmed /
// booking.rejected from an airline connector).
import type { SqlExecutor } from '@interline/hub';
import type { EventParent } from '../outbox/outbox-writer';
import type { BookingSaga, SagaOutcome } from '../saga/booking-saga';
import { bookingIdFromSubject, stepForTrigger } from '../saga/saga-state';
import type { CarrierAnswerDelivery, EventRef, InternalOutcome, SagaStepDelivery } from '../schemas/internal';

export function parentFrom(event: EventRef): EventParent {
  return { id: event.id, correlationid: event.correlationid, tenant: event.tenant, traceparent: event.traceparent };
}

function toOutcome(result: SagaOutcome): InternalOutcome {
  return { outcome: result.outcome, id: result.bookingId, ...(result.reason ? { reason: result.reason } : {}), messageIds: result.messageIds };
}

export async function sagaStepDelivered(tx: SqlExecutor, saga: BookingSaga, delivery: SagaStepDelivery): Promise<InternalOutcome> {
  const { event } = delivery;
  const step = stepForTrigger(event.type);
  if (!step) return { outcome: 'ignored', reason: `${event.type} starts no booking saga step` };
  const bookingId = bookingIdFromSubject(event.subject);
  if (!bookingId) return { outcome: 'ignored', reason: `${event.type} ${event.id} is not a booking saga event (subject ${event.subject ?? 'none'})` };
  return toOutcome(await saga.stepSucceeded(tx, bookingId, step, { parent: parentFrom(event) }));
}

export async function carrierAnswered(tx: SqlExecutor, saga: BookingSaga, delivery: CarrierAnswerDelivery): Promise<InternalOutcome> {
  const { event, data } = delivery;
  const parent = parentFrom(event);
  if (data.state === 'confirmed') {
    return toOutcome(await saga.stepSucceeded(tx, data.id, 'airline-booking', { parent, ...(data.carrierReference ? { reference: data.carrierReference } : {}) }));
  }
  if (data.state === 'rejected') {
    const reason = { code: data.stateReason?.code ?? 'AIRLINE_REJECTED', text: data.stateReason?.text ?? 'the airline rejected the booking' };
    return toOutcome(await saga.stepFailed(tx, data.id, 'airline-booking', reason, parent));
  }
  return { outcome: 'ignored', id: data.id, reason: `a carrier answer in state ${data.state} changes nothing` };
}
