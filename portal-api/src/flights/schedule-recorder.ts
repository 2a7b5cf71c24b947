// Flight schedules from the hub (flight.schedule-updated from an airline's SSIM file or SSM/ASM
// messages): upsert one flight per operating date of the leg in one statement.
// - A date the portal already sells keeps its capacity, rate, bookings and holds; its schedule
//   (times, destination, service type, aircraft) and state (an SSM CNL cancels it) follow the event.
// - A new date gets its capacity from the leg's capacity fields, else from the configured capacity of
//   its aircraft type, else none; and the configured rate per kg. Without a configured rate a new
//   date is listed with no capacity, not sold: the portal does not sell what it cannot price (an
//   admin sets capacity and rate with POST /v1/flights).
// - A version older than the one stored (Flight.updatedAt) changes nothing: events may overtake.
import { Type } from '@sinclair/typebox';
import { MoneySchema, jsonb } from '@interline/hub';
import type { Flight, Money, SqlExecutor } from '@interline/hub';
import { unprocessable } from '../http/problem';
import type { InternalOutcome } from '../schemas/internal';
import { flightId, round3 } from './flight-rows';
import { MAX_DATES, operatingDates } from './flights.service';

/** `portal.schedules` in interline.yaml: what `interline start` passes as `schedules`. */
export const ScheduleDefaultsSchema = Type.Object(
  {
    ratePerKg: Type.Optional(MoneySchema),
    capacityByAircraftType: Type.Optional(
      Type.Record(Type.String({ pattern: '^[A-Z0-9]{3}$' }), Type.Object({ cargoWeightKg: Type.Number({ minimum: 0 }), cargoVolumeM3: Type.Number({ minimum: 0 }) }, { additionalProperties: false })),
    ),
  },
  { additionalProperties: false },
);

export interface ScheduleDefaults {
  /** The rate new dates are sold at; without it new dates are listed with no capacity. */
  ratePerKg?: Money;
  /** Cargo capacity by IATA aircraft type (77F, 744, …) for legs that carry none. */
  capacityByAircraftType?: Record<string, { cargoWeightKg: number; cargoVolumeM3: number }>;
}

const UPSERT_SQL = `
INSERT INTO portal_flights (id, carrier, flight_number, flight_date, origin, destination, departure_time, arrival_time, service_type, schedule,
                            capacity_kg, capacity_m3, capacity_seats, rate_minor_per_kg, currency, state)
SELECT v.id, $3, $4, v.flight_date::date, $5, $6, $7, $8, $9, $10::jsonb, $11::numeric, $12::numeric, $13::integer, $14::integer, $15, $16
  FROM unnest($1::text[], $2::text[]) AS v(id, flight_date)
ON CONFLICT (id) DO UPDATE SET destination = EXCLUDED.destination, departure_time = EXCLUDED.departure_time, arrival_time = EXCLUDED.arrival_time,
   service_type = EXCLUDED.service_type, schedule = EXCLUDED.schedule, state = EXCLUDED.state, updated_at = now()
 WHERE (portal_flights.schedule->>'updatedAt')::timestamptz <= (EXCLUDED.schedule->>'updatedAt')::timestamptz
RETURNING (xmax = 0) AS inserted`;

/** What a new date of `schedule` is sold with. */
export function newDateCapacity(schedule: Flight, defaults: ScheduleDefaults): { kg: number; m3: number; seats: number | null; rate: Money; onSale: boolean } {
  const byType = defaults.capacityByAircraftType?.[schedule.aircraftType];
  const seats = schedule.capacity?.seats ?? null;
  if (!defaults.ratePerKg) return { kg: 0, m3: 0, seats, rate: { amountMinor: 0, currency: 'EUR' }, onSale: false };
  return {
    kg: round3(schedule.capacity?.cargoWeightKg ?? byType?.cargoWeightKg ?? 0),
    m3: round3(schedule.capacity?.cargoVolumeM3 ?? byType?.cargoVolumeM3 ?? 0),
    seats,
    rate: defaults.ratePerKg,
    onSale: true,
  };
}

export async function recordFlightSchedule(tx: SqlExecutor, schedule: Flight, defaults: ScheduleDefaults): Promise<InternalOutcome> {
  const dates = operatingDates(schedule);
  const leg = `${schedule.carrier}${schedule.flightNumber}${schedule.operationalSuffix ?? ''} ${schedule.departure.airport}-${schedule.arrival.airport}`;
  if (dates.length === 0) return { outcome: 'ignored', id: schedule.id, reason: `schedule leg ${leg} operates on no date of ${schedule.period.from}..${schedule.period.to} (days ${schedule.daysOfOperation.join(',')})` };
  if (dates.length > MAX_DATES) {
    throw unprocessable(`schedule leg ${leg} has ${dates.length} operating dates; the portal records at most ${MAX_DATES} per event; split the period`, 'TOO_MANY_DATES', {
      errors: [{ in: 'body', path: '/data/period', message: `spans more than ${MAX_DATES} operating dates`, rule: 'maxItems' }],
    });
  }
  const ids = dates.map((date) => flightId(schedule.carrier, schedule.flightNumber, schedule.operationalSuffix, date, schedule.departure.airport));
  const sold = newDateCapacity(schedule, defaults);
  const result = await tx.query<{ inserted: boolean }>(UPSERT_SQL, [
    ids,
    dates,
    schedule.carrier,
    schedule.flightNumber,
    schedule.departure.airport,
    schedule.arrival.airport,
    schedule.departure.scheduledTime,
    schedule.arrival.scheduledTime,
    schedule.serviceType,
    jsonb(schedule),
    sold.kg,
    sold.m3,
    sold.seats,
    sold.rate.amountMinor,
    sold.rate.currency,
    schedule.state,
  ]);
  const added = result.rows.filter((row) => row.inserted).length;
  const updated = result.rows.length - added;
  const older = dates.length - result.rows.length;
  if (result.rows.length === 0) return { outcome: 'ignored', id: schedule.id, reason: `every date of ${leg} holds a newer version of the schedule than ${schedule.updatedAt}` };
  const notes = [`${added} new, ${updated} updated`, older > 0 ? `${older} kept (newer version stored)` : undefined, added > 0 && !sold.onSale ? 'new dates listed without capacity: no rate is configured (schedules.ratePerKg)' : undefined];
  return { outcome: 'recorded', id: schedule.id, reason: `${leg}: ${notes.filter(Boolean).join('; ')}` };
}
