// CUSCAR D.96B segments → CargoManifest: the reverse of mapping customs-edi/manifest-to-cuscar, used
// by the simulated authority and to prove the round trip. The canonical id comes from the caller.
import { at, freeTextOf, readDate, readInteger, readNumber, readTimestamp } from './edi-read';
import type { EdiSegment } from './edi-read';
import type { CargoManifest } from './cargo-manifest';

type Consignment = CargoManifest['consignments'][number];

export interface CuscarInput {
  segments: EdiSegment[];
  id: string;
}

function partyOf(s: EdiSegment): NonNullable<Consignment['shipper']> {
  const party: NonNullable<Consignment['shipper']> = { name: (s.elements[3] ?? []).join('') };
  if (at(s, 8)) party.countryCode = at(s, 8);
  return party;
}

export function cuscarToManifest(input: CuscarInput): CargoManifest {
  let reference = '';
  let createdAt = '';
  const flight: Partial<CargoManifest['flight']> = {};
  const consignments: Consignment[] = [];
  let current: (Partial<Consignment> & { description: string }) | undefined;
  for (const s of input.segments) {
    const q = at(s, 0);
    switch (s.tag) {
      case 'BGM':
        reference = at(s, 1);
        break;
      case 'DTM':
        if (q === '137') createdAt = readTimestamp(s, 'createdAt');
        else if (q === '189') flight.date = readDate(s, 'flight.date');
        break;
      case 'TDT': {
        flight.carrier = at(s, 4);
        const number = at(s, 7);
        const suffix = /[A-Z]$/.test(number) ? number.slice(-1) : undefined;
        flight.flightNumber = suffix ? number.slice(0, -1) : number;
        if (suffix) flight.suffix = suffix;
        break;
      }
      case 'CNI':
        current = { awb: at(s, 1), description: '' };
        consignments.push(current as Consignment);
        break;
      case 'RFF':
        if (current && q === 'HWB') current.houseNumber = at(s, 0, 1);
        break;
      case 'LOC':
        if (!current && q === '5') flight.origin = at(s, 1);
        else if (!current && q === '8') flight.destination = at(s, 1);
        else if (current && q === '9') current.origin = at(s, 1);
        else if (current && q === '11') current.destination = at(s, 1);
        break;
      case 'NAD':
        if (current && q === 'CZ') current.shipper = partyOf(s);
        else if (current && q === 'CN') current.consignee = partyOf(s);
        break;
      case 'GID':
        if (current) current.pieces = readInteger(at(s, 1), `consignment ${consignments.length} GID pieces`);
        break;
      case 'FTX':
        if (current && q === 'AAA') current.description += freeTextOf(s);
        break;
      case 'MEA':
        if (current && q === 'WT' && at(s, 1) === 'G') current.grossWeightKg = readNumber(at(s, 2, 1), `consignment ${consignments.length} gross weight`);
        break;
    }
  }
  if (!reference) throw new Error('the CUSCAR has no BGM document number (the manifest reference)');
  if (!flight.carrier || !flight.flightNumber || !flight.date || !flight.origin || !flight.destination) {
    throw new Error('the CUSCAR does not name the flight completely (TDT carrier and number, DTM 189 date, LOC 5 and 8 airports)');
  }
  if (consignments.length === 0) throw new Error('the CUSCAR reports no consignment (SG7 CNI)');
  return { id: input.id, reference, flight: flight as CargoManifest['flight'], consignments, createdAt };
}
