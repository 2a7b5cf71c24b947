// CUSDEC heading section: BGM, offices and countries (LOC), dates (DTM), declaration and procedure
// codes (GIS), references (SG1), transport (SG4), documents (SG5), delivery terms (SG7), total (SG8).
import { TRANSPORT_MODE_CODES } from '@interline/hub';
import type { CustomsDeclaration } from '@interline/hub';
import { MUTUAL, ediDate, ediMoney, ediTimestamp, fits, referenceWithId, segment } from './edi-values';
import type { EdiSegment } from './edi-values';

/** BGM 1001: the UN codes for export and import; the other types use 914 with the type as document name. */
export const DOCUMENT_CODES: Record<CustomsDeclaration['declarationType'], string> = {
  export: '830',
  import: '929',
  transit: '914',
  'entry-summary': '914',
  'exit-summary': '914',
};

/** GIS 1131 qualifiers of the mutually defined codes this mapping writes. */
export const GIS = {
  declarationTypeCode: 'DTC',
  additionalDeclarationType: 'ADT',
  requestedProcedure: 'RPC',
  previousProcedure: 'PPC',
  additionalProcedure: 'APC',
  representativeStatus: 'RST',
} as const;

/** EU representative status codes: 2 direct, 3 indirect. */
export const REPRESENTATION_CODES = { direct: '2', indirect: '3' } as const;

/** LOC 3227 qualifiers (UNTDID 3227). */
export const LOCATION = { customsOffice: '22', exportCountry: '35', destinationCountry: '28', departure: '5', destination: '8', origin: '27' } as const;

/** A document in DOC C002/C503: codes of up to 3 characters in 1001, longer (national) codes in 1000. */
export function documentSegments(document: { code: string; reference: string; issueDate?: string }, field: string): EdiSegment[] {
  const code = document.code.length <= 3 ? [document.code] : ['', '', '', document.code];
  fits(document.reference, 70, `${field}.reference`, 'DOC C503 1004 + 1366');
  const reference = document.reference.length <= 35 ? [document.reference] : [document.reference.slice(0, 35), '', document.reference.slice(35)];
  const out = [segment('DOC', code, reference)];
  if (document.issueDate) out.push(segment('DTM', ['182', ...ediDate(document.issueDate, `${field}.issueDate`)]));
  return out;
}

function procedureCodes(procedure: CustomsDeclaration['procedure']): EdiSegment[] {
  if (!procedure) return [];
  return [
    segment('GIS', [procedure.requested, GIS.requestedProcedure, MUTUAL]),
    segment('GIS', [procedure.previous, GIS.previousProcedure, MUTUAL]),
    ...(procedure.additional ?? []).map((code) => segment('GIS', [code, GIS.additionalProcedure, MUTUAL])),
  ];
}

export function headerSegments(d: CustomsDeclaration): EdiSegment[] {
  const out: EdiSegment[] = [segment('BGM', [DOCUMENT_CODES[d.declarationType], '', '', d.declarationType], [d.references.lrn], '9')];
  for (const office of d.customsOffices) out.push(segment('LOC', LOCATION.customsOffice, office.code, [office.role, 'ROL', MUTUAL]));
  if (d.countryOfExport) out.push(segment('LOC', LOCATION.exportCountry, d.countryOfExport));
  if (d.countryOfDestination) out.push(segment('LOC', LOCATION.destinationCountry, d.countryOfDestination));
  const flight = d.transport.flight;
  if (flight?.origin) out.push(segment('LOC', LOCATION.departure, flight.origin));
  if (flight?.destination) out.push(segment('LOC', LOCATION.destination, flight.destination));

  out.push(segment('DTM', ['97', ...ediTimestamp(d.createdAt, 'createdAt')]));
  if (d.submittedAt) out.push(segment('DTM', ['137', ...ediTimestamp(d.submittedAt, 'submittedAt')]));
  if (flight) out.push(segment('DTM', ['189', ...ediDate(flight.date, 'transport.flight.date')]));

  if (d.declarationTypeCode) out.push(segment('GIS', [d.declarationTypeCode, GIS.declarationTypeCode, MUTUAL]));
  if (d.additionalDeclarationType) out.push(segment('GIS', [d.additionalDeclarationType, GIS.additionalDeclarationType, MUTUAL]));
  out.push(...procedureCodes(d.procedure));
  if (d.representative) out.push(segment('GIS', [REPRESENTATION_CODES[d.representative.status], GIS.representativeStatus, MUTUAL]));

  const refs = d.references;
  if (refs.mrn) out.push(segment('RFF', ['ABT', refs.mrn]));
  if (refs.awb) out.push(segment('RFF', ['AWB', refs.awb]));
  if (refs.houseNumber) out.push(segment('RFF', ['HWB', refs.houseNumber]));
  if (refs.ucr) out.push(segment('RFF', ['UCN', refs.ucr]));
  if (refs.shipmentId) out.push(referenceWithId('ACD', refs.shipmentId, 'references.shipmentId'));

  out.push(transportSegment(d.transport));
  d.documents.forEach((document, index) => out.push(...documentSegments(document, `documents/${index}`)));
  return out;
}

/** SG4 TDT at the border: mode (C220), means id (8028), carrier (C040, IATA), flight number and nationality (C222). */
function transportSegment(transport: CustomsDeclaration['transport']): EdiSegment {
  const flight = transport.flight;
  const meansId = transport.meansId ? fits(transport.meansId, 17, 'transport.meansId', 'TDT 8028') : '';
  const flightNumber = flight ? `${flight.flightNumber}${flight.suffix ?? ''}` : '';
  return segment(
    'TDT',
    '11',
    meansId,
    String(TRANSPORT_MODE_CODES[transport.mode]),
    [],
    flight ? [flight.carrier, '172', '3'] : [],
    '',
    [],
    [flightNumber, '', '', '', transport.meansNationality ?? ''],
  );
}

/** SG7 TOD (delivery terms, 4055 = 6) and SG8 MOA 39 (invoice total). */
export function termsAndTotalSegments(d: CustomsDeclaration): EdiSegment[] {
  const out: EdiSegment[] = [];
  if (d.deliveryTerms) out.push(segment('TOD', '6', '', [d.deliveryTerms.incoterm, '', '', d.deliveryTerms.place]));
  if (d.totals.invoiceAmount) out.push(segment('MOA', ['39', ediMoney(d.totals.invoiceAmount, 'totals.invoiceAmount'), d.totals.invoiceAmount.currency]));
  return out;
}
