// PNR_Reply (as the soap package reads it) → canonical Pnr: every locator (the GDS one and each
// airline's), passengers, segments with status codes, SSRs, remarks, contacts, tickets, the ticketing
// time limit, and the reply's problems as warnings (waitlist, failed sell, simultaneous changes).
import { deterministicId } from '@interline/hub';
import type { Pnr, PnrWarning, RecordLocator } from '@interline/hub';
import { asArray, fromAmadeusDate, fromHhmm, textAt } from '../messages/xml-values';
import { applyDocs, readElements, readPassengers, readSegments } from './pnr-elements';

/** The GDS code the connector's locators carry (Amadeus). */
export const GDS_SYSTEM = '1A';

export interface ReplyContext {
  /** The canonical id to use when the PNR carries no INTERLINE ID remark. */
  pnrId?: string;
  /** When the reply gives no creation date. */
  now?: Date;
}

/** A canonical id for a PNR made outside Interline: stable per locator. */
export function canonicalPnrIdFor(locator: string): string {
  return deterministicId('gds', GDS_SYSTEM, locator);
}

export function generalWarnings(reply: unknown): PnrWarning[] {
  return asArray((reply as Record<string, unknown> | undefined)?.generalErrorInfo).map((info) => {
    const code = textAt(info, 'messageErrorInformation', 'errorDetail', 'errorCode');
    const text = textAt(info, 'messageErrorText', 'text') ?? 'the GDS reported a problem without text';
    const busy = /SIMULTANEOUS|IN USE|BEING UPDATED/i.test(text);
    return { ...(code ? { code } : {}), kind: busy ? 'busy' : 'warning', text } satisfies PnrWarning;
  });
}

/** The record locator the GDS gave (pnrHeader with companyId 1A), if the PNR is committed. */
export function gdsLocatorOf(reply: unknown): string | undefined {
  for (const header of asArray((reply as Record<string, unknown> | undefined)?.pnrHeader)) {
    const company = textAt(header, 'reservationInfo', 'reservation', 'companyId');
    const locator = textAt(header, 'reservationInfo', 'reservation', 'controlNumber');
    if (locator && (company === undefined || company === GDS_SYSTEM)) return locator;
  }
  return undefined;
}

export function pnrFromReply(reply: unknown, context: ReplyContext = {}): Pnr {
  if (!reply || typeof reply !== 'object') throw new Error('input is not a PNR_Reply: expected an object with pnrHeader, travellerInfo, originDestinationDetails, dataElementsMaster');
  const locator = gdsLocatorOf(reply);
  if (!locator) throw new Error('PNR_Reply has no record locator (pnrHeader/reservationInfo/reservation/controlNumber): the PNR was not committed');
  const passengers = readPassengers(reply);
  if (passengers.length === 0) throw new Error(`PNR_Reply for ${locator} has no passengers (travellerInfo)`);
  const segments = readSegments(reply);
  const elements = readElements(reply);
  applyDocs(passengers, elements.ssrs);

  const locators: RecordLocator[] = [{ locator, system: GDS_SYSTEM, kind: 'gds' }];
  for (const header of asArray((reply as Record<string, unknown>).pnrHeader)) {
    const company = textAt(header, 'reservationInfo', 'reservation', 'companyId');
    const other = textAt(header, 'reservationInfo', 'reservation', 'controlNumber');
    if (company && other && company !== GDS_SYSTEM) segments.airlineLocators.push({ system: company, locator: other });
  }
  for (const airline of segments.airlineLocators) {
    if (!locators.some((l) => l.system === airline.system && l.locator === airline.locator)) locators.push({ locator: airline.locator, system: airline.system, kind: 'airline' });
  }

  const header = asArray((reply as Record<string, unknown>).pnrHeader)[0];
  const created = fromAmadeusDate(textAt(header, 'reservationInfo', 'reservation', 'date'));
  const createdTime = fromHhmm(textAt(header, 'reservationInfo', 'reservation', 'time')) ?? '00:00';
  const pnr: Pnr = {
    id: elements.canonicalId ?? context.pnrId ?? canonicalPnrIdFor(locator),
    recordLocators: locators,
    passengers,
    segments: segments.segments,
    ssrs: elements.ssrs,
    remarks: elements.remarks,
    // A PNR always has an AP element on the GDS; one read without any keeps the office as contact.
    contacts: elements.contacts.length > 0 ? elements.contacts : [{ type: 'agency', value: 'GDS OFFICE' }],
    tickets: elements.tickets,
    warnings: [...segments.warnings, ...generalWarnings(reply)],
    createdAt: created ? `${created}T${createdTime}:00Z` : (context.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  if (elements.ticketingTimeLimit) pnr.ticketingTimeLimit = elements.ticketingTimeLimit;
  return pnr;
}
