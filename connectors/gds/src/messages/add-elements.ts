// createPnr input → PNR_AddMultiElements bodies: first names, segments (sold with NN) and data
// elements (AP, TK TL, SSRs with DOCS from the documents, remarks, the canonical-id remark), then the
// commit (RF and end-and-retrieve). Passenger and segment references (PR/SR) tie SSRs to their owners.
import type { PnrPassenger, PnrSsr } from '@interline/hub';
import type { CreatePnrInput } from '../operations/create-pnr-input';
import { CONTACT_TYPE_CODES, OPTION, REMARK_TYPE_CODES, canonicalIdRemark } from './element-codes';
import { toDdmmyy, toDdmmyyyy, toDdmonyy, toHhmm } from './xml-values';

type Body = Record<string, unknown>;

/** Request-side references: P1 → PR 1, S2 → SR 2 (in input order). */
function references(input: CreatePnrInput): { passenger: Map<string, number>; segment: Map<string, number> } {
  const adults = input.passengers.filter((p) => p.type !== 'INF');
  return {
    passenger: new Map(adults.map((p, i) => [p.id, i + 1])),
    segment: new Map(input.segments.map((s, i) => [s.id, i + 1])),
  };
}

/** A passenger's name with the title written after the given names, as GDSs store it. */
function firstName(p: PnrPassenger): string {
  return (p.title ? `${p.givenNames} ${p.title}` : p.givenNames).toUpperCase();
}

function passengerData(p: PnrPassenger): Body {
  const data: Body = {
    travellerInformation: { traveller: { surname: p.surname.toUpperCase(), quantity: '1' }, passenger: { firstName: firstName(p), type: p.type } },
  };
  if (p.dateOfBirth) data.dateOfBirth = { dateAndTimeDetails: { date: toDdmmyyyy(p.dateOfBirth) } };
  return data;
}

function travellers(input: CreatePnrInput, refs: ReturnType<typeof references>): Body[] {
  const infants = input.passengers.filter((p) => p.type === 'INF');
  return input.passengers
    .filter((p) => p.type !== 'INF')
    .map((adult) => {
      const infant = infants.find((i) => i.infantOf === adult.id);
      const data = [passengerData(adult), ...(infant ? [passengerData(infant)] : [])];
      if (infant) (data[0]?.travellerInformation as Body).passenger = { ...((data[0]?.travellerInformation as Body).passenger as Body), infantIndicator: '3' };
      return {
        elementManagementPassenger: { reference: { qualifier: 'PR', number: String(refs.passenger.get(adult.id)) }, segmentName: 'NM' },
        passengerData: data.length === 1 ? data[0] : data,
      };
    });
}

function itinerary(input: CreatePnrInput, refs: ReturnType<typeof references>): Body {
  const seated = input.passengers.filter((p) => p.type !== 'INF').length;
  return {
    originDestination: {},
    itineraryInfo: input.segments.map((s) => ({
      elementManagementItinerary: { reference: { qualifier: 'SR', number: String(refs.segment.get(s.id)) }, segmentName: 'AIR' },
      airAuxItinerary: {
        travelProduct: {
          product: { depDate: toDdmmyy(s.departure.slice(0, 10)), depTime: toHhmm(s.departure.slice(11)) },
          boardpointDetail: { cityCode: s.origin },
          offpointDetail: { cityCode: s.destination },
          company: { identification: s.carrier },
          productDetails: { identification: s.flightNumber, classOfService: s.classOfService },
        },
        messageAction: { business: { function: '1' } },
        relatedProduct: { quantity: String(seated), status: 'NN' },
      },
    })),
  };
}

/** The SSR DOCS text of a travel document: P/DE/C01X00T47/DE/12AUG82/F/11AUG30/MUSTERMANN/ERIKA. */
export function docsText(p: PnrPassenger): string | undefined {
  const doc = p.documents?.find((d) => d.type !== 'visa');
  if (!doc) return undefined;
  const kind = doc.type === 'passport' ? 'P' : doc.type === 'identity-card' ? 'I' : 'C';
  const gender = `${p.gender ?? 'U'}${p.type === 'INF' ? 'I' : ''}`;
  return [
    kind,
    doc.issuingCountry,
    doc.number,
    doc.nationality ?? doc.issuingCountry,
    p.dateOfBirth ? toDdmonyy(p.dateOfBirth) : '',
    gender,
    doc.expiryDate ? toDdmonyy(doc.expiryDate) : '',
    (doc.holderSurname ?? p.surname).toUpperCase(),
    (doc.holderGivenNames ?? p.givenNames).toUpperCase(),
  ].join('/');
}

