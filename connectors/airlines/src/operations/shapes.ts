// The service-facing shapes the operations take and answer, and their conversion to and from the
// service's XML elements (in XSD sequence order: the `soap` package writes keys in object order).
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';

const carrier = Type.String({ pattern: '^([A-Z]{2}|[A-Z][0-9]|[0-9][A-Z])$', description: 'IATA airline designator.' });
const flightNumber = Type.String({ pattern: '^[0-9]{1,4}$', description: 'Flight number, 1-4 digits.' });
const airport = Type.String({ pattern: '^[A-Z]{3}$', description: 'IATA airport code.' });
export const IsoDateSchema = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'Calendar date YYYY-MM-DD.' });
export const ReferenceSchema = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' });

export const FlightDesignatorSchema = Type.Object(
  { carrier, flightNumber, suffix: Type.Optional(Type.String({ pattern: '^[A-Z]$' })) },
  { additionalProperties: false },
);

export const DatedFlightSchema = Type.Object(
  {
    carrier,
    flightNumber,
    suffix: Type.Optional(Type.String({ pattern: '^[A-Z]$' })),
    date: IsoDateSchema,
    origin: airport,
    destination: airport,
  },
  { additionalProperties: false, description: 'One flight leg on one local departure date.' },
);
export type DatedFlight = Static<typeof DatedFlightSchema>;

export const kg = (description: string) => Type.Number({ minimum: 0, maximum: 500_000, description: `${description} Kilograms.` });
export const m3 = (description: string) => Type.Number({ minimum: 0, maximum: 5_000, description: `${description} Cubic metres.` });

export function datedFlightXml(flight: DatedFlight): Record<string, unknown> {
  const xml: Record<string, unknown> = { Carrier: flight.carrier, Number: flight.flightNumber };
  if (flight.suffix !== undefined) xml.Suffix = flight.suffix;
  return { ...xml, Date: flight.date, Origin: flight.origin, Destination: flight.destination };
}

export interface DatedFlightXml {
  Carrier: string;
  Number: string | number;
  Suffix?: string;
  Date: string;
  Origin: string;
  Destination: string;
}

export function datedFlightFromXml(xml: DatedFlightXml): DatedFlight {
  const flight: DatedFlight = { carrier: xml.Carrier, flightNumber: String(xml.Number), date: xml.Date, origin: xml.Origin, destination: xml.Destination };
  if (xml.Suffix) flight.suffix = xml.Suffix;
  return flight;
}

/** "IL8001/2025-11-03 FRA-ORD" */
export function flightLabel(flight: DatedFlight): string {
  return `${flight.carrier}${flight.flightNumber}${flight.suffix ?? ''}/${flight.date} ${flight.origin}-${flight.destination}`;
}

/** An element the XSD allows to repeat comes back as an object when there is one: always a list. */
export function list<T>(value: T | T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export interface BookedSegmentXml {
  Flight: DatedFlightXml;
  WeightKg: number;
  VolumeM3: number;
  SpaceStatus: string;
}

export interface BookingRecordXml {
  BookingReference: string;
  ClientReference: string;
  Status: 'CONFIRMED' | 'CANCELLED';
  AirWaybill?: string;
  Origin: string;
  Destination: string;
  Pieces: number;
  WeightKg: number;
  VolumeM3: number;
  Segment: BookedSegmentXml | BookedSegmentXml[];
  CreatedAt: string;
  CancelledAt?: string;
}

export interface CarrierBooking {
  bookingReference: string;
  clientReference: string;
  status: 'confirmed' | 'cancelled';
  awb?: string;
  origin: string;
  destination: string;
  pieces: number;
  weightKg: number;
  volumeM3: number;
  segments: Array<{ flight: DatedFlight; weightKg: number; volumeM3: number; spaceStatus: string }>;
  createdAt: string;
  cancelledAt?: string;
}

export function bookingFromXml(xml: BookingRecordXml): CarrierBooking {
  const booking: CarrierBooking = {
    bookingReference: xml.BookingReference,
    clientReference: xml.ClientReference,
    status: xml.Status === 'CANCELLED' ? 'cancelled' : 'confirmed',
    origin: xml.Origin,
    destination: xml.Destination,
    pieces: Number(xml.Pieces),
    weightKg: Number(xml.WeightKg),
    volumeM3: Number(xml.VolumeM3),
    segments: list(xml.Segment).map((segment) => ({ flight: datedFlightFromXml(segment.Flight), weightKg: Number(segment.WeightKg), volumeM3: Number(segment.VolumeM3), spaceStatus: segment.SpaceStatus })),
    createdAt: xml.CreatedAt,
  };
  if (xml.AirWaybill) booking.awb = xml.AirWaybill;
  if (xml.CancelledAt) booking.cancelledAt = xml.CancelledAt;
  return booking;
}

/** Bindings entity: canonical booking id (the client reference) ↔ the carrier's booking reference. */
export const BOOKING_ENTITY = 'cargo-booking';
