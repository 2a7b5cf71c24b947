// Many booking requests in one transaction with a fixed number of set-based statements (group
// commit): on PGlite every statement and every commit queues on its one connection, so per-request
// transactions of ~7 statements capped bookings near 200/s. Each request keeps its own outcome:
//   1. claim the Idempotency-Keys (one INSERT … ON CONFLICT; a key held by someone else is "taken"),
//   2. check each request on its own (totals, route), then lock the flights they name (FOR UPDATE,
//      in id order) and decide in arrival order which holds fit in what is left,
//   3. AWBs for the accepted ones (one nextval per row), their rows and outbox events (one INSERT
//      each), and the holds: one conditional UPDATE per flight that must match every flight, or the
//      whole batch rolls back (the CHECK constraint backs it as well),
//   4. store the responses under the accepted keys and drop the claims of the refused ones.
// Deciding in JavaScript is safe because the flight rows are locked from the read to the commit.
import type { Envelope, SqlExecutor } from '@interline/hub';
import { capacityRefusal } from '../flights/capacity';
import { FLIGHT_COLUMNS, round3 } from '../flights/flight-rows';
import type { FlightRow } from '../flights/flight-rows';
import { IDEMPOTENCY_TTL_MS, storedResponse } from '../http/write-runner';
import type { IdempotencyClaim, WriteResult } from '../http/write-runner';
import { num } from '../db/rows';
import { insertEvents } from '../outbox/outbox-writer';
import type { BookingRequest, ShipmentBooking } from '../schemas/shipments';
import { allocateAwbs, unknownCarrier } from './awb-allocator';
import { insertBookings } from './booking-store';
import { buildBookingWrite, checkFlight, checkRequest } from './shipments.service';
import type { BuiltBooking, CheckedRequest } from './shipments.service';

export interface BookingSubmission {
  tenant: string;
  request: BookingRequest;
  claim?: IdempotencyClaim;
}

export type BatchOutcome =
  | { kind: 'booked'; result: WriteResult<ShipmentBooking>; events: Envelope[] }
  | { kind: 'refused'; error: unknown }
  /** Its Idempotency-Key was claimed by another request: replay that one's response after the commit. */
  | { kind: 'taken' };

/** What is left on a flight, in grams and litres (integers: sums of decimals must not drift). */
interface Left {
  row: FlightRow;
  grams: number;
  litres: number;
}

const CLAIM_SQL = `
INSERT INTO idempotency_keys (scope, key, request_hash, expires_at)
SELECT scope, key, hash, now() + $4::integer * interval '1 millisecond'
  FROM unnest($1::text[], $2::text[], $3::text[]) AS v(scope, key, hash) ORDER BY scope, key
ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = NULL, response = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
 WHERE idempotency_keys.expires_at < now()
RETURNING scope, key`;

const HOLD_SQL = `
WITH per_flight AS (SELECT * FROM unnest($1::text[], $2::numeric[], $3::numeric[]) AS v(id, kg, m3)),
held AS (
  UPDATE portal_flights f SET booked_kg = f.booked_kg + v.kg, booked_m3 = f.booked_m3 + v.m3, updated_at = now()
    FROM per_flight v
   WHERE f.id = v.id AND f.state = 'active' AND f.booked_kg + v.kg <= f.capacity_kg AND f.booked_m3 + v.m3 <= f.capacity_m3
  RETURNING f.id
)
INSERT INTO portal_allocations (id, flight_id, tenant, booking_id, weight_kg, volume_m3, seats, state, hold_expires_at)
SELECT a.id, a.flight_id, a.tenant, a.booking_id, a.kg, a.m3, 0, 'held', a.expires
  FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::numeric[], $9::numeric[], $10::timestamptz[]) AS a(id, flight_id, tenant, booking_id, kg, m3, expires)
 WHERE a.flight_id IN (SELECT id FROM held)
RETURNING id`;

const thousandths = (value: unknown): number => Math.round(num(value) * 1000);
const keyOf = (claim: Pick<IdempotencyClaim, 'scope' | 'key'>): string => `${claim.scope}\u0000${claim.key}`;

type Outcomes = Array<BatchOutcome | undefined>;

