// One PAXLST D.05B message (WCO/IATA API guide): BGM 745, reporting party NAD+MS, the flight (TDT+20,
// DTM+189, LOC+125/DTM+189, LOC+87/DTM+232), then per passenger NAD+FL, ATT+2 gender, DTM+329 birth,
// LOC+178/179, NAT+2, RFF+AVF locator, DOC with DTM+36 expiry and LOC+91 issuer, and CNT+42.
import type { Flight, edifact } from '@interline/hub';
import { alpha3 } from './country-alpha3';
import type { ListedPassenger } from './passenger-list';

type Segment = edifact.SegmentInput;

/** 2025-03-14 + 10:35 → 2503141035 (DTM format 201, YYMMDDHHMM) */
function dateTime201(date: string, time: string): string {
  return `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}${time.replace(':', '')}`;
}
/** 1982-08-12 → 820812 */
function yymmdd(date: string): string {
  return `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
}
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** EDIFACT data must not carry the service characters unreleased; names and numbers never need them. */
function clean(value: string): string {
  return value.toUpperCase().replace(/['+:?*]/g, ' ');
}

export function flightSegments(flight: Flight, date: string): Segment[] {
  const flightId = `${flight.carrier}${flight.flightNumber}${flight.operationalSuffix ?? ''}`;
  const departure = dateTime201(date, flight.departure.scheduledTime);
  const arrival = dateTime201(addDays(date, flight.arrivalDayOffset), flight.arrival.scheduledTime);
  return [
    { tag: 'TDT', elements: [['20'], [flightId], [], [], [flight.carrier]] },
    { tag: 'DTM', elements: [['189', departure, '201']] },
    { tag: 'LOC', elements: [['125'], [flight.departure.airport]] },
    { tag: 'DTM', elements: [['189', departure, '201']] },
    { tag: 'LOC', elements: [['87'], [flight.arrival.airport]] },
    { tag: 'DTM', elements: [['232', arrival, '201']] },
  ];
}

export function passengerSegments(listed: ListedPassenger, warn: (text: string) => void): Segment[] {
  const { passenger: p } = listed;
  const out: Segment[] = [{ tag: 'NAD', elements: [['FL'], [], [], [clean(p.surname), clean(p.givenNames)]] }];
  if (p.gender) out.push({ tag: 'ATT', elements: [['2'], [], [p.gender === 'X' || p.gender === 'U' ? 'U' : p.gender]] });
  if (p.dateOfBirth) out.push({ tag: 'DTM', elements: [['329', yymmdd(p.dateOfBirth)]] });
  out.push({ tag: 'LOC', elements: [['178'], [listed.embark]] }, { tag: 'LOC', elements: [['179'], [listed.debark]] });
  const doc = p.documents?.find((d) => d.type !== 'visa');
  const nationality = alpha3(doc?.nationality ?? doc?.issuingCountry);
  if (nationality) out.push({ tag: 'NAT', elements: [['2'], [nationality]] });
  else if (doc) warn(`passenger ${p.surname}/${p.givenNames} (${listed.locator}): nationality ${doc.nationality ?? doc.issuingCountry} has no alpha-3 code in the connector's table; NAT left out`);
  out.push({ tag: 'RFF', elements: [['AVF', listed.locator]] });
  if (doc) {
    const kind = doc.type === 'passport' ? 'P' : doc.type === 'identity-card' ? 'I' : 'C';
    out.push({ tag: 'DOC', elements: [[kind, '110', '111'], [clean(doc.number)]] });
    if (doc.expiryDate) out.push({ tag: 'DTM', elements: [['36', yymmdd(doc.expiryDate)]] });
    const issuer = alpha3(doc.issuingCountry);
    if (issuer) out.push({ tag: 'LOC', elements: [['91'], [issuer]] });
  } else {
    warn(`passenger ${p.surname}/${p.givenNames} (${listed.locator}) has no travel document (SSR DOCS); sent without DOC`);
  }
  return out;
}

export interface PaxlstPartInput {
  flight: Flight;
  date: string;
  reportingParty: string;
  passengers: ListedPassenger[];
}

/** The segments between UNH and UNT of one part. */
export function paxlstSegments(part: PaxlstPartInput, warn: (text: string) => void): Segment[] {
  return [
    { tag: 'BGM', elements: [['745']] },
    { tag: 'NAD', elements: [['MS'], [], [], [clean(part.reportingParty)]] },
    ...flightSegments(part.flight, part.date),
    ...part.passengers.flatMap((p) => passengerSegments(p, warn)),
    { tag: 'CNT', elements: [['42', String(part.passengers.length)]] },
  ];
}
