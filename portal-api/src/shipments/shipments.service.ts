// Cargo booking requests: hold capacity on the flight (one conditional UPDATE), allocate the AWB,
// store shipment and booking, and write shipment.booking-requested and booking.capacity-held (the
// saga's first step) in the same transaction. Reads and cancellations are tenant-scoped.
import { uuidv7 } from '@interline/hub';
import type { Envelope, Principal, SqlExecutor } from '@interline/hub';
import { holdCapacity, holdUntil } from '../flights/capacity';
import type { HoldRequest } from '../flights/capacity';
import { FLIGHT_COLUMNS, flightId, flightReference, toAvailability } from '../flights/flight-rows';
import type { FlightRow } from '../flights/flight-rows';
import { DEFAULT_HOLD_MS } from '../flights/flights.service';
import { notFound, unprocessable } from '../http/problem';
import { readScope } from '../http/request-context';
import type { WriteResult } from '../http/write-runner';
import { MESSAGE_ID_HEADER } from '../http/write-runner';
import { insertEvents, parentOf, prepareEvent } from '../outbox/outbox-writer';
import type { BookingSaga } from '../saga/booking-saga';
import { bookingSubject, initialSaga, withStep } from '../saga/saga-state';
import type { BookingRequest, ShipmentBooking } from '../schemas/shipments';
import { allocateAwb } from './awb-allocator';
import { buildBooking, buildShipment, chargeFor, totalsOf } from './booking-builder';
import type { Totals } from './booking-builder';
import { insertBooking, listBookings, loadBooking, viewOf } from './booking-store';
import type { BookingRecord } from './booking-store';

/** What a booking request asks for, checked without the database. */
export interface CheckedRequest {
  totals: Totals;
  flightId: string;
}

/** A booking ready to be written: its rows, its two outbox events and the response. */
export interface BuiltBooking {
  record: BookingRecord;
  events: Envelope[];
  result: WriteResult<ShipmentBooking>;
  hold: HoldRequest & { allocationId: string };
}

/** Totals and the flight's id; throws the 400/422 problems a request can be refused with on its own. */
export function checkRequest(request: BookingRequest): CheckedRequest {
  const totals = totalsOf(request);
  const flight = request.flight;
  if (flight.origin !== undefined && flight.origin !== request.origin) {
    throw unprocessable(`flight.origin ${flight.origin} differs from origin ${request.origin}; the portal books single-leg shipments`, 'FLIGHT_ROUTE_MISMATCH', {
      errors: [{ in: 'body', path: '/flight/origin', message: `must equal origin (${request.origin})`, rule: 'const' }],
    });
  }
  return { totals, flightId: flightId(flight.carrier, flight.flightNumber, flight.suffix, flight.date, request.origin) };
}

/** The flight row the request names, or the 422 for a flight not on sale or going elsewhere. */
export function checkFlight(row: FlightRow | undefined, request: BookingRequest, id: string): FlightRow {
  const flight = request.flight;
  if (!row) {
    throw unprocessable(`flight ${flight.carrier}${flight.flightNumber} from ${request.origin} on ${flight.date} is not on sale; search GET /v1/flights`, 'UNKNOWN_FLIGHT', {
      errors: [{ in: 'body', path: '/flight', message: 'is not a flight on sale from origin on that date', rule: 'flight' }],
    });
  }
  if (row.destination !== request.destination) {
    throw unprocessable(`flight ${id} goes to ${row.destination}, not ${request.destination}; the portal books single-leg shipments`, 'FLIGHT_ROUTE_MISMATCH', {
      errors: [{ in: 'body', path: '/destination', message: `must be the flight's destination (${row.destination})`, rule: 'const' }],
    });
  }
  return row;
}

