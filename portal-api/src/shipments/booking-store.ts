// Loading and saving a shipment with its booking and saga as one record, so every transition
// writes the canonical documents and the queryable columns together.
import { jsonb } from '@interline/hub';
import type { CargoBooking, Money, SqlExecutor, Shipment } from '@interline/hub';
import { json } from '../db/rows';
import { publicSaga } from '../saga/saga-state';
import type { SagaRecord } from '../saga/saga-state';
import type { ShipmentBooking } from '../schemas/shipments';

export interface BookingRecord {
  id: string;
  tenant: string;
  allocationId: string;
  shipment: Shipment;
  booking: CargoBooking;
  saga: SagaRecord;
  charge: Money;
}

interface BookingRow {
  id: string;
  tenant: string;
  allocation_id: string;
  shipment: unknown;
  booking: unknown;
  saga: unknown;
  charge: unknown;
}

const SELECT = `SELECT b.id, b.tenant, b.allocation_id, s.shipment, b.booking, b.saga, b.charge
  FROM portal_bookings b JOIN portal_shipments s ON s.id = b.shipment_id`;

function toRecord(row: BookingRow): BookingRecord {
  return { id: row.id, tenant: row.tenant, allocationId: row.allocation_id, shipment: json(row.shipment), booking: json(row.booking), saga: json(row.saga), charge: json(row.charge) };
}

export type BookingKey = { awb: string } | { bookingId: string };

/** A booking by AWB or id, limited to `tenant` when given; `lock` takes the booking row for update. */
export async function loadBooking(db: SqlExecutor, key: BookingKey, tenant: string | undefined, lock = false): Promise<BookingRecord | undefined> {
  const params: unknown[] = ['awb' in key ? key.awb : key.bookingId];
  let sql = `${SELECT} WHERE ${'awb' in key ? 'b.awb' : 'b.id'} = $1`;
  if (tenant !== undefined) {
    params.push(tenant);
    sql += ' AND b.tenant = $2';
  }
  if (lock) sql += ' FOR UPDATE OF b';
  const row = (await db.query<BookingRow>(sql, params)).rows[0];
  return row ? toRecord(row) : undefined;
}

export async function listBookings(db: SqlExecutor, tenant: string | undefined, limit: number): Promise<BookingRecord[]> {
  const params: unknown[] = [limit];
  const where = tenant === undefined ? '' : 'WHERE b.tenant = $2';
  if (tenant !== undefined) params.push(tenant);
  const rows = await db.query<BookingRow>(`${SELECT} ${where} ORDER BY b.created_at DESC, b.id DESC LIMIT $1`, params);
  return rows.rows.map(toRecord);
}

export async function insertBooking(tx: SqlExecutor, record: BookingRecord): Promise<void> {
  const { shipment, booking } = record;
  await tx.query(
    `WITH shipment AS (
       INSERT INTO portal_shipments (id, tenant, awb, booking_id, status, shipment) VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id
     )
     INSERT INTO portal_bookings (id, tenant, shipment_id, awb, allocation_id, state, booking, saga, charge)
     SELECT $4, $2, shipment.id, $3, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb FROM shipment`,
    [shipment.id, record.tenant, shipment.waybill.number, booking.id, shipment.status, jsonb(shipment), record.allocationId, booking.state, jsonb(booking), jsonb(record.saga), jsonb(record.charge)],
  );
}

/** Many new bookings in one statement (the booking batcher's group commit). */
export async function insertBookings(tx: SqlExecutor, records: BookingRecord[]): Promise<void> {
  if (records.length === 0) return;
  const column = <T>(pick: (record: BookingRecord) => T): T[] => records.map(pick);
  await tx.query(
    `WITH v AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
         AS v(shipment_id, tenant, awb, booking_id, status, shipment, allocation_id, state, booking, saga, charge)
     ), shipments AS (
       INSERT INTO portal_shipments (id, tenant, awb, booking_id, status, shipment) SELECT shipment_id, tenant, awb, booking_id, status, shipment::jsonb FROM v
     )
     INSERT INTO portal_bookings (id, tenant, shipment_id, awb, allocation_id, state, booking, saga, charge)
     SELECT booking_id, tenant, shipment_id, awb, allocation_id, state, booking::jsonb, saga::jsonb, charge::jsonb FROM v`,
    [
      column((r) => r.shipment.id),
      column((r) => r.tenant),
      column((r) => r.shipment.waybill.number),
      column((r) => r.booking.id),
      column((r) => r.shipment.status),
      column((r) => jsonb(r.shipment)),
      column((r) => r.allocationId),
      column((r) => r.booking.state),
      column((r) => jsonb(r.booking)),
      column((r) => jsonb(r.saga)),
      column((r) => jsonb(r.charge)),
    ],
  );
}

export async function saveBooking(tx: SqlExecutor, record: BookingRecord): Promise<void> {
  const at = new Date().toISOString();
  record.shipment.updatedAt = at;
  record.booking.updatedAt = at;
  await tx.query(
    `WITH shipment AS (UPDATE portal_shipments SET status = $3, shipment = $4::jsonb, updated_at = now() WHERE id = $2 RETURNING id)
     UPDATE portal_bookings SET state = $5, booking = $6::jsonb, saga = $7::jsonb, updated_at = now() WHERE id = $1 AND EXISTS (SELECT 1 FROM shipment)`,
    [record.id, record.shipment.id, record.shipment.status, jsonb(record.shipment), record.booking.state, jsonb(record.booking), jsonb(record.saga)],
  );
}

export function viewOf(record: BookingRecord): ShipmentBooking {
  return { shipment: record.shipment, booking: record.booking, saga: publicSaga(record.saga), charge: record.charge };
}

/** The allocation inside the booking document follows the allocation row's state. */
export function setAllocationState(record: BookingRecord, state: 'held' | 'confirmed' | 'released' | 'expired'): void {
  record.booking.allocations = record.booking.allocations.map((allocation) => {
    if (allocation.id !== record.allocationId) return allocation;
    const { holdExpiresAt: _expires, ...rest } = allocation;
    return state === 'held' ? allocation : { ...rest, state };
  });
}
