// Canonical CargoBooking (booking.capacity-held from the portal) → the airlines connector's
// createCargoBooking input: our booking id as the client reference (the airline's idempotency key),
// the route's legs as dated segments, what is carried and how it must be handled.
import { CargoBookingSchema, check, defineMapping, formatIssue } from '@interline/hub';
import type { CargoBooking } from '@interline/hub';

export interface BookingRequestSegment {
  carrier: string;
  flightNumber: string;
  suffix?: string;
  date: string;
  origin: string;
  destination: string;
}

export interface CreateCargoBookingInput {
  clientReference: string;
  awb?: string;
  origin: string;
  destination: string;
  segments: BookingRequestSegment[];
  pieces: number;
  weightKg: number;
  volumeM3: number;
  chargeableWeightKg?: number;
  goodsDescription: string;
  specialHandlingCodes?: string[];
  productCode?: string;
}

export default defineMapping<CargoBooking, CreateCargoBookingInput>({
  id: 'airlines/cargo-booking-to-booking-request',
  from: 'CargoBooking',
  to: 'airlines.createCargoBooking input',
  description: 'Asks the airline for the space a booking holds; the booking id is the client reference, so a redelivery answers the same airline booking.',
  map(input) {
    const checked = check(CargoBookingSchema, input);
    if (!checked.ok) throw new Error(`input is not a valid CargoBooking: ${checked.issues.map(formatIssue).join('; ')}`);
    const booking = checked.value as CargoBooking;
    if (booking.state === 'rejected' || booking.state === 'cancelled') {
      throw new Error(`booking ${booking.id} is ${booking.state}; there is nothing to book with the airline (a cancelled booking goes through airlines/cargo-booking-to-cancel-request)`);
    }
    const segments = [...booking.route]
      .sort((a, b) => a.sequence - b.sequence)
      .map((leg) => {
        const segment: BookingRequestSegment = { carrier: leg.flight.carrier, flightNumber: leg.flight.flightNumber, date: leg.flight.date, origin: leg.origin, destination: leg.destination };
        if (leg.flight.suffix !== undefined) segment.suffix = leg.flight.suffix;
        return segment;
      });
    const request: CreateCargoBookingInput = {
      clientReference: booking.id,
      origin: booking.origin,
      destination: booking.destination,
      segments,
      pieces: booking.pieceCount,
      weightKg: booking.weightKg,
      volumeM3: booking.volumeM3,
      goodsDescription: booking.goodsDescription,
    };
    if (booking.awb !== undefined) request.awb = booking.awb;
    if (booking.chargeableWeightKg !== undefined) request.chargeableWeightKg = booking.chargeableWeightKg;
    if (booking.specialHandlingCodes?.length) request.specialHandlingCodes = [...booking.specialHandlingCodes];
    if (booking.productCode !== undefined) request.productCode = booking.productCode;
    return request;
  },
});