/** Shipment, booking, saga start and the two events, for a request whose flight and AWB are known. */
export function buildBookingWrite(tenant: string, request: BookingRequest, checked: CheckedRequest, row: FlightRow, awb: string, holdMs: number): BuiltBooking {
  const { totals } = checked;
  const shipmentId = uuidv7();
  const bookingId = uuidv7();
  const allocationId = uuidv7();
  const at = new Date().toISOString();
  const reference = flightReference(row);
  const holdExpiresAt = holdUntil(holdMs).toISOString();
  const parts = {
    shipmentId,
    bookingId,
    awb,
    flight: reference,
    totals,
    at,
    allocation: { id: allocationId, flight: reference, weightKg: totals.grossWeightKg, volumeM3: totals.volumeM3, state: 'held' as const, holdExpiresAt },
  };
  const record: BookingRecord = {
    id: bookingId,
    tenant,
    allocationId,
    shipment: buildShipment(request, parts),
    booking: buildBooking(request, parts),
    saga: initialSaga(at),
    charge: chargeFor(totals, toAvailability(row).ratePerKg),
  };
  const requested = prepareEvent({ type: 'shipment.booking-requested', data: record.shipment, tenant, subject: `shipment/${shipmentId}`, partitionkey: awb });
  const held = prepareEvent({ type: 'booking.capacity-held', data: record.booking, tenant, subject: bookingSubject(bookingId), partitionkey: awb, parent: parentOf(requested) });
  record.saga = { ...withStep(record.saga, 'airline-booking', 'pending', { messageId: held.id }), trace: parentOf(held) };
  return {
    record,
    events: [requested, held],
    result: { body: viewOf(record), headers: { location: `/v1/shipments/${awb}`, [MESSAGE_ID_HEADER]: requested.id } },
    hold: { flightId: checked.flightId, tenant, bookingId, allocationId, weightKg: totals.grossWeightKg, volumeM3: totals.volumeM3, seats: 0, ttlMs: holdMs },
  };
}

export class ShipmentsService {
  constructor(
    private readonly saga: BookingSaga,
    readonly holdMs: number = DEFAULT_HOLD_MS,
  ) {}

  /** One booking in its own transaction (the booking batcher's fallback path, statement by statement). */
  async book(tx: SqlExecutor, tenant: string, request: BookingRequest): Promise<WriteResult<ShipmentBooking>> {
    const checked = checkRequest(request);
    // A plain read for what the booking describes (rate, times); capacity itself is only ever
    // changed by the conditional UPDATE in holdCapacity, which comes last.
    const found = (await tx.query<FlightRow>(`SELECT ${FLIGHT_COLUMNS} FROM portal_flights WHERE id = $1`, [checked.flightId])).rows[0];
    const row = checkFlight(found, request, checked.flightId);
    const awb = await allocateAwb(tx, request.flight.carrier);
    const built = buildBookingWrite(tenant, request, checked, row, awb, this.holdMs);
    await insertEvents(tx, built.events);
    await insertBooking(tx, built.record);
    // Last: the flight row stays locked from here to the commit, so concurrent bookings of the same
    // flight queue only for this short tail; a refusal here rolls every row above back.
    await holdCapacity(tx, built.hold);
    return built.result;
  }

  async get(db: SqlExecutor, principal: Principal, awb: string): Promise<ShipmentBooking> {
    const record = await loadBooking(db, { awb }, readScope(principal));
    if (!record) throw notFound(`no shipment ${awb} for this caller`);
    return viewOf(record);
  }

  async list(db: SqlExecutor, principal: Principal, limit: number): Promise<ShipmentBooking[]> {
    return (await listBookings(db, readScope(principal), limit)).map(viewOf);
  }

  async cancel(tx: SqlExecutor, principal: Principal, awb: string, reason: string | undefined): Promise<WriteResult<ShipmentBooking>> {
    const record = await loadBooking(tx, { awb }, readScope(principal), true);
    if (!record) throw notFound(`no shipment ${awb} for this caller`);
    const messageId = await this.saga.cancel(tx, record, reason);
    return { body: viewOf(record), headers: { [MESSAGE_ID_HEADER]: messageId } };
  }
}
