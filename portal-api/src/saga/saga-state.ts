// The booking saga as data: which step runs, which are done, failed or compensated. Pure functions;
// the saga service persists the result with the booking in the same transaction.
import type { EventType } from '@interline/hub';
import type { EventParent } from '../outbox/outbox-writer';
import { SAGA_STEPS } from '../schemas/shipments';
import type { Saga, SagaStepName, SagaStepStatus } from '../schemas/shipments';

/** What the portal keeps beside the public saga view: the trace every saga event continues. */
export interface SagaRecord extends Saga {
  trace?: EventParent;
  orderId?: string;
  invoiceId?: string;
  paymentId?: string;
}

/** The canonical event that asks the outside world to do each step (the routes listen to these). */
export const STEP_TRIGGERS: Readonly<Record<Exclude<SagaStepName, 'capacity'>, EventType>> = {
  'airline-booking': 'booking.capacity-held',
  waybill: 'shipment.booked',
  'sale-order': 'order.created',
  payment: 'payment.requested',
};

export function stepForTrigger(type: string): Exclude<SagaStepName, 'capacity'> | undefined {
  const found = Object.entries(STEP_TRIGGERS).find(([, trigger]) => trigger === type);
  return found?.[0] as Exclude<SagaStepName, 'capacity'> | undefined;
}

/** Saga events name their booking in the envelope subject: booking/<id>. */
export function bookingSubject(bookingId: string): string {
  return `booking/${bookingId}`;
}

export function bookingIdFromSubject(subject: string | undefined | null): string | undefined {
  const match = /^booking\/(.+)$/.exec(subject ?? '');
  return match?.[1];
}

export function initialSaga(at: string): SagaRecord {
  return { status: 'running', steps: SAGA_STEPS.map((name) => (name === 'capacity' ? { name, status: 'done' as const, at } : { name, status: 'pending' as const })) };
}

/** The first step not yet done: the one the saga waits for. */
export function currentStep(saga: Saga): SagaStepName | undefined {
  return saga.steps.find((step) => step.status === 'pending')?.name;
}

export function stepStatus(saga: Saga, name: SagaStepName): SagaStepStatus | undefined {
  return saga.steps.find((step) => step.name === name)?.status;
}

export function withStep(saga: SagaRecord, name: SagaStepName, status: SagaStepStatus, fields: { at?: string; messageId?: string; detail?: string } = {}): SagaRecord {
  return {
    ...saga,
    steps: saga.steps.map((step) => {
      if (step.name !== name) return step;
      const next = { ...step, status };
      if (fields.at !== undefined) next.at = fields.at;
      if (fields.messageId !== undefined) next.messageId = fields.messageId;
      if (fields.detail !== undefined) next.detail = fields.detail.slice(0, 500);
      return next;
    }),
  };
}

/** Steps still pending become skipped (the saga ended another way). */
export function skipPending(saga: SagaRecord): SagaRecord {
  return { ...saga, steps: saga.steps.map((step) => (step.status === 'pending' ? { ...step, status: 'skipped' as const } : step)) };
}

/** The public view: without the trace and internal ids. */
export function publicSaga(saga: SagaRecord): Saga {
  return { status: saga.status, steps: saga.steps, ...(saga.paymentStatus !== undefined ? { paymentStatus: saga.paymentStatus } : {}) };
}