interface Accepted {
  index: number;
  checked: CheckedRequest;
  row: FlightRow;
}

/** `claimForMs`: the outbox rows are written claimed for the caller's relay (see insertEvents). */
export async function writeBookingBatch(tx: SqlExecutor, items: BookingSubmission[], holdMs: number, claimForMs?: number): Promise<BatchOutcome[]> {
  const outcomes: Outcomes = new Array<BatchOutcome | undefined>(items.length);
  const claimants = await claimKeys(tx, items, outcomes);
  const accepted = await decide(tx, items, outcomes);
  const awbs = await allocateAwbs(
    tx,
    accepted.map((a) => (items[a.index] as BookingSubmission).request.flight.carrier),
  );
  const built = accepted.map((a, n) => {
    const item = items[a.index] as BookingSubmission;
    return buildBookingWrite(item.tenant, item.request, a.checked, a.row, awbs[n] as string, holdMs);
  });
  if (built.length > 0) {
    await insertEvents(tx, built.flatMap((b) => b.events), claimForMs);
    await insertBookings(tx, built.map((b) => b.record));
    await hold(tx, built);
  }
  accepted.forEach((a, n) => {
    const { result, events } = built[n] as BuiltBooking;
    outcomes[a.index] = { kind: 'booked', result, events };
  });
  await settleKeys(tx, items, outcomes, claimants);
  return outcomes.map((outcome) => outcome ?? { kind: 'refused', error: new Error('booking batch left a request without an outcome') });
}

/**
 * Claim the batch's Idempotency-Keys; marks the requests whose key is held elsewhere (or by an
 * earlier request of this batch) as taken. Returns the indexes of the requests that hold a claim.
 */
async function claimKeys(tx: SqlExecutor, items: BookingSubmission[], outcomes: Outcomes): Promise<Set<number>> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    if (!item.claim) return;
    if (first.has(keyOf(item.claim))) outcomes[i] = { kind: 'taken' };
    else first.set(keyOf(item.claim), i);
  });
  if (first.size === 0) return new Set();
  const claims = [...first.values()].map((i) => (items[i] as BookingSubmission).claim as IdempotencyClaim);
  const won = await tx.query<{ scope: string; key: string }>(CLAIM_SQL, [claims.map((c) => c.scope), claims.map((c) => c.key), claims.map((c) => c.hash), IDEMPOTENCY_TTL_MS]);
  const mine = new Set(won.rows.map((row) => keyOf(row)));
  const claimants = new Set<number>();
  for (const [key, i] of first) {
    if (mine.has(key)) claimants.add(i);
    else outcomes[i] = { kind: 'taken' };
  }
  return claimants;
}

/** Check each open request, lock the flights they name, and accept in arrival order what fits. */
async function decide(tx: SqlExecutor, items: BookingSubmission[], outcomes: Outcomes): Promise<Accepted[]> {
  const checked = new Array<CheckedRequest | undefined>(items.length);
  items.forEach((item, i) => {
    if (outcomes[i]) return;
    try {
      checked[i] = checkRequest(item.request);
    } catch (error) {
      outcomes[i] = { kind: 'refused', error };
    }
  });
  const flights = await lockFlights(tx, [...new Set(checked.flatMap((c) => (c ? [c.flightId] : [])))]);
  const accepted: Accepted[] = [];
  items.forEach((item, i) => {
    const check = checked[i];
    if (outcomes[i] || !check) return;
    try {
      const left = flights.get(check.flightId);
      const row = checkFlight(left?.row, item.request, check.flightId);
      if (!left?.awbPrefix) throw unknownCarrier(item.request.flight.carrier);
      const asked = { weightKg: round3(check.totals.grossWeightKg), volumeM3: round3(check.totals.volumeM3), seats: 0 };
      const grams = Math.round(asked.weightKg * 1000);
      const litres = Math.round(asked.volumeM3 * 1000);
      if (row.state !== 'active' || grams > left.grams || litres > left.litres) {
        throw capacityRefusal(check.flightId, row.state, { weightKg: left.grams / 1000, volumeM3: left.litres / 1000, seats: 0 }, asked);
      }
      left.grams -= grams;
      left.litres -= litres;
      accepted.push({ index: i, checked: check, row });
    } catch (error) {
      outcomes[i] = { kind: 'refused', error };
    }
  });
  return accepted;
}

