// The airline's FlightScheduleQuery reply (airlines.querySchedule output) → canonical Flight legs:
// period, days of operation, local times with UTC offsets, arrival day change, cargo capacity.
import { FlightSchema, check, defineMapping, formatIssue } from '@interline/hub';
import type { Flight } from '@interline/hub';

export interface ScheduledLegReply {
  Flight: { Carrier: string; Number: string | number; Suffix?: string };
  ItineraryVariation?: number;
  LegSequence?: number;
  Origin: string;
  Destination: string;
  PeriodFrom: string;
  PeriodTo: string;
  /** Seven positions, digit n or '.' (e.g. "1.3.5.7"). */
  DaysOfOperation: string | number;
  DepartureTime: string;
  DepartureUtcOffset: string;
  ArrivalTime: string;
  ArrivalUtcOffset: string;
  ArrivalDayChange: number;
  AircraftType: string | number;
  ServiceType: string;
  CargoCapacity?: { WeightKg: number; VolumeM3: number };
  Status: string;
  LastChanged: string;
}

function days(text: string, where: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    const char = text[i];
    if (char === String(i + 1)) found.push(i + 1);
    else if (char !== '.' && char !== ' ' && char !== undefined) throw new Error(`${where}: DaysOfOperation '${text}' position ${i + 1} must be '${i + 1}' or '.'`);
  }
  return found;
}

function legToFlight(leg: ScheduledLegReply, index: number): Flight {
  const where = `leg ${index + 1} (${leg.Flight?.Carrier}${leg.Flight?.Number})`;
  const number = String(Number(leg.Flight.Number));
  const two = (n: number | undefined): string => String(n ?? 1).padStart(2, '0');
  const flight: Flight = {
    id: `${leg.Flight.Carrier}${number}${leg.Flight.Suffix ?? ''}-${two(leg.ItineraryVariation)}-${two(leg.LegSequence)}-${leg.PeriodFrom}`,
    carrier: leg.Flight.Carrier,
    flightNumber: number,
    departure: { airport: leg.Origin, scheduledTime: leg.DepartureTime, utcOffset: leg.DepartureUtcOffset },
    arrival: { airport: leg.Destination, scheduledTime: leg.ArrivalTime, utcOffset: leg.ArrivalUtcOffset },
    arrivalDayOffset: Number(leg.ArrivalDayChange),
    period: { from: leg.PeriodFrom, to: leg.PeriodTo },
    daysOfOperation: days(String(leg.DaysOfOperation), where),
    aircraftType: String(leg.AircraftType),
    serviceType: leg.ServiceType as Flight['serviceType'],
    state: leg.Status === 'CANCELLED' ? 'cancelled' : 'active',
    updatedAt: leg.LastChanged,
  };
  if (leg.Flight.Suffix) flight.operationalSuffix = leg.Flight.Suffix;
  if (leg.ItineraryVariation !== undefined) flight.itineraryVariation = Number(leg.ItineraryVariation);
  if (leg.LegSequence !== undefined) flight.legSequence = Number(leg.LegSequence);
  if (leg.CargoCapacity) flight.capacity = { cargoWeightKg: Number(leg.CargoCapacity.WeightKg), cargoVolumeM3: Number(leg.CargoCapacity.VolumeM3) };
  const checked = check(FlightSchema, flight);
  if (!checked.ok) throw new Error(`${where} does not make a valid Flight: ${checked.issues.map(formatIssue).join('; ')}`);
  return flight;
}

export default defineMapping<{ legs: ScheduledLegReply[] }, Flight[]>({
  id: 'airlines/flight-schedule-reply-to-flights',
  from: 'airlines.querySchedule output',
  to: 'Flight[]',
  description: 'Each scheduled leg of the reply as a canonical Flight (publish each as flight.schedule-updated).',
  map(reply) {
    if (!reply || !Array.isArray(reply.legs)) throw new Error('input is not a querySchedule reply: legs (a list) is missing');
    return reply.legs.map(legToFlight);
  },
});
