// Reading the parts of a PNR_Reply into canonical pieces: passengers (with title, birth date and
// travel documents from SSR DOCS), segments with status codes, and the data elements.
import { SEGMENT_STATUS_CODE_LIST } from '@interline/hub';
import type { PnrContact, PnrPassenger, PnrRemark, PnrSegment, PnrSsr, PnrTicket, PnrWarning, SegmentStatusCode } from '@interline/hub';
import { CANONICAL_ID_REMARK_PREFIX, contactTypeOf, remarkTypeOf } from '../messages/element-codes';
import { asArray, at, fromAmadeusDate, fromDdmonyy, fromHhmm, textAt } from '../messages/xml-values';

type Node = Record<string, unknown>;
const TITLES = new Set(['MR', 'MRS', 'MS', 'MSTR', 'MISS', 'DR']);

export function passengerRef(n: string | undefined): string {
  return `P${n ?? '0'}`;
}
export function segmentRef(n: string | undefined): string {
  return `S${n ?? '0'}`;
}

function nameParts(raw: string | undefined): { givenNames: string; title?: PnrPassenger['title'] } {
  const words = (raw ?? '').trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if (words.length > 1 && TITLES.has(last)) return { givenNames: words.slice(0, -1).join(' '), title: last as PnrPassenger['title'] };
  return { givenNames: words.join(' ') };
}

export function readPassengers(reply: unknown): PnrPassenger[] {
  const passengers: PnrPassenger[] = [];
  for (const traveller of asArray((reply as Node | undefined)?.travellerInfo)) {
    const number = textAt(traveller, 'elementManagementPassenger', 'reference', 'number');
    const adultId = passengerRef(number);
    asArray((traveller as Node).passengerData).forEach((data, index) => {
      const surname = textAt(data, 'travellerInformation', 'traveller', 'surname') ?? '';
      const type = (textAt(data, 'travellerInformation', 'passenger', 'type') ?? (index > 0 ? 'INF' : 'ADT')) as PnrPassenger['type'];
      const { givenNames, title } = nameParts(textAt(data, 'travellerInformation', 'passenger', 'firstName'));
      const passenger: PnrPassenger = { id: index === 0 ? adultId : `${adultId}INF`, type, surname, givenNames };
      if (title) passenger.title = title;
      const birth = fromAmadeusDate(textAt(data, 'dateOfBirth', 'dateAndTimeDetails', 'date'));
      if (birth) passenger.dateOfBirth = birth;
      if (index > 0) passenger.infantOf = adultId;
      passengers.push(passenger);
    });
  }
  return passengers;
}

export interface SegmentReading {
  segments: PnrSegment[];
  warnings: PnrWarning[];
  airlineLocators: Array<{ system: string; locator: string }>;
}

function localDateTime(date: string | undefined, time: string | undefined): string | undefined {
  const day = fromAmadeusDate(date);
  const clock = fromHhmm(time);
  return day && clock ? `${day}T${clock}` : undefined;
}

