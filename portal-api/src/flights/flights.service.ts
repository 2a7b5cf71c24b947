// Schedules and capacity: publishing a schedule leg creates one sellable flight per operating date;
// searches answer what is left by origin, destination and date; allocations hold, confirm and
// release capacity (the booking saga uses the same primitives).
import { jsonb } from '@interline/hub';
import type { Flight, Principal, SqlExecutor } from '@interline/hub';
import { num } from '../db/rows';
import { conflict, notFound, unprocessable } from '../http/problem';
import { canSee } from '../http/request-context';
import type { WriteResult } from '../http/write-runner';
import { MESSAGE_ID_HEADER } from '../http/write-runner';
import { appendEvent } from '../outbox/outbox-writer';
import type { Allocation, AllocationRequest, FlightAvailability, SchedulePublication } from '../schemas/flights';
import { confirmAllocation, holdCapacity, holdExpiry, loadAllocation, releaseAllocation } from './capacity';
import type { AllocationRow } from './capacity';
import { FLIGHT_COLUMNS, flightId, flightReference, toAvailability } from './flight-rows';
import type { FlightRow } from './flight-rows';

export const MAX_DATES = 400;
const DAY_MS = 86_400_000;
export const DEFAULT_HOLD_MS = 15 * 60 * 1000;

