// Canonical CargoBooking (booking.cancelled) → the airlines connector's cancelCargoBooking input:
// the client reference it was booked under, the airline's reference when known, and why.
import { CargoBookingSchema, check, defineMapping, formatIssue } from '@interline/hub';
import type { CargoBooking } from '@interline/hub';

export interface CancelCargoBookingInput {
  clientReference: string;
  bookingReference?: string;
  reason?: string;
}

export default defineMapping<CargoBooking, CancelCargoBookingInput>({
  id: 'airlines/cargo-booking-to-cancel-request',
  from: 'CargoBooking',
  to: 'airlines.cancelCargoBooking input',
  description: 'Releases the airline space of a cancelled booking; a booking the airline never made is cancelled as done.',
  map(input) {
    const checked = check(CargoBookingSchema, input);
    if (!checked.ok) throw new Error(`input is not a valid CargoBooking: ${checked.issues.map(formatIssue).join('; ')}`);
    const booking = checked.value as CargoBooking;
    if (booking.state !== 'cancelled') {
      throw new Error(`booking ${booking.id} is ${booking.state}, not cancelled; only a cancelled booking (booking.cancelled) releases its airline space`);
    }
    const request: CancelCargoBookingInput = { clientReference: booking.id };
    if (booking.carrierReference !== undefined) request.bookingReference = booking.carrierReference;
    if (booking.stateReason !== undefined) request.reason = `${booking.stateReason.code ? `${booking.stateReason.code}: ` : ''}${booking.stateReason.text}`.slice(0, 500);
    return request;
  },
});
