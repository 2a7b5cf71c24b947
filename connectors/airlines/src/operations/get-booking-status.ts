// getBookingStatus: the airline's current view of a booking, by our client reference or its reference.
import { Type } from '@sinclair/typebox';
import { PermanentError, defineOperation } from '@interline/hub';
import type { AirlinesClient } from '../client';
import { ReferenceSchema, bookingFromXml } from './shapes';
import type { BookingRecordXml, CarrierBooking } from './shapes';

export const GetBookingStatusInputSchema = Type.Object(
  {
    clientReference: Type.Optional(ReferenceSchema),
    bookingReference: Type.Optional(Type.String({ minLength: 1, maxLength: 35 })),
  },
  { additionalProperties: false },
);

export const getBookingStatus = defineOperation({
  summary: "CargoBookingStatus: the airline's current state of a booking (segments, space status, cancelled or not).",
  input: GetBookingStatusInputSchema,
  async run(client: AirlinesClient, input, ctx): Promise<CarrierBooking> {
    if (input.clientReference === undefined && input.bookingReference === undefined) {
      throw new PermanentError('getBookingStatus needs a clientReference (our booking id) or a bookingReference (the airline\'s)');
    }
    const args: Record<string, unknown> = {};
    if (input.clientReference !== undefined) args.ClientReference = input.clientReference;
    if (input.bookingReference !== undefined) args.BookingReference = input.bookingReference;
    const reply = await client.call<{ Booking: BookingRecordXml }>('CargoBookingStatus', args, { what: `getBookingStatus for ${input.clientReference ?? input.bookingReference}`, signal: ctx.signal });
    return bookingFromXml(reply.Booking);
  },
});