/** Operating dates of a schedule leg: within the period, on its weekdays (1 = Monday). */
export function operatingDates(schedule: Flight): string[] {
  const from = Date.parse(`${schedule.period.from}T00:00:00Z`);
  const to = Date.parse(`${schedule.period.to}T00:00:00Z`);
  const days = new Set(schedule.daysOfOperation);
  const dates: string[] = [];
  for (let t = from; t <= to; t += DAY_MS) {
    const weekday = ((new Date(t).getUTCDay() + 6) % 7) + 1;
    if (days.has(weekday)) dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

function isCheckViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23514';
}

export class FlightsService {
  async publish(tx: SqlExecutor, tenant: string, input: SchedulePublication): Promise<WriteResult<{ flights: FlightAvailability[] }>> {
    const { schedule, ratePerKg } = input;
    const kg = schedule.capacity?.cargoWeightKg;
    const m3 = schedule.capacity?.cargoVolumeM3;
    if (kg === undefined || m3 === undefined) {
      throw unprocessable('the schedule leg has no cargo capacity to sell: set schedule.capacity.cargoWeightKg and cargoVolumeM3', 'NO_CAPACITY_DECLARED', {
        errors: [{ in: 'body', path: '/schedule/capacity', message: 'must give cargoWeightKg and cargoVolumeM3', rule: 'required' }],
      });
    }
    const dates = operatingDates(schedule);
    if (dates.length === 0) throw unprocessable('the schedule leg operates on no date of its period; check period and daysOfOperation', 'NO_OPERATING_DATES');
    if (dates.length > MAX_DATES) throw unprocessable(`the schedule leg has ${dates.length} operating dates; publish at most ${MAX_DATES} at once`, 'TOO_MANY_DATES');
    const ids: string[] = [];
    for (const date of dates) {
      const id = flightId(schedule.carrier, schedule.flightNumber, schedule.operationalSuffix, date, schedule.departure.airport);
      ids.push(id);
      try {
        await tx.query(
          `INSERT INTO portal_flights (id, carrier, flight_number, flight_date, origin, destination, departure_time, arrival_time, service_type, schedule,
                                       capacity_kg, capacity_m3, capacity_seats, rate_minor_per_kg, currency, state)
           VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, $9, $10::jsonb, $11::numeric, $12::numeric, $13::integer, $14::integer, $15, $16)
           ON CONFLICT (id) DO UPDATE SET destination = EXCLUDED.destination, departure_time = EXCLUDED.departure_time, arrival_time = EXCLUDED.arrival_time,
             service_type = EXCLUDED.service_type, schedule = EXCLUDED.schedule, capacity_kg = EXCLUDED.capacity_kg, capacity_m3 = EXCLUDED.capacity_m3,
             capacity_seats = EXCLUDED.capacity_seats, rate_minor_per_kg = EXCLUDED.rate_minor_per_kg, currency = EXCLUDED.currency, state = EXCLUDED.state, updated_at = now()`,
          [id, schedule.carrier, schedule.flightNumber, date, schedule.departure.airport, schedule.arrival.airport, schedule.departure.scheduledTime, schedule.arrival.scheduledTime,
            schedule.serviceType, jsonb(schedule), kg, m3, schedule.capacity?.seats ?? null, ratePerKg.amountMinor, ratePerKg.currency, schedule.state],
        );
      } catch (error) {
        if (isCheckViolation(error)) throw conflict(`flight ${id} already has more booked than the new capacity; release or move bookings before reducing it`, 'CAPACITY_BELOW_BOOKED');
        throw error;
      }
    }
    const { id: messageId } = await appendEvent(tx, { type: 'flight.schedule-updated', data: schedule, tenant, subject: `flight/${schedule.id}`, partitionkey: `${schedule.carrier}${schedule.flightNumber}` });
    const rows = await tx.query<FlightRow>(`SELECT ${FLIGHT_COLUMNS} FROM portal_flights WHERE id = ANY($1::text[]) ORDER BY flight_date`, [ids]);
    return { body: { flights: rows.rows.map(toAvailability) }, headers: { [MESSAGE_ID_HEADER]: messageId } };
  }

  async search(db: SqlExecutor, origin: string, destination: string, date: string): Promise<FlightAvailability[]> {
    const rows = await db.query<FlightRow>(
      `SELECT ${FLIGHT_COLUMNS} FROM portal_flights WHERE origin = $1 AND destination = $2 AND flight_date = $3::date ORDER BY departure_time, id`,
      [origin, destination, date],
    );
    return rows.rows.map(toAvailability);
  }

  async get(db: SqlExecutor, id: string): Promise<FlightAvailability> {
    const row = (await db.query<FlightRow>(`SELECT ${FLIGHT_COLUMNS} FROM portal_flights WHERE id = $1`, [id])).rows[0];
    if (!row) throw notFound(`no flight '${id}'; search GET /v1/flights?origin=&destination=&date=`);
    return toAvailability(row);
  }

  async allocationView(db: SqlExecutor, row: AllocationRow): Promise<Allocation> {
    const flight = (await db.query<FlightRow>(`SELECT ${FLIGHT_COLUMNS} FROM portal_flights WHERE id = $1`, [row.flight_id])).rows[0] as FlightRow;
    const expires = row.state === 'held' ? holdExpiry(row) : undefined;
    return {
      flightId: row.flight_id,
      seats: num(row.seats),
      allocation: { id: row.id, flight: flightReference(flight), weightKg: num(row.weight_kg), volumeM3: num(row.volume_m3), state: row.state, ...(expires ? { holdExpiresAt: expires } : {}) },
    };
  }

  async hold(tx: SqlExecutor, tenant: string, flight: string, input: AllocationRequest): Promise<WriteResult<Allocation>> {
    const row = await holdCapacity(tx, { flightId: flight, tenant, weightKg: input.weightKg, volumeM3: input.volumeM3, seats: input.seats ?? 0, ttlMs: (input.holdSeconds ?? DEFAULT_HOLD_MS / 1000) * 1000 });
    return { body: await this.allocationView(tx, row), headers: { location: `/v1/allocations/${row.id}` } };
  }

  async allocation(db: SqlExecutor, principal: Principal, id: string, lock = false): Promise<AllocationRow> {
    const row = await loadAllocation(db, id, lock);
    if (!row || !canSee(principal, row.tenant)) throw notFound(`no allocation '${id}' for this caller`);
    return row;
  }

  async confirm(tx: SqlExecutor, principal: Principal, id: string): Promise<WriteResult<Allocation>> {
    const row = await this.allocation(tx, principal, id, true);
    if (row.booking_id) throw conflict(`allocation ${id} belongs to booking ${row.booking_id}; the booking saga confirms it`, 'ALLOCATION_OF_BOOKING');
    if (row.state !== 'held' || !(await confirmAllocation(tx, id))) throw conflict(`allocation ${id} is ${row.state}, not held; only a held allocation can be confirmed`, 'NOT_HELD');
    return { body: await this.allocationView(tx, (await loadAllocation(tx, id)) as AllocationRow) };
  }

  async release(tx: SqlExecutor, principal: Principal, id: string): Promise<WriteResult<Allocation>> {
    const row = await this.allocation(tx, principal, id, true);
    if (row.booking_id) throw conflict(`allocation ${id} belongs to booking ${row.booking_id}; cancel the shipment instead`, 'ALLOCATION_OF_BOOKING');
    if (!(await releaseAllocation(tx, id, 'released'))) throw conflict(`allocation ${id} is already ${row.state}`, 'NOT_ACTIVE');
    return { body: await this.allocationView(tx, (await loadAllocation(tx, id)) as AllocationRow) };
  }
}
