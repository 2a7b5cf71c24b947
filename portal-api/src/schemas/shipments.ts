// Booking request and shipment views: built from the canonical Shipment, Piece, FlightReference and
// CargoBooking schemas (the same objects), plus the saga state the portal adds.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { CargoBookingSchema, FlightReferenceSchema, MoneySchema, PaymentSchema, PieceSchema, ShipmentSchema } from '@interline/hub';
import type { Payment } from '@interline/hub';
import { embed, named } from './named-schemas';

const S = ShipmentSchema.properties;

export const BookingPieceSchema = named(
  'BookingPiece',
  Type.Omit(PieceSchema, ['id'], { description: 'A line of identical pieces; give volumeM3 or dimensions so the volume can be held on the flight.' }),
);

export const BookingRequestSchema = named(
  'BookingRequest',
  Type.Object(
    {
      shipper: S.shipper,
      consignee: S.consignee,
      agent: S.agent,
      notify: S.notify,
      origin: S.origin,
      destination: S.destination,
      flight: FlightReferenceSchema,
      pieces: Type.Array(BookingPieceSchema, { minItems: 1, maxItems: 99, description: 'The pieces; weight and volume totals are their sums.' }),
      goodsDescription: S.goodsDescription,
      specialHandlingCodes: S.specialHandlingCodes,
      declaredValueForCarriage: S.declaredValueForCarriage,
      declaredValueForCustoms: S.declaredValueForCustoms,
      chargesPayment: S.chargesPayment,
      customerReference: S.customerReference,
      productCode: CargoBookingSchema.properties.productCode,
    },
    { additionalProperties: false, description: 'A cargo booking request: who ships what from where to where on which flight.' },
  ),
);
export type BookingRequest = Static<typeof BookingRequestSchema>;

export const SAGA_STEPS = ['capacity', 'airline-booking', 'waybill', 'sale-order', 'payment'] as const;
export type SagaStepName = (typeof SAGA_STEPS)[number];
export const SAGA_STEP_STATUSES = ['pending', 'done', 'failed', 'compensated', 'skipped'] as const;
export type SagaStepStatus = (typeof SAGA_STEP_STATUSES)[number];
export const SAGA_STATUSES = ['running', 'completed', 'failed', 'cancelled'] as const;

export const SagaSchema = named(
  'BookingSaga',
  Type.Object(
    {
      status: Type.Unsafe<(typeof SAGA_STATUSES)[number]>({ type: 'string', enum: [...SAGA_STATUSES], description: 'running until every step is done (completed), one failed (failed, compensated), or the customer cancelled.' }),
      steps: Type.Array(
        Type.Object(
          {
            name: Type.Unsafe<SagaStepName>({ type: 'string', enum: [...SAGA_STEPS] }),
            status: Type.Unsafe<SagaStepStatus>({ type: 'string', enum: [...SAGA_STEP_STATUSES] }),
            at: Type.Optional(Type.String({ format: 'date-time' })),
            messageId: Type.Optional(Type.String({ description: 'The event that started the step (GET /v1/messages/{id}).' })),
            detail: Type.Optional(Type.String({ description: 'Why it failed, or the external reference it produced.' })),
          },
          { additionalProperties: false },
        ),
        { description: 'capacity → airline-booking → waybill (ONE Record) → sale-order (Odoo) → payment.' },
      ),
      paymentStatus: Type.Optional(
        Type.Unsafe<Payment['status']>({
          ...PaymentSchema.properties.status,
          description: 'The booking’s payment as the provider last reported it (its webhook): succeeded means the booking is paid.',
        }),
      ),
    },
    { additionalProperties: false, description: 'Where the booking saga is.' },
  ),
);
export type Saga = Static<typeof SagaSchema>;

export const ShipmentBookingSchema = named(
  'ShipmentBooking',
  Type.Object(
    {
      shipment: embed(ShipmentSchema),
      booking: embed(CargoBookingSchema),
      saga: SagaSchema,
      charge: MoneySchema,
    },
    { additionalProperties: false, description: 'A shipment with its cargo booking, the booking saga’s progress and the price asked.' },
  ),
);
export type ShipmentBooking = Static<typeof ShipmentBookingSchema>;

export const ShipmentListSchema = named(
  'ShipmentList',
  Type.Object({ items: Type.Array(ShipmentBookingSchema) }, { additionalProperties: false, description: 'Shipments, newest first.' }),
);

export const CancelRequestSchema = named(
  'CancelRequest',
  Type.Object({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Why, in words (shown to the carrier).' })) }, { additionalProperties: false }),
);
