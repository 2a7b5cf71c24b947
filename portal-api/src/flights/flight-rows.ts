// Reading flight rows into the API's FlightAvailability shape.
import type { Flight, FlightReference } from '@interline/hub';
import { json, num } from '../db/rows';
import type { FlightAvailability } from '../schemas/flights';

/** Columns every flight read selects (the date as text: drivers disagree on date objects). */
export const FLIGHT_COLUMNS = `id, carrier, flight_number, to_char(flight_date, 'YYYY-MM-DD') AS flight_date, origin, destination, schedule,
  capacity_kg, capacity_m3, capacity_seats, booked_kg, booked_m3, booked_seats, rate_minor_per_kg, currency, state`;

export interface FlightRow {
  id: string;
  carrier: string;
  flight_number: string;
  flight_date: string;
  origin: string;
  destination: string;
  schedule: unknown;
  capacity_kg: unknown;
  capacity_m3: unknown;
  capacity_seats: unknown;
  booked_kg: unknown;
  booked_m3: unknown;
  booked_seats: unknown;
  rate_minor_per_kg: unknown;
  currency: string;
  state: 'active' | 'cancelled';
}

export function flightId(carrier: string, flightNumber: string, suffix: string | undefined, date: string, origin: string): string {
  return `${carrier}${flightNumber}${suffix ?? ''}-${date}-${origin}`;
}

/** Kilograms and cubic metres are kept to the gram and the litre (numeric(12,3)). */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function flightReference(row: FlightRow): FlightReference {
  const schedule = json<Flight>(row.schedule);
  return {
    carrier: row.carrier,
    flightNumber: row.flight_number,
    ...(schedule.operationalSuffix ? { suffix: schedule.operationalSuffix } : {}),
    date: row.flight_date,
    origin: row.origin,
    destination: row.destination,
  };
}

export function toAvailability(row: FlightRow): FlightAvailability {
  const schedule = json<Flight>(row.schedule);
  const seats = row.capacity_seats === null || row.capacity_seats === undefined ? undefined : num(row.capacity_seats);
  const capacity = { weightKg: num(row.capacity_kg), volumeM3: num(row.capacity_m3), ...(seats !== undefined ? { seats } : {}) };
  const booked = { weightKg: num(row.booked_kg), volumeM3: num(row.booked_m3), ...(seats !== undefined ? { seats: num(row.booked_seats) } : {}) };
  return {
    id: row.id,
    flight: flightReference(row),
    departure: schedule.departure,
    arrival: schedule.arrival,
    aircraftType: schedule.aircraftType,
    serviceType: schedule.serviceType,
    state: row.state,
    capacity,
    booked,
    remaining: {
      weightKg: round3(capacity.weightKg - booked.weightKg),
      volumeM3: round3(capacity.volumeM3 - booked.volumeM3),
      ...(seats !== undefined ? { seats: seats - (booked.seats ?? 0) } : {}),
    },
    ratePerKg: { amountMinor: num(row.rate_minor_per_kg), currency: row.currency },
  };
}
