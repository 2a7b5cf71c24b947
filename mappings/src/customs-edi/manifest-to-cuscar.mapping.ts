// A flight's cargo manifest → the input of customs-edi.sendManifest: a CUSCAR D.96B cargo report with
// the flight (SG4) and one consignment per waybill (SG7 CNI, SG8 RFF/LOC, SG11 parties, SG14 goods).
import { defineMapping, isValidAwb } from '@interline/hub';
import type { FlightReference } from '@interline/hub';
import { chunks, ediDate, ediNumber, ediTimestamp, fits, freeText, segment } from './edi-values';
import type { EdiMessage, EdiSegment } from './edi-values';

export interface ManifestParty {
  name: string;
  countryCode?: string;
}

export interface ManifestConsignment {
  awb: string;
  houseNumber?: string;
  pieces: number;
  grossWeightKg: number;
  description: string;
  origin: string;
  destination: string;
  shipper?: ManifestParty;
  consignee?: ManifestParty;
}

/** What customs-edi.sendManifest reports: the flight and what it carries (the connector's CargoManifest). */
export interface CargoManifest {
  id: string;
  /** Manifest number; customs answers quote it as the reference (1–22 letters, digits, "/" or "-"). */
  reference: string;
  flight: FlightReference & { origin: string; destination: string };
  consignments: ManifestConsignment[];
  createdAt: string;
}

export interface CuscarSubmission {
  manifest: { id: string; reference: string };
  message: EdiMessage;
}

function problems(m: CargoManifest): string[] {
  const out: string[] = [];
  if (typeof m?.id !== 'string' || m.id.length === 0) out.push('/id is missing');
  if (typeof m?.reference !== 'string' || !/^[A-Za-z0-9/-]{1,22}$/.test(m.reference)) out.push('/reference must be 1–22 letters, digits, "/" or "-"');
  if (!m?.flight || typeof m.flight.carrier !== 'string' || typeof m.flight.flightNumber !== 'string' || typeof m.flight.date !== 'string') out.push('/flight needs carrier, flightNumber and date');
  else if (!/^[A-Z]{3}$/.test(m.flight.origin ?? '') || !/^[A-Z]{3}$/.test(m.flight.destination ?? '')) out.push('/flight needs origin and destination airports (IATA codes)');
  if (!Array.isArray(m?.consignments) || m.consignments.length === 0) out.push('/consignments must list at least one waybill');
  (Array.isArray(m?.consignments) ? m.consignments : []).forEach((c, i) => {
    if (typeof c?.awb !== 'string' || !isValidAwb(c.awb)) out.push(`/consignments/${i}/awb "${String(c?.awb)}" is not an AWB number with a valid check digit`);
    if (!Number.isInteger(c?.pieces) || c.pieces < 1) out.push(`/consignments/${i}/pieces must be a whole number of at least 1`);
    if (typeof c?.grossWeightKg !== 'number' || c.grossWeightKg < 0) out.push(`/consignments/${i}/grossWeightKg must be a number of kilograms`);
    if (typeof c?.description !== 'string' || c.description.length === 0) out.push(`/consignments/${i}/description is missing`);
  });
  if (typeof m?.createdAt !== 'string') out.push('/createdAt is missing');
  return out;
}

function party(code: string, p: ManifestParty | undefined, field: string): EdiSegment[] {
  if (!p) return [];
  fits(p.name, 70, `${field}.name`, 'NAD C080 (2 × 35)');
  return [{ tag: 'NAD', elements: [[code], [], [], chunks(p.name, 35), [], [], [], [], [p.countryCode ?? '']] }];
}

function consignment(c: ManifestConsignment, index: number): EdiSegment[] {
  const field = `consignments/${index}`;
  return [
    segment('CNI', String(index + 1), [c.awb]),
    c.houseNumber ? segment('RFF', ['HWB', c.houseNumber]) : segment('RFF', ['AWB', c.awb]),
    segment('LOC', '9', c.origin),
    segment('LOC', '11', c.destination),
    ...party('CZ', c.shipper, `${field}/shipper`),
    ...party('CN', c.consignee, `${field}/consignee`),
    segment('GID', '1', [String(c.pieces)]),
    ...freeText('AAA', c.description),
    segment('MEA', 'WT', 'G', ['KGM', ediNumber(c.grossWeightKg, `${field}/grossWeightKg`)]),
  ];
}

export default defineMapping<CargoManifest, CuscarSubmission>({
  id: 'customs-edi/manifest-to-cuscar',
  from: 'CargoManifest (flight + waybills)',
  to: 'customs-edi.sendManifest input (CUSCAR D.96B segments)',
  description: 'A pre-arrival cargo report per flight; totals (CNT 7 weight, 11 pieces) are computed from the consignments.',
  map(input) {
    const found = problems(input);
    if (found.length > 0) throw new Error(`input is not a valid CargoManifest: ${found.join('; ')}`);
    const f = input.flight;
    const pieces = input.consignments.reduce((sum, c) => sum + c.pieces, 0);
    const weight = input.consignments.reduce((sum, c) => sum + c.grossWeightKg, 0);
    const segments = [
      segment('BGM', '785', [input.reference], '9'),
      segment('DTM', ['137', ...ediTimestamp(input.createdAt, 'createdAt')]),
      segment('TDT', '20', `${f.carrier}${f.flightNumber}${f.suffix ?? ''}`, '4', [], [f.carrier, '172', '3'], '', [], [`${f.flightNumber}${f.suffix ?? ''}`]),
      segment('LOC', '5', f.origin),
      segment('LOC', '8', f.destination),
      segment('DTM', ['189', ...ediDate(f.date, 'flight.date')]),
      segment('CNT', ['7', ediNumber(Math.round(weight * 1000) / 1000, 'total gross weight'), 'KGM']),
      segment('CNT', ['11', String(pieces)]),
      ...input.consignments.flatMap(consignment),
    ];
    return { manifest: { id: input.id, reference: input.reference }, message: { type: 'CUSCAR', version: 'D', release: '96B', agency: 'UN', segments } };
  },
});
