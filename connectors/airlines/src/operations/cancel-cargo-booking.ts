// cancelCargoBooking: give the space back. Cancelling a booking that is already cancelled, or that
// the airline never made (the saga cancelled before the airline step), is success: the end state
// the caller wants already holds.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { PermanentError, defineOperation } from '@interline/hub';
import type { AirlinesClient } from '../client';
import { BOOKING_ENTITY, ReferenceSchema, bookingFromXml } from './shapes';
import type { BookingRecordXml } from './shapes';

export const CancelCargoBookingInputSchema = Type.Object(
  {
    clientReference: { ...ReferenceSchema, description: 'Our booking id, as sent when booking.' } as typeof ReferenceSchema,
    bookingReference: Type.Optional(Type.String({ minLength: 1, maxLength: 35, description: "The airline's booking reference, when known." })),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CancelCargoBookingInput = Static<typeof CancelCargoBookingInputSchema>;

export interface CancelResult {
  clientReference: string;
  bookingReference?: string;
  outcome: 'cancelled' | 'already-cancelled' | 'not-booked';
}

export const cancelCargoBooking = defineOperation({
  summary: 'CargoBookingCancel: release the space of a booking; already cancelled or never booked counts as done.',
  input: CancelCargoBookingInputSchema,
  sideEffect: true,
  async run(client: AirlinesClient, input, ctx): Promise<CancelResult> {
    const bound = input.bookingReference ?? (await ctx.bindings.get(BOOKING_ENTITY, input.clientReference))?.externalId;
    const args: Record<string, unknown> = { ClientReference: input.clientReference };
    if (bound !== undefined) args.BookingReference = bound;
    if (input.reason !== undefined) args.Reason = input.reason;
    try {
      const reply = await client.call<{ Booking: BookingRecordXml; AlreadyCancelled: boolean | string }>('CargoBookingCancel', args, { what: `cancelCargoBooking for booking ${input.clientReference}`, signal: ctx.signal });
      const booking = bookingFromXml(reply.Booking);
      const already = reply.AlreadyCancelled === true || reply.AlreadyCancelled === 'true';
      await ctx.bindings.put(BOOKING_ENTITY, input.clientReference, booking.bookingReference, { status: 'cancelled' });
      return { clientReference: input.clientReference, bookingReference: booking.bookingReference, outcome: already ? 'already-cancelled' : 'cancelled' };
    } catch (error) {
      if (error instanceof PermanentError && error.details.airlineCode === 'BOOKING_NOT_FOUND') {
        ctx.logger.info({ clientReference: input.clientReference }, 'airline has no booking under this reference; nothing to cancel');
        return { clientReference: input.clientReference, outcome: 'not-booked' };
      }
      throw error;
    }
  },
});