export function readSegments(reply: unknown): SegmentReading {
  const reading: SegmentReading = { segments: [], warnings: [], airlineLocators: [] };
  for (const od of asArray((reply as Node | undefined)?.originDestinationDetails)) {
    for (const info of asArray((od as Node).itineraryInfo)) {
      const id = segmentRef(textAt(info, 'elementManagementItinerary', 'reference', 'number'));
      const product = at(info, 'travelProduct');
      // A reply without these elements is incomplete: the segment is kept (the PNR is still real)
      // with placeholders, and a warning names what the GDS left out instead of hiding it.
      const missing: string[] = [];
      const required = (value: string | undefined, name: string, placeholder: string): string => {
        if (value !== undefined) return value;
        missing.push(name);
        return placeholder;
      };
      const carrier = required(textAt(product, 'companyDetail', 'identification') ?? textAt(product, 'company', 'identification'), 'companyDetail/identification', 'YY');
      const flightNumber = required(textAt(product, 'productDetails', 'identification'), 'productDetails/identification', '0');
      const raw = required(textAt(info, 'relatedProduct', 'status'), 'relatedProduct/status', 'NO');
      const status = (SEGMENT_STATUS_CODE_LIST as string[]).includes(raw) ? (raw as SegmentStatusCode) : 'NO';
      if (raw !== status) missing.push(`a known status code (got ${raw})`);
      const departure = required(localDateTime(textAt(product, 'product', 'depDate'), textAt(product, 'product', 'depTime')), 'product/depDate+depTime', '1970-01-01T00:00');
      const arrival = localDateTime(textAt(product, 'product', 'arrDate') ?? textAt(product, 'product', 'depDate'), textAt(product, 'product', 'arrTime')) ?? departure;
      const segment: PnrSegment = {
        id,
        carrier,
        flightNumber,
        classOfService: required(textAt(product, 'productDetails', 'classOfService'), 'productDetails/classOfService', 'Y'),
        origin: required(textAt(product, 'boardpointDetail', 'cityCode'), 'boardpointDetail/cityCode', 'XXX'),
        destination: required(textAt(product, 'offpointDetail', 'cityCode'), 'offpointDetail/cityCode', 'XXX'),
        departure,
        arrival,
        status,
      };
      reading.segments.push(segment);
      if (missing.length > 0) reading.warnings.push({ code: 'INCOMPLETE', kind: 'warning', text: `segment ${id}: the GDS reply lacks ${missing.join(', ')}; placeholders stand in — retrieve the PNR again or check it in the GDS`, segmentId: id });
      const airline = textAt(info, 'itineraryReservationInfo', 'reservation', 'controlNumber');
      if (airline) reading.airlineLocators.push({ system: textAt(info, 'itineraryReservationInfo', 'reservation', 'companyId') ?? carrier, locator: airline });
      const errorCode = textAt(info, 'errorInfo', 'errorInformation', 'errorDetail', 'code');
      const errorText = textAt(info, 'errorInfo', 'errorfreeFormDescription', 'freeText');
      const flight = `${carrier}${flightNumber} ${segment.classOfService} ${segment.origin}-${segment.destination} ${departure.slice(0, 10)}`;
      if (errorCode || status === 'UN' || status === 'UC' || status === 'NO' || status === 'US' || status === 'UU') {
        reading.warnings.push({ code: errorCode ?? status, kind: 'sell-failed', text: `${flight} not sold (${status}): ${errorText ?? 'the carrier could not confirm the segment'}`, segmentId: id });
      } else if (status === 'HL' || status === 'HN') {
        reading.warnings.push({ code: status, kind: 'waitlisted', text: `${flight} is ${status === 'HL' ? 'waitlisted (HL)' : 'awaiting the carrier (HN)'}; confirm before ticketing`, segmentId: id });
      }
    }
  }
  return reading;
}

export interface ElementReading {
  contacts: PnrContact[];
  ssrs: PnrSsr[];
  remarks: PnrRemark[];
  tickets: PnrTicket[];
  ticketingTimeLimit?: string;
  canonicalId?: string;
}

function refsOf(element: unknown): { passengerId?: string; segmentId?: string } {
  const out: { passengerId?: string; segmentId?: string } = {};
  for (const ref of asArray(((element as Node).referenceForDataElement as Node | undefined)?.reference)) {
    const qualifier = textAt(ref, 'qualifier');
    const number = textAt(ref, 'number');
    if ((qualifier === 'PT' || qualifier === 'PR') && out.passengerId === undefined) out.passengerId = passengerRef(number);
    if ((qualifier === 'ST' || qualifier === 'SR') && out.segmentId === undefined) out.segmentId = segmentRef(number);
  }
  return out;
}

/** FA element text: PAX 220-1234567890/ETLH/EUR1234.56/01FEB25/FRALH28AA/… */
function ticketOf(text: string, passengerId: string | undefined): PnrTicket | undefined {
  const match = /^(PAX|INF)\s+(\d{3})-?(\d{10})\/[A-Z]{2}([A-Z0-9]{2})?\/[^/]*\/(\d{2}[A-Z]{3}\d{2})/.exec(text);
  if (!match) return undefined;
  const issued = fromDdmonyy(match[5] as string);
  return { number: `${match[2]}${match[3]}`, kind: 'ticket', passengerId: passengerId ?? 'P1', status: 'issued', issuedAt: `${issued ?? '1970-01-01'}T00:00:00Z` };
}

