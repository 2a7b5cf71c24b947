// A Flight's period × days of operation as dated legs within a bounded window, each with its local
// and UTC departure and arrival (overnight arrivals and date-line crossings included).
import type { Flight } from '../../model/flight';
import { addDays, weekday } from './fields';

export interface DatedLeg {
  flightId: string;
  carrier: string;
  flightNumber: string;
  operationalSuffix?: string;
  /** Local departure date (what a FlightReference's date means). */
  date: string;
  origin: string;
  destination: string;
  /** Local date-time YYYY-MM-DDTHH:MM and the instant in UTC. */
  departure: { local: string; utc: string };
  arrival: { local: string; utc: string };
  aircraftType: string;
  serviceType: string;
}

/** Larger windows are refused: a schedule season is at most ~7 months, a year covers two. */
export const MAX_WINDOW_DAYS = 400;

function instant(date: string, time: string, offset: string): string {
  return new Date(`${date}T${time}:00${offset}`).toISOString().replace('.000Z', 'Z');
}

/** The dated legs of `flight` that depart (local date) within [window.from, window.to]. */
export function expandDatedLegs(flight: Flight, window: { from: string; to: string }): DatedLeg[] {
  const span = (Date.parse(`${window.to}T00:00:00Z`) - Date.parse(`${window.from}T00:00:00Z`)) / 86_400_000;
  if (!Number.isFinite(span) || span < 0) throw new RangeError(`window ${window.from}..${window.to} is not a date range YYYY-MM-DD..YYYY-MM-DD with from <= to`);
  if (span > MAX_WINDOW_DAYS) throw new RangeError(`window ${window.from}..${window.to} spans ${span} days; expand at most ${MAX_WINDOW_DAYS} days at once`);
  const from = window.from > flight.period.from ? window.from : flight.period.from;
  const to = window.to < flight.period.to ? window.to : flight.period.to;
  const days = new Set(flight.daysOfOperation);
  const legs: DatedLeg[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (!days.has(weekday(date))) continue;
    const arrivalDate = addDays(date, flight.arrivalDayOffset);
    const leg: DatedLeg = {
      flightId: flight.id,
      carrier: flight.carrier,
      flightNumber: flight.flightNumber,
      date,
      origin: flight.departure.airport,
      destination: flight.arrival.airport,
      departure: { local: `${date}T${flight.departure.scheduledTime}`, utc: instant(date, flight.departure.scheduledTime, flight.departure.utcOffset) },
      arrival: { local: `${arrivalDate}T${flight.arrival.scheduledTime}`, utc: instant(arrivalDate, flight.arrival.scheduledTime, flight.arrival.utcOffset) },
      aircraftType: flight.aircraftType,
      serviceType: flight.serviceType,
    };
    if (flight.operationalSuffix !== undefined) leg.operationalSuffix = flight.operationalSuffix;
    legs.push(leg);
  }
  return legs;
}
