// createCargoBooking: space on one or more dated flights under the canonical booking id as the
// client reference. The airline answers the existing booking for a reference it has seen, so a
// redelivery after a lost response never books twice. No space → PermanentError naming the flight
// and the shortfall.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { defineOperation } from '@interline/hub';
import type { AirlinesClient } from '../client';
import { BOOKING_ENTITY, DatedFlightSchema, ReferenceSchema, bookingFromXml, datedFlightXml, kg, m3 } from './shapes';
import type { BookingRecordXml, CarrierBooking } from './shapes';

export const CreateCargoBookingInputSchema = Type.Object(
  {
    clientReference: { ...ReferenceSchema, description: 'Our booking id; the airline keys idempotency on it.' } as typeof ReferenceSchema,
    awb: Type.Optional(Type.String({ pattern: '^[0-9]{3}-[0-9]{8}$', description: 'Air waybill number 020-12345675.' })),
    origin: Type.String({ pattern: '^[A-Z]{3}$' }),
    destination: Type.String({ pattern: '^[A-Z]{3}$' }),
    segments: Type.Array(DatedFlightSchema, { minItems: 1, maxItems: 8 }),
    pieces: Type.Integer({ minimum: 1, maximum: 9999 }),
    weightKg: kg('Gross weight.'),
    volumeM3: m3('Volume.'),
    chargeableWeightKg: Type.Optional(kg('Chargeable weight.')),
    goodsDescription: Type.String({ minLength: 1, maxLength: 600 }),
    specialHandlingCodes: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]{3}$' }), { maxItems: 9 })),
    productCode: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  },
  { additionalProperties: false },
);
export type CreateCargoBookingInput = Static<typeof CreateCargoBookingInputSchema>;

export interface CargoBookingResult extends CarrierBooking {
  /** True when the airline answered a booking it already had for this client reference. */
  existing: boolean;
}

export function bookingRequestXml(input: CreateCargoBookingInput): Record<string, unknown> {
  const xml: Record<string, unknown> = { ClientReference: input.clientReference };
  if (input.awb !== undefined) xml.AirWaybill = input.awb;
  Object.assign(xml, { Origin: input.origin, Destination: input.destination, Segment: input.segments.map(datedFlightXml), Pieces: input.pieces, WeightKg: input.weightKg, VolumeM3: input.volumeM3 });
  if (input.chargeableWeightKg !== undefined) xml.ChargeableWeightKg = input.chargeableWeightKg;
  xml.GoodsDescription = input.goodsDescription;
  if (input.specialHandlingCodes?.length) xml.SpecialHandling = input.specialHandlingCodes;
  if (input.productCode !== undefined) xml.ProductCode = input.productCode;
  return xml;
}

export const createCargoBooking = defineOperation({
  summary: 'CargoBookingCreate: book space on dated flights under our booking id (client reference); a repeat answers the existing booking, no space is a permanent error naming the flight and shortfall.',
  input: CreateCargoBookingInputSchema,
  sideEffect: true,
  async run(client: AirlinesClient, input, ctx): Promise<CargoBookingResult> {
    const reply = await client.call<{ Booking: BookingRecordXml; Existing: boolean | string }>('CargoBookingCreate', bookingRequestXml(input), {
      what: `createCargoBooking for booking ${input.clientReference}`,
      signal: ctx.signal,
    });
    const booking = bookingFromXml(reply.Booking);
    const existing = reply.Existing === true || reply.Existing === 'true';
    await ctx.bindings.put(BOOKING_ENTITY, input.clientReference, booking.bookingReference, { status: booking.status });
    if (existing) ctx.logger.info({ clientReference: input.clientReference, bookingReference: booking.bookingReference }, 'airline already had this booking; answered the existing one');
    return { ...booking, existing };
  },
});