export function readElements(reply: unknown): ElementReading {
  const reading: ElementReading = { contacts: [], ssrs: [], remarks: [], tickets: [] };
  for (const master of asArray((reply as Node | undefined)?.dataElementsMaster)) {
    for (const element of asArray((master as Node).dataElementsIndiv)) {
      const name = textAt(element, 'elementManagementData', 'segmentName');
      const refs = refsOf(element);
      if (name === 'AP') {
        const value = textAt(element, 'otherDataFreetext', 'longFreetext') ?? textAt(element, 'freetextData', 'longFreetext');
        if (value) reading.contacts.push({ type: contactTypeOf(textAt(element, 'otherDataFreetext', 'freetextDetail', 'type')), value, ...(refs.passengerId ? { passengerId: refs.passengerId } : {}) });
      } else if (name === 'SSR') {
        const status = textAt(element, 'serviceRequest', 'ssr', 'status');
        const text = textAt(element, 'serviceRequest', 'ssr', 'freetext') ?? textAt(element, 'serviceRequest', 'ssr', 'freeText');
        const carrier = textAt(element, 'serviceRequest', 'ssr', 'companyId');
        const ssr: PnrSsr = { code: textAt(element, 'serviceRequest', 'ssr', 'type') ?? 'OTHS' };
        if (carrier) ssr.carrier = carrier;
        if (status && (SEGMENT_STATUS_CODE_LIST as string[]).includes(status)) ssr.status = status as SegmentStatusCode;
        if (text) ssr.text = text;
        Object.assign(ssr, refs);
        reading.ssrs.push(ssr);
      } else if (name === 'RM' || name === 'RC' || name === 'RIR' || name === 'RA') {
        const text = textAt(element, 'miscellaneousRemarks', 'remarks', 'freetext') ?? textAt(element, 'miscellaneousRemark', 'remarks', 'freetext');
        if (!text) continue;
        if (text.startsWith(CANONICAL_ID_REMARK_PREFIX)) reading.canonicalId = text.slice(CANONICAL_ID_REMARK_PREFIX.length).trim();
        else reading.remarks.push({ type: remarkTypeOf(textAt(element, 'miscellaneousRemarks', 'remarks', 'type') ?? name), text });
      } else if (name === 'TK') {
        const date = fromAmadeusDate(textAt(element, 'ticketElement', 'ticket', 'date'));
        const time = fromHhmm(textAt(element, 'ticketElement', 'ticket', 'time')) ?? '23:59';
        if (textAt(element, 'ticketElement', 'ticket', 'indicator') === 'TL' && date) reading.ticketingTimeLimit = `${date}T${time}:00Z`;
      } else if (name === 'FA') {
        const ticket = ticketOf(textAt(element, 'otherDataFreetext', 'longFreetext') ?? '', refs.passengerId);
        if (ticket) reading.tickets.push(ticket);
      }
    }
  }
  return reading;
}

/** SSR DOCS → the passenger's travel document, gender and birth date (what PAXLST needs). */
export function applyDocs(passengers: PnrPassenger[], ssrs: PnrSsr[]): void {
  for (const ssr of ssrs) {
    if (ssr.code !== 'DOCS' || !ssr.text || !ssr.passengerId) continue;
    const [kind, issuing, number, nationality, birth, gender, expiry] = ssr.text.split('/');
    const infant = gender?.endsWith('I') ?? false;
    const passenger = passengers.find((p) => p.id === (infant ? `${ssr.passengerId}INF` : ssr.passengerId));
    if (!passenger || !number || !issuing || !/^[A-Z]{2}$/.test(issuing)) continue;
    const type = kind === 'P' ? 'passport' : kind === 'I' ? 'identity-card' : 'residence-permit';
    const document: NonNullable<PnrPassenger['documents']>[number] = { type, number, issuingCountry: issuing };
    if (nationality && /^[A-Z]{2}$/.test(nationality)) document.nationality = nationality;
    const expiryDate = expiry ? fromDdmonyy(expiry) : undefined;
    if (expiryDate) document.expiryDate = expiryDate;
    passenger.documents = [...(passenger.documents ?? []).filter((d) => d.number !== number), document];
    const g = gender?.charAt(0);
    if (!passenger.gender && (g === 'M' || g === 'F' || g === 'X' || g === 'U')) passenger.gender = g;
    const dob = birth ? fromDdmonyy(birth) : undefined;
    // DOCS years are two digits; a birth year "in the future" belongs to the previous century.
    if (!passenger.dateOfBirth && dob) passenger.dateOfBirth = dob > new Date().toISOString().slice(0, 10) ? `19${dob.slice(2)}` : dob;
  }
}