function element(segmentName: string, number: number, content: Body, refs: Array<{ qualifier: string; number: number | undefined }> = []): Body {
  const known = refs.filter((r) => r.number !== undefined);
  return {
    elementManagementData: { reference: { qualifier: 'OT', number: String(number) }, segmentName },
    ...content,
    ...(known.length > 0 ? { referenceForDataElement: { reference: known.map((r) => ({ qualifier: r.qualifier, number: String(r.number) })) } } : {}),
  };
}

function ssrElement(ssr: Pick<PnrSsr, 'code' | 'carrier' | 'text' | 'status'>, n: number, refs: Array<{ qualifier: string; number: number | undefined }>): Body {
  return element('SSR', n, { serviceRequest: { ssr: { type: ssr.code, status: ssr.status ?? 'HK', quantity: '1', companyId: ssr.carrier ?? 'YY', ...(ssr.text ? { freetext: ssr.text } : {}) } } }, refs);
}

function dataElements(input: CreatePnrInput, refs: ReturnType<typeof references>): Body[] {
  const out: Body[] = [];
  const paxRef = (id: string | undefined) => {
    if (id === undefined) return undefined;
    const infant = input.passengers.find((p) => p.id === id && p.type === 'INF');
    return refs.passenger.get(infant?.infantOf ?? id);
  };
  for (const contact of input.contacts) {
    out.push(element('AP', out.length + 1, { freetextData: { freetextDetail: { subjectQualifier: '3', type: CONTACT_TYPE_CODES[contact.type] }, longFreetext: contact.value } }, [{ qualifier: 'PR', number: paxRef(contact.passengerId) }]));
  }
  if (input.ticketingTimeLimit) {
    // The time limit is given as the instant; the office keeps it as its local date and time (UTC here).
    const instant = new Date(input.ticketingTimeLimit).toISOString();
    out.push(element('TK', out.length + 1, { ticketElement: { ticket: { indicator: 'TL', date: toDdmmyy(instant.slice(0, 10)), time: toHhmm(instant.slice(11, 16)) } } }));
  }
  for (const p of input.passengers) {
    const text = docsText(p);
    if (text) out.push(ssrElement({ code: 'DOCS', carrier: 'YY', text }, out.length + 1, [{ qualifier: 'PR', number: paxRef(p.id) }]));
  }
  for (const ssr of input.ssrs ?? []) {
    out.push(ssrElement(ssr, out.length + 1, [{ qualifier: 'PR', number: paxRef(ssr.passengerId) }, { qualifier: 'SR', number: ssr.segmentId ? refs.segment.get(ssr.segmentId) : undefined }]));
  }
  for (const remark of input.remarks ?? []) {
    out.push(element('RM', out.length + 1, { miscellaneousRemark: { remarks: { type: REMARK_TYPE_CODES[remark.type], freetext: remark.text } } }));
  }
  out.push(element('RM', out.length + 1, { miscellaneousRemark: { remarks: { type: 'RM', freetext: canonicalIdRemark(input.pnrId) } } }));
  return out;
}

/** The first call: everything the PNR holds, nothing committed yet (optionCode 0). */
export function addElementsBody(input: CreatePnrInput): Body {
  const refs = references(input);
  return {
    pnrActions: { optionCode: OPTION.none },
    travellerInfo: travellers(input, refs),
    originDestinationDetails: itinerary(input, refs),
    dataElementsMaster: { marker1: {}, dataElementsIndiv: dataElements(input, refs) },
  };
}

/** The second call: received-from and end transact with retrieve (optionCode 11 = ER). */
export function commitBody(receivedFrom: string): Body {
  return {
    pnrActions: { optionCode: OPTION.endAndRetrieve },
    dataElementsMaster: {
      marker1: {},
      dataElementsIndiv: element('RF', 1, { freetextData: { freetextDetail: { subjectQualifier: '3', type: 'P22' }, longFreetext: receivedFrom.toUpperCase() } }),
    },
  };
}

/** Leave the uncommitted PNR (IG), e.g. after a sell that failed for every segment. */
export function ignoreBody(): Body {
  return { pnrActions: { optionCode: OPTION.ignore } };
}
