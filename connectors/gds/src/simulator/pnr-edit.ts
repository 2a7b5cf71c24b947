// PNR_AddMultiElements applied to the PNR in the session's context: names, segments sold against the
// inventory (HK, HL when the class is full, refused with UNS when the flight does not operate), and
// data elements with their associations translated from request references (PR/SR) to tattoos.
import { asArray, at, textAt } from '../messages/xml-values';
import { shiftDdmmyy } from './inventory';
import type { Inventory } from './inventory';
import type { SimElement, SimName, SimPnr } from './records';
import type { FailedSegment } from './pnr-wire';

type Node = Record<string, unknown>;

function nameOf(data: unknown): SimName {
  const name: SimName = {
    surname: textAt(data, 'travellerInformation', 'traveller', 'surname') ?? '',
    firstName: textAt(data, 'travellerInformation', 'passenger', 'firstName') ?? '',
    type: textAt(data, 'travellerInformation', 'passenger', 'type') ?? 'ADT',
  };
  const birth = textAt(data, 'dateOfBirth', 'dateAndTimeDetails', 'date');
  if (birth) name.birthDate = birth;
  return name;
}

export interface EditResult {
  failed: FailedSegment[];
  errors: Array<{ code: string; text: string }>;
}

export function applyAdditions(pnr: SimPnr, body: unknown, inventory: Inventory): EditResult {
  const result: EditResult = { failed: [], errors: [] };
  const paxByRef = new Map<string, number>();
  const segByRef = new Map<string, number>();

  for (const traveller of asArray((body as Node).travellerInfo)) {
    const data = asArray((traveller as Node).passengerData);
    const adult = nameOf(data[0]);
    if (!adult.surname || !adult.firstName) {
      result.errors.push({ code: '4498', text: 'NAME ELEMENT INCOMPLETE - CHECK SURNAME AND FIRST NAME' });
      continue;
    }
    const tattoo = pnr.nextTattoo++;
    pnr.passengers.push({ tattoo, ...adult, ...(data[1] ? { infant: nameOf(data[1]) } : {}) });
    const ref = textAt(traveller, 'elementManagementPassenger', 'reference', 'number');
    if (ref) paxByRef.set(ref, tattoo);
  }

  const seated = Math.max(1, pnr.passengers.length);
  for (const od of asArray((body as Node).originDestinationDetails)) {
    for (const info of asArray((od as Node).itineraryInfo)) {
      const product = at(info, 'airAuxItinerary', 'travelProduct');
      const carrier = textAt(product, 'company', 'identification') ?? '';
      const flightNumber = textAt(product, 'productDetails', 'identification') ?? '';
      const classOfService = textAt(product, 'productDetails', 'classOfService') ?? 'Y';
      const origin = textAt(product, 'boardpointDetail', 'cityCode') ?? '';
      const destination = textAt(product, 'offpointDetail', 'cityCode') ?? '';
      const depDate = textAt(product, 'product', 'depDate') ?? '';
      const quantity = Number(textAt(info, 'airAuxItinerary', 'relatedProduct', 'quantity') ?? seated);
      const tattoo = pnr.nextTattoo++;
      const ref = textAt(info, 'elementManagementItinerary', 'reference', 'number');
      const flight = inventory.find(carrier, flightNumber, origin, destination);
      if (!flight) {
        result.failed.push({
          segment: { tattoo, carrier, flightNumber, classOfService, origin, destination, depDate, depTime: textAt(product, 'product', 'depTime') ?? '0000', arrDate: depDate, arrTime: '0000', status: 'UN', quantity },
          code: 'UNS',
          text: `UNABLE TO SELL - ${carrier}${flightNumber} ${origin}${destination} DOES NOT OPERATE ON ${depDate}`,
        });
        continue;
      }
      const status = inventory.sell(flight, depDate, classOfService, quantity);
      pnr.segments.push({
        tattoo, carrier, flightNumber: flight.flightNumber, classOfService, origin, destination, depDate, depTime: flight.departureTime,
        arrDate: shiftDdmmyy(depDate, flight.arrivalDayOffset), arrTime: flight.arrivalTime, status, quantity,
      });
      if (ref) segByRef.set(ref, tattoo);
    }
  }

  for (const master of asArray((body as Node).dataElementsMaster)) {
    for (const element of asArray((master as Node).dataElementsIndiv)) {
      const segmentName = textAt(element, 'elementManagementData', 'segmentName') ?? '';
      const paxRefs: number[] = [];
      const segRefs: number[] = [];
      for (const ref of asArray(((element as Node).referenceForDataElement as Node | undefined)?.reference)) {
        const number = textAt(ref, 'number') ?? '';
        const qualifier = textAt(ref, 'qualifier');
        const tattoo = qualifier === 'PR' ? paxByRef.get(number) : qualifier === 'SR' ? segByRef.get(number) : Number(number);
        if (tattoo === undefined || Number.isNaN(tattoo)) continue;
        if (qualifier === 'PR' || qualifier === 'PT') paxRefs.push(tattoo);
        else segRefs.push(tattoo);
      }
      const item: SimElement = { tattoo: 0, segmentName, paxRefs, segRefs };
      if (segmentName === 'SSR') {
        const ssr = at(element, 'serviceRequest', 'ssr');
        const freetext = textAt(ssr, 'freetext');
        item.ssr = { type: textAt(ssr, 'type') ?? 'OTHS', status: textAt(ssr, 'status') ?? 'HK', companyId: textAt(ssr, 'companyId') ?? 'YY', ...(freetext ? { freetext } : {}) };
      } else if (segmentName === 'TK') {
        item.ticket = { date: textAt(element, 'ticketElement', 'ticket', 'date') ?? '', time: textAt(element, 'ticketElement', 'ticket', 'time') ?? '2359' };
      } else if (segmentName === 'RM' || segmentName === 'RC' || segmentName === 'RIR') {
        item.remarkType = textAt(element, 'miscellaneousRemark', 'remarks', 'type') ?? segmentName;
        item.segmentName = item.remarkType === 'RC' || item.remarkType === 'RIR' ? item.remarkType : 'RM';
        item.text = textAt(element, 'miscellaneousRemark', 'remarks', 'freetext') ?? '';
      } else {
        const type = textAt(element, 'freetextData', 'freetextDetail', 'type');
        if (type) item.freetextType = type;
        item.text = textAt(element, 'freetextData', 'longFreetext') ?? '';
      }
      if (segmentName === 'RF') {
        // RF is not an element of the record; it is remembered for the end of transaction.
        pnr.elements = pnr.elements.filter((e) => e.segmentName !== 'RF');
      }
      item.tattoo = pnr.nextTattoo++;
      pnr.elements.push(item);
    }
  }
  return result;
}

/** What the GDS insists on before an end of transaction. */
export function commitProblems(pnr: SimPnr): Array<{ code: string; text: string }> {
  const problems: Array<{ code: string; text: string }> = [];
  if (pnr.passengers.length === 0) problems.push({ code: '1', text: 'NEED NAME - ENTER NAME ELEMENT' });
  if (!pnr.elements.some((e) => e.segmentName === 'AP')) problems.push({ code: '2', text: 'NEED PHONE - ENTER AP ELEMENT' });
  if (!pnr.elements.some((e) => e.segmentName === 'RF')) problems.push({ code: '3', text: 'NEED RECEIVED FROM - ENTER RF' });
  return problems;
}
