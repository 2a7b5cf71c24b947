// Capacity without overbooking: a hold is one conditional UPDATE that adds to what is booked only
// while the sum stays within capacity (PostgreSQL re-checks the condition after waiting for a
// concurrent writer's row lock), backed by a CHECK constraint. Never read-then-write in JS.
import { uuidv7 } from '@interline/hub';
import type { SqlExecutor } from '@interline/hub';
import { isoTime, num } from '../db/rows';
import { conflict, notFound } from '../http/problem';
import { round3 } from './flight-rows';

export interface CapacityAmounts {
  weightKg: number;
  volumeM3: number;
  seats: number;
}

export interface HoldRequest extends CapacityAmounts {
  flightId: string;
  tenant: string;
  bookingId?: string;
  ttlMs: number;
  /** The allocation's id, when the caller needs it before the hold (a booking refers to it). */
  allocationId?: string;
}

export interface AllocationRow {
  id: string;
  flight_id: string;
  tenant: string;
  booking_id: string | null;
  weight_kg: unknown;
  volume_m3: unknown;
  seats: unknown;
  state: 'held' | 'confirmed' | 'released' | 'expired';
  hold_expires_at: unknown;
}

// One statement: the conditional UPDATE and, only when it matched, the allocation row.
const HOLD_SQL = `
WITH held AS (
  UPDATE portal_flights
     SET booked_kg = booked_kg + $2::numeric, booked_m3 = booked_m3 + $3::numeric, booked_seats = booked_seats + $4::integer, updated_at = now()
   WHERE id = $1 AND state = 'active'
     AND booked_kg + $2::numeric <= capacity_kg
     AND booked_m3 + $3::numeric <= capacity_m3
     AND ($4::integer = 0 OR (capacity_seats IS NOT NULL AND booked_seats + $4::integer <= capacity_seats))
  RETURNING id
)
INSERT INTO portal_allocations (id, flight_id, tenant, booking_id, weight_kg, volume_m3, seats, state, hold_expires_at)
SELECT $5, id, $6, $7, $2::numeric, $3::numeric, $4::integer, 'held', $8::timestamptz FROM held
RETURNING id, flight_id, tenant, booking_id, weight_kg, volume_m3, seats, state, hold_expires_at`;

const RELEASE_SQL = `
WITH released AS (
  UPDATE portal_allocations SET state = $2, hold_expires_at = NULL, updated_at = now()
   WHERE id = $1 AND state IN ('held', 'confirmed')
  RETURNING flight_id, weight_kg, volume_m3, seats
)
UPDATE portal_flights f
   SET booked_kg = f.booked_kg - r.weight_kg, booked_m3 = f.booked_m3 - r.volume_m3, booked_seats = f.booked_seats - r.seats, updated_at = now()
  FROM released r
 WHERE f.id = r.flight_id
RETURNING f.id`;

/** Why a hold did not fit: unknown flight (404), cancelled (409) or not enough left (409 NO_CAPACITY). */
async function refusal(tx: SqlExecutor, request: HoldRequest): Promise<Error> {
  const found = await tx.query<{ state: string; remaining_kg: unknown; remaining_m3: unknown; remaining_seats: unknown }>(
    `SELECT state, capacity_kg - booked_kg AS remaining_kg, capacity_m3 - booked_m3 AS remaining_m3, capacity_seats - booked_seats AS remaining_seats FROM portal_flights WHERE id = $1`,
    [request.flightId],
  );
  const row = found.rows[0];
  if (!row) return notFound(`no flight '${request.flightId}' is on sale; search GET /v1/flights?origin=&destination=&date=`);
  const remaining = { weightKg: num(row.remaining_kg), volumeM3: num(row.remaining_m3), seats: row.remaining_seats === null ? 0 : num(row.remaining_seats) };
  return capacityRefusal(request.flightId, row.state, remaining, request);
}

/** The refusal for a hold that does not fit what is left (or a cancelled flight). */
export function capacityRefusal(flightId: string, state: string, remaining: CapacityAmounts, request: CapacityAmounts): Error {
  if (state !== 'active') return conflict(`flight ${flightId} is cancelled; choose another flight`, 'FLIGHT_CANCELLED');
  const short = [
    request.weightKg > remaining.weightKg ? `${remaining.weightKg} kg left, ${request.weightKg} kg asked` : undefined,
    request.volumeM3 > remaining.volumeM3 ? `${remaining.volumeM3} m³ left, ${request.volumeM3} m³ asked` : undefined,
    request.seats > remaining.seats ? `${remaining.seats} seats left, ${request.seats} asked` : undefined,
  ].filter(Boolean);
  return conflict(`no capacity on flight ${flightId}: ${short.join('; ') || 'taken by a concurrent booking'}`, 'NO_CAPACITY', {
    remaining,
    requested: { weightKg: request.weightKg, volumeM3: request.volumeM3, seats: request.seats },
  });
}

/**
 * Hold capacity on a flight until `ttlMs` from now; throws a problem when it does not fit. The flight
 * row stays locked until the transaction ends, so callers hold last, after their other writes.
 */
export async function holdCapacity(tx: SqlExecutor, request: HoldRequest): Promise<AllocationRow> {
  const weightKg = round3(request.weightKg);
  const volumeM3 = round3(request.volumeM3);
  const held = await tx.query<AllocationRow>(HOLD_SQL, [
    request.flightId,
    weightKg,
    volumeM3,
    request.seats,
    request.allocationId ?? uuidv7(),
    request.tenant,
    request.bookingId ?? null,
    holdUntil(request.ttlMs).toISOString(),
  ]);
  const row = held.rows[0];
  if (!row) throw await refusal(tx, { ...request, weightKg, volumeM3 });
  return row;
}

/** When a hold made now lapses. */
export function holdUntil(ttlMs: number, now = Date.now()): Date {
  return new Date(now + Math.round(ttlMs));
}

/** held → confirmed; false when the allocation is no longer held (expired, released). */
export async function confirmAllocation(tx: SqlExecutor, allocationId: string): Promise<boolean> {
  const updated = await tx.query(`UPDATE portal_allocations SET state = 'confirmed', hold_expires_at = NULL, updated_at = now() WHERE id = $1 AND state = 'held' RETURNING id`, [allocationId]);
  return updated.rows.length > 0;
}

/** Give held or confirmed capacity back; false when it was already released or expired. */
export async function releaseAllocation(tx: SqlExecutor, allocationId: string, to: 'released' | 'expired'): Promise<boolean> {
  const updated = await tx.query(RELEASE_SQL, [allocationId, to]);
  return updated.rows.length > 0;
}

export async function loadAllocation(db: SqlExecutor, allocationId: string, lock = false): Promise<AllocationRow | undefined> {
  const found = await db.query<AllocationRow>(
    `SELECT id, flight_id, tenant, booking_id, weight_kg, volume_m3, seats, state, hold_expires_at FROM portal_allocations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [allocationId],
  );
  return found.rows[0];
}

export function holdExpiry(row: AllocationRow): string | undefined {
  return row.hold_expires_at === null || row.hold_expires_at === undefined ? undefined : isoTime(row.hold_expires_at);
}
