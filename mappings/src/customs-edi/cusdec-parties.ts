// CUSDEC SG6 NAD/RFF: the parties of a declaration. The canonical party id travels in RFF+ACD (the
// authority does not know it; the reverse mapping needs it); an embedded party copy adds its name,
// address and EORI, which is what the authority reads.
import type { CustomsDeclaration, PartyRef } from '@interline/hub';
import { chunks, fits, referenceWithId } from './edi-values';
import type { EdiSegment } from './edi-values';

/** NAD 3035 party function codes (UNTDID 3035). */
export const PARTY_ROLE_CODES = { declarant: 'DT', representative: 'AE', exporter: 'EX', importer: 'IM', consignee: 'CN' } as const;

function nad(code: string, ref: PartyRef, field: string): EdiSegment[] {
  const party = ref.party;
  const eori = party?.taxIds?.find((taxId) => taxId.scheme === 'EORI')?.value ?? '';
  const elements: string[][] = [[code], eori ? [fits(eori, 35, `${field}.party EORI`, 'NAD C082 3039')] : []];
  const address = party?.addresses[0];
  if (party) {
    const street = address ? address.lines.join(', ') : '';
    if (party.name.length > 140) throw new Error(`${field}.party.name is ${party.name.length} characters; NAD C080 holds at most 4 × 35`);
    if (street.length > 140) throw new Error(`${field}.party address lines are ${street.length} characters together; NAD C059 holds at most 4 × 35`);
    elements.push([], chunks(party.name, 35), address ? chunks(street, 35) : []);
    if (address) {
      elements.push(
        [fits(address.city, 35, `${field}.party city`, 'NAD 3164')],
        [],
        [address.postalCode ? fits(address.postalCode, 9, `${field}.party postal code`, 'NAD 3251') : ''],
        [address.countryCode],
      );
    }
  }
  return [{ tag: 'NAD', elements }, referenceWithId('ACD', ref.partyId, `${field}.partyId`)];
}

export function partySegments(declaration: CustomsDeclaration): EdiSegment[] {
  const out: EdiSegment[] = nad(PARTY_ROLE_CODES.declarant, declaration.declarant, 'declarant');
  if (declaration.representative) out.push(...nad(PARTY_ROLE_CODES.representative, declaration.representative.party, 'representative.party'));
  if (declaration.exporter) out.push(...nad(PARTY_ROLE_CODES.exporter, declaration.exporter, 'exporter'));
  if (declaration.importer) out.push(...nad(PARTY_ROLE_CODES.importer, declaration.importer, 'importer'));
  if (declaration.consignee) out.push(...nad(PARTY_ROLE_CODES.consignee, declaration.consignee, 'consignee'));
  return out;
}

