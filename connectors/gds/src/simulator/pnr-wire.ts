// A simulator PNR record → the PNR_Reply body the service answers with (element names as the
// connector reads them), plus the error blocks: generalErrorInfo and per-segment errorInfo.
import type { SimPnr, SimSegment } from './records';

type Body = Record<string, unknown>;

export interface FailedSegment {
  segment: SimSegment;
  code: string;
  text: string;
}

function refs(paxRefs: number[], segRefs: number[]): Body {
  const list = [...paxRefs.map((n) => ({ qualifier: 'PT', number: String(n) })), ...segRefs.map((n) => ({ qualifier: 'ST', number: String(n) }))];
  return list.length > 0 ? { referenceForDataElement: { reference: list } } : {};
}

function itinerary(segment: SimSegment, pnr: SimPnr, failure?: FailedSegment): Body {
  const airline = pnr.airlineLocators[segment.carrier];
  return {
    elementManagementItinerary: { reference: { qualifier: 'ST', number: String(segment.tattoo) }, segmentName: 'AIR' },
    travelProduct: {
      product: { depDate: segment.depDate, depTime: segment.depTime, arrDate: segment.arrDate, arrTime: segment.arrTime },
      boardpointDetail: { cityCode: segment.origin },
      offpointDetail: { cityCode: segment.destination },
      companyDetail: { identification: segment.carrier },
      productDetails: { identification: segment.flightNumber, classOfService: segment.classOfService },
    },
    itineraryMessageAction: { business: { function: '1' } },
    relatedProduct: { quantity: String(segment.quantity), status: segment.status },
    ...(airline && pnr.locator && !failure ? { itineraryReservationInfo: { reservation: { companyId: segment.carrier, controlNumber: airline } } } : {}),
    ...(failure ? { errorInfo: { errorInformation: { errorDetail: { code: failure.code } }, errorfreeFormDescription: { freeText: failure.text } } } : {}),
  };
}

export function pnrReply(pnr: SimPnr | undefined, extra: { failed?: FailedSegment[]; errors?: Array<{ code: string; text: string }> } = {}): Body {
  const reply: Body = {};
  if (pnr?.locator) reply.pnrHeader = { reservationInfo: { reservation: { companyId: '1A', controlNumber: pnr.locator, date: pnr.createdDate, time: pnr.createdTime } } };
  if (extra.errors?.length) {
    reply.generalErrorInfo = extra.errors.map((e) => ({ messageErrorInformation: { errorDetail: { errorCode: e.code, qualifier: 'EC', responsibleAgency: '1A' } }, messageErrorText: { text: e.text } }));
  }
  if (!pnr) return reply;
  if (pnr.passengers.length > 0) {
    reply.travellerInfo = pnr.passengers.map((p) => ({
      elementManagementPassenger: { reference: { qualifier: 'PT', number: String(p.tattoo) }, segmentName: 'NM' },
      passengerData: [p, ...(p.infant ? [p.infant] : [])].map((n, i) => ({
        travellerInformation: { traveller: { surname: n.surname, quantity: '1' }, passenger: { firstName: n.firstName, type: i === 0 ? n.type : 'INF', ...(i === 0 && p.infant ? { infantIndicator: '3' } : {}) } },
        ...(n.birthDate ? { dateOfBirth: { dateAndTimeDetails: { date: n.birthDate } } } : {}),
      })),
    }));
  }
  const segments = [...pnr.segments.map((s) => itinerary(s, pnr)), ...(extra.failed ?? []).map((f) => itinerary(f.segment, pnr, f))];
  if (segments.length > 0) reply.originDestinationDetails = { originDestination: {}, itineraryInfo: segments };
  if (pnr.elements.length > 0) {
    reply.dataElementsMaster = {
      marker2: {},
      dataElementsIndiv: pnr.elements.map((e) => {
        const content: Body = {};
        if (e.ssr) content.serviceRequest = { ssr: { type: e.ssr.type, status: e.ssr.status, quantity: '1', companyId: e.ssr.companyId, ...(e.ssr.freetext ? { freetext: e.ssr.freetext } : {}) } };
        else if (e.ticket) content.ticketElement = { ticket: { indicator: 'TL', date: e.ticket.date, time: e.ticket.time } };
        else if (e.remarkType) content.miscellaneousRemarks = { remarks: { type: e.remarkType, freetext: e.text ?? '' } };
        else content.otherDataFreetext = { freetextDetail: { subjectQualifier: '3', type: e.freetextType ?? '' }, longFreetext: e.text ?? '' };
        return { elementManagementData: { reference: { qualifier: 'OT', number: String(e.tattoo) }, segmentName: e.segmentName }, ...content, ...refs(e.paxRefs, e.segRefs) };
      }),
    };
  }
  return reply;
}
