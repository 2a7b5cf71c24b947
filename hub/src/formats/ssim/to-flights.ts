// SSIM flight legs → canonical Flight: local times with UTC offsets, the period and days of the
// leg's own departure (shifted by its date variation, or by the UTC→local day change in UTC mode),
// the arrival day offset, and a check that every leg arrives after it departs.
import type { Flight } from '../../model/flight';
import { SsimError } from './errors';
import type { SsimIssue } from './errors';
import { addDays, offsetMinutes } from './fields';
import type { SsimCarrier, SsimFile, SsimLeg } from './records';

const DAY = 1440;

export interface SsimToFlightOptions {
  /** When this version of the legs was published; default: the carrier record's creation date and time (UTC). */
  updatedAt?: string;
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function clock(totalMinutes: number): string {
  const m = ((totalMinutes % DAY) + DAY) % DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Days of the week moved by `shift` days (Sunday + 1 = Monday). */
function shiftDays(days: readonly number[], shift: number): number[] {
  return [...new Set(days.map((day) => ((((day - 1 + shift) % 7) + 7) % 7) + 1))].sort((a, b) => a - b);
}

/** Canonical leg id: carrier, number, suffix, itinerary variation, leg and first day, stable across files. */
export function ssimFlightId(leg: SsimLeg): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${leg.airline}${leg.flightNumber}${leg.suffix ?? ''}-${two(leg.itineraryVariation)}-${two(leg.legSequence)}-${leg.period.from}`;
}

export function ssimLegToFlight(leg: SsimLeg, carrier: SsimCarrier, options: SsimToFlightOptions = {}): Flight {
  const depOffset = offsetMinutes(leg.departure.utcVariation);
  const arrOffset = offsetMinutes(leg.arrival.utcVariation);
  // Minutes since midnight of the operating day (the period's day), in each station's local time.
  let depLocal = leg.departureDateVariation * DAY + minutes(leg.departure.passengerTime);
  let arrLocal = leg.arrivalDateVariation * DAY + minutes(leg.arrival.passengerTime);
  if (carrier.timeMode === 'U') {
    depLocal += depOffset;
    arrLocal += arrOffset;
  }
  const depUtc = depLocal - depOffset;
  const arrUtc = arrLocal - arrOffset;
  const issues: SsimIssue[] = [];
  if (arrUtc <= depUtc) {
    issues.push({
      line: leg.line,
      columns: [193, 194],
      field: 'date variation',
      message: `flight ${leg.airline}${leg.flightNumber} ${leg.departure.station}-${leg.arrival.station} arrives at ${leg.arrival.passengerTime} (UTC${leg.arrival.utcVariation}) before it departs at ${leg.departure.passengerTime} (UTC${leg.departure.utcVariation}); an overnight arrival needs arrival date variation '1' in column 194`,
    });
  }
  const depDay = Math.floor(depLocal / DAY);
  const arrivalDayOffset = Math.floor(arrLocal / DAY) - depDay;
  if (arrivalDayOffset < -1 || arrivalDayOffset > 3) {
    issues.push({ line: leg.line, columns: [193, 194], field: 'date variation', message: `arrival is ${arrivalDayOffset} days after departure; the canonical Flight takes -1 to 3 (check the date variations in columns 193-194)` });
  }
  if (issues.length > 0) throw new SsimError(issues);
  const flight: Flight = {
    id: ssimFlightId(leg),
    carrier: leg.airline,
    flightNumber: leg.flightNumber,
    itineraryVariation: leg.itineraryVariation,
    legSequence: leg.legSequence,
    departure: { airport: leg.departure.station, scheduledTime: clock(depLocal), utcOffset: leg.departure.utcVariation },
    arrival: { airport: leg.arrival.station, scheduledTime: clock(arrLocal), utcOffset: leg.arrival.utcVariation },
    arrivalDayOffset,
    period: { from: addDays(leg.period.from, depDay), to: addDays(leg.period.to, depDay) },
    daysOfOperation: shiftDays(leg.daysOfOperation, depDay),
    aircraftType: leg.aircraftType,
    serviceType: leg.serviceType as Flight['serviceType'],
    state: 'active',
    updatedAt: options.updatedAt ?? `${carrier.creationDate}T${carrier.creationTime ?? '00:00'}:00Z`,
  };
  if (leg.suffix !== undefined) flight.operationalSuffix = leg.suffix;
  if (leg.departure.terminal !== undefined) flight.departure.terminal = leg.departure.terminal;
  if (leg.arrival.terminal !== undefined) flight.arrival.terminal = leg.arrival.terminal;
  return flight;
}

/** Every leg of every carrier as a canonical Flight; all bad legs are reported together. */
export function ssimToFlights(file: SsimFile, options: SsimToFlightOptions = {}): Flight[] {
  const flights: Flight[] = [];
  const issues: SsimIssue[] = [];
  for (const block of file.carriers) {
    for (const leg of block.legs) {
      try {
        flights.push(ssimLegToFlight(leg, block.carrier, options));
      } catch (error) {
        if (error instanceof SsimError) issues.push(...error.issues);
        else throw error;
      }
    }
  }
  if (issues.length > 0) throw new SsimError(issues);
  return flights;
}
