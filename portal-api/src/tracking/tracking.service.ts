// Tracking: shipment.status-changed events recorded once each (by event id), the shipment's status
// moved forward by actual milestones, and reads served from a cache that a new event invalidates
// (the caller invalidates after the recording transaction commits: see TrackingCache).
import { jsonb } from '@interline/hub';
import type { Principal, SqlExecutor, TrackingEvent } from '@interline/hub';
import type { Cache } from '../cache/cache';
import { json } from '../db/rows';
import { notFound } from '../http/problem';
import { canSee } from '../http/request-context';
import type { InternalOutcome } from '../schemas/internal';
import type { TrackingHistory } from '../schemas/tracking';
import { TrackingCache } from './tracking-cache';

/** Shipment status an actual milestone moves to; the rank keeps it from going backwards. */
const MILESTONES: Record<string, { status: string; rank: number }> = {
  BKD: { status: 'booked', rank: 1 },
  FOH: { status: 'received', rank: 2 },
  RCS: { status: 'received', rank: 2 },
  PRE: { status: 'in-transit', rank: 3 },
  MAN: { status: 'in-transit', rank: 3 },
  DEP: { status: 'in-transit', rank: 3 },
  TFD: { status: 'in-transit', rank: 3 },
  RCT: { status: 'in-transit', rank: 3 },
  ARR: { status: 'arrived', rank: 4 },
  RCF: { status: 'arrived', rank: 4 },
  NFD: { status: 'arrived', rank: 4 },
  DLV: { status: 'delivered', rank: 5 },
  DDL: { status: 'delivered', rank: 5 },
};
const RANK: Record<string, number> = { 'booking-requested': 0, booked: 1, received: 2, 'in-transit': 3, 'on-hold': 3, arrived: 4, delivered: 5 };

interface CachedHistory {
  shipmentTenant: string | null;
  events: Array<{ tenant: string; event: TrackingEvent }>;
}

export class TrackingService {
  private readonly cache: TrackingCache;

  constructor(cache: Cache) {
    this.cache = new TrackingCache(cache);
  }

  /** Call after the transaction that recorded an event for `awb` committed (also after a duplicate). */
  invalidate(awb: string): Promise<void> {
    return this.cache.invalidate(awb);
  }

  async record(tx: SqlExecutor, tenant: string, event: TrackingEvent): Promise<InternalOutcome> {
    const shipment = (await tx.query<{ id: string; tenant: string; status: string; shipment: unknown }>('SELECT id, tenant, status, shipment FROM portal_shipments WHERE awb = $1 FOR UPDATE', [event.awb])).rows[0];
    // The shipment's tenant wins: a partner reporting on our AWB must not make the event theirs.
    const owner = shipment?.tenant ?? tenant;
    const inserted = await tx.query('INSERT INTO portal_tracking_events (id, awb, tenant, event_time, event) VALUES ($1, $2, $3, $4::timestamptz, $5::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id', [
      event.id,
      event.awb,
      owner,
      event.eventTime,
      jsonb(event),
    ]);
    if (inserted.rows.length === 0) return { outcome: 'duplicate', id: event.id };
    const next = MILESTONES[event.status];
    const onHold = event.status === 'DIS' && event.timeType === 'actual';
    if (shipment && event.timeType === 'actual' && shipment.status !== 'cancelled' && (onHold || (next && next.rank > (RANK[shipment.status] ?? 0)))) {
      const status = onHold ? 'on-hold' : (next?.status as string);
      const document = { ...json<Record<string, unknown>>(shipment.shipment), status, updatedAt: new Date().toISOString() };
      await tx.query('UPDATE portal_shipments SET status = $2, shipment = $3::jsonb, updated_at = now() WHERE id = $1', [shipment.id, status, jsonb(document)]);
    }
    return { outcome: 'recorded', id: event.id };
  }

  async history(db: SqlExecutor, principal: Principal, awb: string): Promise<TrackingHistory> {
    const cached = await this.cache.read<CachedHistory>(awb, async () => {
      const [shipment, events] = await Promise.all([
        db.query<{ tenant: string }>('SELECT tenant FROM portal_shipments WHERE awb = $1', [awb]),
        db.query<{ tenant: string; event: unknown }>('SELECT tenant, event FROM portal_tracking_events WHERE awb = $1 ORDER BY event_time, id', [awb]),
      ]);
      return { shipmentTenant: shipment.rows[0]?.tenant ?? null, events: events.rows.map((row) => ({ tenant: row.tenant, event: json<TrackingEvent>(row.event) })) };
    });
    const visible = cached.events.filter((entry) => canSee(principal, entry.tenant));
    const ownsShipment = cached.shipmentTenant !== null && canSee(principal, cached.shipmentTenant);
    if (!ownsShipment && visible.length === 0) throw notFound(`no shipment ${awb} and no tracking events for it for this caller`);
    return { awb, events: visible.map((entry) => entry.event) };
  }
}
