// What the portal connector sends to the internal endpoints: the canonical data of an event with
// the envelope attributes the portal needs (id for idempotency, tenant, subject, trace).
import { Type } from '@sinclair/typebox';
import type { Static, TSchema } from '@sinclair/typebox';
import { CargoBookingSchema, CustomsResponseSchema, FlightSchema, PaymentSchema, RefundSchema, TrackingEventSchema } from '@interline/hub';
import { FILE_STATUSES, FileNameSchema } from './files';
import { embed, named } from './named-schemas';

export const EventRefSchema = named(
  'EventRef',
  Type.Object(
    {
      id: Type.String({ minLength: 1, maxLength: 200 }),
      type: Type.String({ minLength: 1, maxLength: 200 }),
      subject: Type.Optional(Type.String({ maxLength: 500 })),
      tenant: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$' }),
      correlationid: Type.String({ minLength: 1, maxLength: 200 }),
      traceparent: Type.String({ pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' }),
    },
    { additionalProperties: false, description: 'The envelope attributes of the hub message being delivered.' },
  ),
);
export type EventRef = Static<typeof EventRefSchema>;

function delivery<T extends TSchema>(name: string, data: T, description: string) {
  return named(name, Type.Object({ event: EventRefSchema, data }, { additionalProperties: false, description }));
}

export const TrackingDeliverySchema = delivery('TrackingDelivery', embed(TrackingEventSchema), 'A shipment.status-changed event for the portal.');
export const SagaStepDeliverySchema = delivery('SagaStepDelivery', Type.Unknown({ description: 'The data of the event that started the step.' }), 'A booking saga step that went through.');
export const CarrierAnswerDeliverySchema = delivery('CarrierAnswerDelivery', embed(CargoBookingSchema), 'A carrier’s booking.confirmed or booking.rejected.');
export const CustomsResponseDeliverySchema = delivery('CustomsResponseDelivery', embed(CustomsResponseSchema), 'A customs.response-received event.');
export const PaymentDeliverySchema = delivery('PaymentDelivery', embed(PaymentSchema), 'A payment status event (payment.succeeded, payment.failed, payment.canceled).');
export const RefundDeliverySchema = delivery('RefundDelivery', embed(RefundSchema), 'A refund status event (refund.succeeded, refund.failed).');
export const FlightScheduleDeliverySchema = delivery('FlightScheduleDelivery', embed(FlightSchema), 'A flight.schedule-updated event (an airline’s SSIM file, SSM/ASM).');

export type TrackingDelivery = Static<typeof TrackingDeliverySchema>;
export type SagaStepDelivery = Static<typeof SagaStepDeliverySchema>;
export type CarrierAnswerDelivery = Static<typeof CarrierAnswerDeliverySchema>;
export type CustomsResponseDelivery = Static<typeof CustomsResponseDeliverySchema>;
export type PaymentDelivery = Static<typeof PaymentDeliverySchema>;
export type RefundDelivery = Static<typeof RefundDeliverySchema>;
export type FlightScheduleDelivery = Static<typeof FlightScheduleDeliverySchema>;

export const INTERNAL_OUTCOMES = ['recorded', 'duplicate', 'advanced', 'completed', 'failed', 'ignored'] as const;

export const InternalOutcomeSchema = named(
  'InternalOutcome',
  Type.Object(
    {
      outcome: Type.Unsafe<(typeof INTERNAL_OUTCOMES)[number]>({ type: 'string', enum: [...INTERNAL_OUTCOMES] }),
      id: Type.Optional(Type.String({ description: 'What the event was applied to (booking, declaration, payment, …).' })),
      reason: Type.Optional(Type.String({ description: 'Why nothing changed (ignored), what failed, or what was done (schedules: dates added and updated).' })),
      messageIds: Type.Optional(Type.Array(Type.String(), { description: 'Events the portal wrote in response (the saga’s next step).' })),
    },
    { additionalProperties: false, description: 'What the portal did with a delivered event.' },
  ),
);
export type InternalOutcome = Static<typeof InternalOutcomeSchema>;

export const OutboundFileSchema = named(
  'OutboundFile',
  Type.Object(
    {
      tenant: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$', description: 'The partner tenant the file is for.' }),
      name: FileNameSchema,
      mediaType: Type.String({ pattern: '^[a-z]+/[a-z0-9.+-]+$' }),
      contentBase64: Type.String({ minLength: 4, contentEncoding: 'base64', pattern: '^[A-Za-z0-9+/]+={0,2}$' }),
    },
    { additionalProperties: false, description: 'A file the hub produced for a partner to download.' },
  ),
);
export type OutboundFile = Static<typeof OutboundFileSchema>;

export const FileStatusUpdateSchema = named(
  'FileStatusUpdate',
  Type.Object(
    {
      status: Type.Unsafe<(typeof FILE_STATUSES)[number]>({ type: 'string', enum: [...FILE_STATUSES] }),
      detail: Type.Optional(Type.String({ maxLength: 2000 })),
    },
    { additionalProperties: false, description: 'A file’s processing status.' },
  ),
);