/** The flights, locked until the commit (id order: two batches never wait on each other in a circle). */
async function lockFlights(tx: SqlExecutor, ids: string[]): Promise<Map<string, Left & { awbPrefix: string | null }>> {
  const flights = new Map<string, Left & { awbPrefix: string | null }>();
  if (ids.length === 0) return flights;
  const rows = await tx.query<FlightRow & { awb_prefix: string | null }>(
    `SELECT ${FLIGHT_COLUMNS}, (SELECT c.awb_prefix FROM portal_carriers c WHERE c.designator = portal_flights.carrier) AS awb_prefix
       FROM portal_flights WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    [ids],
  );
  for (const row of rows.rows) {
    flights.set(row.id, { row, awbPrefix: row.awb_prefix, grams: thousandths(row.capacity_kg) - thousandths(row.booked_kg), litres: thousandths(row.capacity_m3) - thousandths(row.booked_m3) });
  }
  return flights;
}

/** The accepted requests' responses under their keys; the refused ones' claims removed. */
async function settleKeys(tx: SqlExecutor, items: BookingSubmission[], outcomes: Outcomes, claimants: Set<number>): Promise<void> {
  const stored: Array<{ claim: IdempotencyClaim; result: WriteResult }> = [];
  const dropped: IdempotencyClaim[] = [];
  for (const i of claimants) {
    const claim = (items[i] as BookingSubmission).claim as IdempotencyClaim;
    const outcome = outcomes[i];
    if (outcome?.kind === 'booked') stored.push({ claim, result: outcome.result });
    else dropped.push(claim);
  }
  if (stored.length > 0) {
    await tx.query(`UPDATE idempotency_keys k SET status = 200, response = v.response::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS v(scope, key, response) WHERE k.scope = v.scope AND k.key = v.key`, [
      stored.map((s) => s.claim.scope),
      stored.map((s) => s.claim.key),
      stored.map((s) => storedResponse(s.result)),
    ]);
  }
  if (dropped.length > 0) {
    await tx.query(`DELETE FROM idempotency_keys k USING unnest($1::text[], $2::text[]) AS v(scope, key) WHERE k.scope = v.scope AND k.key = v.key`, [dropped.map((c) => c.scope), dropped.map((c) => c.key)]);
  }
}

/** One conditional UPDATE per flight with the batch's sum, and the allocations only where it matched. */
async function hold(tx: SqlExecutor, built: BuiltBooking[]): Promise<void> {
  const perFlight = new Map<string, { grams: number; litres: number }>();
  for (const b of built) {
    const sum = perFlight.get(b.hold.flightId) ?? { grams: 0, litres: 0 };
    sum.grams += Math.round(round3(b.hold.weightKg) * 1000);
    sum.litres += Math.round(round3(b.hold.volumeM3) * 1000);
    perFlight.set(b.hold.flightId, sum);
  }
  const expiry = (b: BuiltBooking): string => b.record.booking.allocations.find((a) => a.id === b.hold.allocationId)?.holdExpiresAt ?? new Date(Date.now() + b.hold.ttlMs).toISOString();
  const inserted = await tx.query(HOLD_SQL, [
    [...perFlight.keys()],
    [...perFlight.values()].map((s) => (s.grams / 1000).toFixed(3)),
    [...perFlight.values()].map((s) => (s.litres / 1000).toFixed(3)),
    built.map((b) => b.hold.allocationId),
    built.map((b) => b.hold.flightId),
    built.map((b) => b.hold.tenant),
    built.map((b) => b.hold.bookingId ?? null),
    built.map((b) => round3(b.hold.weightKg).toFixed(3)),
    built.map((b) => round3(b.hold.volumeM3).toFixed(3)),
    built.map(expiry),
  ]);
  if (inserted.rows.length !== built.length) {
    // Cannot happen while the flight rows are locked; if it does, nothing of the batch may commit.
    throw new Error(`booking batch: ${built.length - inserted.rows.length} of ${built.length} holds no longer fit their flights after the check; the batch is retried request by request`);
  }
}
