// Canonical Pnr (pnr.requested / a booking to place) → the gds connector's createPnr input: the
// passengers, the segments to sell (those not already held), SSRs other than DOCS (which the connector
// writes from the passengers' documents), contacts, remarks and the ticketing time limit.
import { defineMapping } from '@interline/hub';
import type { Pnr } from '@interline/hub';

export interface CreatePnrInput {
  pnrId: string;
  passengers: Pnr['passengers'];
  segments: Array<{ id: string; carrier: string; flightNumber: string; classOfService: string; origin: string; destination: string; departure: string }>;
  ssrs?: Pnr['ssrs'];
  contacts: Pnr['contacts'];
  remarks?: Pnr['remarks'];
  ticketingTimeLimit?: string;
}

/** Segments already cancelled or refused are not sold again. */
const NOT_TO_SELL = new Set(['HX', 'UN', 'UC', 'NO', 'WK']);

export default defineMapping<Pnr, CreatePnrInput>({
  id: 'gds/pnr-to-create-pnr',
  from: 'Pnr',
  to: 'gds.createPnr input',
  description: 'Books a canonical PNR on the GDS; the connector returns the locator and the Pnr with the GDS status codes.',
  map(pnr) {
    if (!pnr || typeof pnr.id !== 'string') throw new Error('input is not a Pnr: id is missing');
    if (!Array.isArray(pnr.passengers) || pnr.passengers.length === 0) throw new Error(`PNR ${pnr.id} has no passengers; a booking needs at least one name`);
    if (!Array.isArray(pnr.contacts) || pnr.contacts.length === 0) throw new Error(`PNR ${pnr.id} has no contact; the GDS needs an AP element (phone or e-mail)`);
    const segments = (pnr.segments ?? [])
      .filter((s) => !NOT_TO_SELL.has(s.status))
      .map((s) => ({ id: s.id, carrier: s.operatingCarrier && s.carrier === 'YY' ? s.operatingCarrier : s.carrier, flightNumber: s.flightNumber, classOfService: s.classOfService, origin: s.origin, destination: s.destination, departure: s.departure }));
    if (segments.length === 0) throw new Error(`PNR ${pnr.id} has no segment to sell (all are cancelled or refused); nothing to book`);
    const input: CreatePnrInput = { pnrId: pnr.id, passengers: pnr.passengers, segments, contacts: pnr.contacts };
    const ssrs = (pnr.ssrs ?? []).filter((s) => s.code !== 'DOCS');
    if (ssrs.length > 0) input.ssrs = ssrs;
    if (pnr.remarks?.length) input.remarks = pnr.remarks;
    if (pnr.ticketingTimeLimit) input.ticketingTimeLimit = pnr.ticketingTimeLimit;
    return input;
  },
});
