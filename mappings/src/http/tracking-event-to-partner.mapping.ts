// Canonical TrackingEvent → the partner REST endpoint's tracking update (flat, status described).
import { defineMapping, TRACKING_STATUS_CODES } from '@interline/hub';
import type { TrackingEvent } from '@interline/hub';

export interface PartnerTrackingUpdate {
  awb: string;
  status: string;
  statusText: string;
  at: string;
  airport: string;
  flight?: string;
  pieces?: number;
  weightKg?: number;
  partial?: boolean;
}

export default defineMapping<TrackingEvent, PartnerTrackingUpdate>({
  id: 'http/tracking-event-to-partner',
  from: 'TrackingEvent',
  to: 'partner tracking update (JSON)',
  description: 'One tracking update per canonical status milestone.',
  map(event) {
    if (!event || typeof event.awb !== 'string') throw new Error('input is not a TrackingEvent: awb is missing');
    const update: PartnerTrackingUpdate = {
      awb: event.awb.replace('-', ''),
      status: event.status,
      statusText: TRACKING_STATUS_CODES[event.status],
      at: event.eventTime,
      airport: event.location,
    };
    if (event.flight) update.flight = `${event.flight.carrier}${event.flight.flightNumber}/${event.flight.date}`;
    if (event.quantity) {
      update.pieces = event.quantity.pieceCount;
      update.weightKg = event.quantity.weightKg;
      update.partial = event.quantity.partial;
    }
    return update;
  },
});
