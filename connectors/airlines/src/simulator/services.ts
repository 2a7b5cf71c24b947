// The five operations of the simulated service, as `soap` server methods for one SOAP version:
// they read the request elements, act on the airline's books and answer the response elements, or
// throw a SOAP fault of that version.
import type { Flight } from '@interline/hub';
import { datedFlightFromXml, list } from '../operations/shapes';
import type { DatedFlightXml } from '../operations/shapes';
import type { SoapVersion } from '../wsdl-path';
import { SimFault } from './airline-state';
import type { AirlineState, SimBooking } from './airline-state';
import { soapLibFault } from './soap-fault-bodies';

type Args = Record<string, unknown>;

function bookingXml(booking: SimBooking): Record<string, unknown> {
  const xml: Record<string, unknown> = { BookingReference: booking.bookingReference, ClientReference: booking.clientReference, Status: booking.status };
  if (booking.awb !== undefined) xml.AirWaybill = booking.awb;
  Object.assign(xml, {
    Origin: booking.origin,
    Destination: booking.destination,
    Pieces: booking.pieces,
    WeightKg: booking.weightKg,
    VolumeM3: booking.volumeM3,
    Segment: booking.segments.map((segment) => ({
      Flight: { Carrier: segment.flight.carrier, Number: segment.flight.flightNumber, ...(segment.flight.suffix ? { Suffix: segment.flight.suffix } : {}), Date: segment.flight.date, Origin: segment.flight.origin, Destination: segment.flight.destination },
      WeightKg: segment.weightKg,
      VolumeM3: segment.volumeM3,
      SpaceStatus: segment.spaceStatus,
    })),
    CreatedAt: booking.createdAt,
  });
  if (booking.cancelledAt !== undefined) xml.CancelledAt = booking.cancelledAt;
  return xml;
}

function legXml(leg: Flight): Record<string, unknown> {
  const xml: Record<string, unknown> = {
    Flight: { Carrier: leg.carrier, Number: leg.flightNumber, ...(leg.operationalSuffix ? { Suffix: leg.operationalSuffix } : {}) },
  };
  if (leg.itineraryVariation !== undefined) xml.ItineraryVariation = leg.itineraryVariation;
  if (leg.legSequence !== undefined) xml.LegSequence = leg.legSequence;
  Object.assign(xml, {
    Origin: leg.departure.airport,
    Destination: leg.arrival.airport,
    PeriodFrom: leg.period.from,
    PeriodTo: leg.period.to,
    DaysOfOperation: [1, 2, 3, 4, 5, 6, 7].map((day) => (leg.daysOfOperation.includes(day) ? String(day) : '.')).join(''),
    DepartureTime: leg.departure.scheduledTime,
    DepartureUtcOffset: leg.departure.utcOffset,
    ArrivalTime: leg.arrival.scheduledTime,
    ArrivalUtcOffset: leg.arrival.utcOffset,
    ArrivalDayChange: leg.arrivalDayOffset,
    AircraftType: leg.aircraftType,
    ServiceType: leg.serviceType,
  });
  if (leg.capacity?.cargoWeightKg !== undefined && leg.capacity.cargoVolumeM3 !== undefined) xml.CargoCapacity = { WeightKg: leg.capacity.cargoWeightKg, VolumeM3: leg.capacity.cargoVolumeM3 };
  return { ...xml, Status: leg.state === 'cancelled' ? 'CANCELLED' : 'ACTIVE', LastChanged: leg.updatedAt };
}

function text(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

function required(args: Args, name: string): string {
  const value = text(args[name]);
  if (value === undefined || value === '') throw new SimFault('client', 'VALIDATION', `element ${name} is required`);
  return value;
}

/** Run a service body; a business refusal becomes a SOAP fault of this version. */
function guarded(version: SoapVersion, body: (args: Args) => unknown): (args: Args) => unknown {
  return (args) => {
    try {
      return body(args ?? {});
    } catch (error) {
      if (!(error instanceof SimFault)) throw error;
      const airline: Record<string, unknown> = { Code: error.code, Message: error.message };
      if (error.extra.flight !== undefined) airline.Flight = error.extra.flight;
      if (error.extra.shortfallKg !== undefined) airline.ShortfallKg = error.extra.shortfallKg;
      if (error.extra.shortfallM3 !== undefined) airline.ShortfallM3 = error.extra.shortfallM3;
      if (error.extra.retryAfterSeconds !== undefined) airline.RetryAfterSeconds = error.extra.retryAfterSeconds;
      throw { Fault: soapLibFault(version, { side: error.kind, reason: error.message, airline: airline as never }) };
    }
  };
}

export function airlineServices(version: SoapVersion, state: AirlineState, now: () => Date): Record<string, (args: Args) => unknown> {
  return {
    FlightScheduleQuery: guarded(version, (args) => {
      const flight = args.Flight as { Carrier?: unknown; Number?: unknown } | undefined;
      const query: Parameters<AirlineState['schedule']>[0] = { from: required(args, 'DateFrom'), to: required(args, 'DateTo') };
      const origin = text(args.Origin);
      const destination = text(args.Destination);
      if (origin !== undefined) query.origin = origin;
      if (destination !== undefined) query.destination = destination;
      if (flight?.Carrier !== undefined) query.carrier = String(flight.Carrier);
      if (flight?.Number !== undefined) query.flightNumber = String(Number(flight.Number));
      return { Leg: state.schedule(query).map(legXml) };
    }),
    CapacityCheck: guarded(version, (args) => {
      const flight = datedFlightFromXml(args.Flight as DatedFlightXml);
      const remaining = state.remaining(flight);
      const available = Number(args.WeightKg) <= remaining.weightKg && Number(args.VolumeM3) <= remaining.volumeM3;
      return { Flight: args.Flight, Available: available, Remaining: { WeightKg: remaining.weightKg, VolumeM3: remaining.volumeM3 } };
    }),
    CargoBookingCreate: guarded(version, (args) => {
      const segments = list(args.Segment as DatedFlightXml | DatedFlightXml[]).map(datedFlightFromXml);
      if (segments.length === 0) throw new SimFault('client', 'VALIDATION', 'a booking needs at least one Segment');
      const request: Parameters<AirlineState['book']>[0] = {
        clientReference: required(args, 'ClientReference'),
        origin: required(args, 'Origin'),
        destination: required(args, 'Destination'),
        segments,
        pieces: Number(args.Pieces),
        weightKg: Number(args.WeightKg),
        volumeM3: Number(args.VolumeM3),
      };
      const awb = text(args.AirWaybill);
      if (awb !== undefined) request.awb = awb;
      const { booking, existing } = state.book(request, now());
      return { Booking: bookingXml(booking), Existing: existing };
    }),
    CargoBookingCancel: guarded(version, (args) => {
      const { booking, already } = state.cancel(required(args, 'ClientReference'), text(args.BookingReference), text(args.Reason), now());
      return { Booking: bookingXml(booking), AlreadyCancelled: already };
    }),
    CargoBookingStatus: guarded(version, (args) => {
      const clientReference = text(args.ClientReference);
      const bookingReference = text(args.BookingReference);
      const booking = state.find(clientReference, bookingReference);
      if (!booking) throw new SimFault('client', 'BOOKING_NOT_FOUND', `no booking under ${clientReference !== undefined ? `client reference ${clientReference}` : `booking reference ${bookingReference ?? '(none given)'}`}`);
      return { Booking: bookingXml(booking) };
    }),
  };
}
