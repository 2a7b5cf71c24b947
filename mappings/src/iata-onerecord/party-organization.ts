// Canonical parties as ONE Record organizations: a referenced party becomes an Organization object
// (Carrier for airlines) identified by its party id; an embedded party copy fills in its details.
import type { Party, PartyRef } from '@interline/hub';
import { canonicalId, carriage, iri, otherIdentifier } from './json-ld-terms';
import type { JsonLdNode } from './json-ld-terms';

/** cXML code list 1.36 participant identifiers for the roles a shipment names. */
export const PARTY_ROLE_CODES = { shipper: 'SHP', consignee: 'CNE', agent: 'AGT', notify: 'NFY' } as const;

export function organizationNode(ref: PartyRef, options: { carrier?: boolean } = {}): JsonLdNode {
  const party = ref.party;
  const type = options.carrier || party?.airline !== undefined ? 'cargo:Carrier' : party?.type === 'person' ? 'cargo:Organization' : 'cargo:Company';
  const node: JsonLdNode = { '@id': iri.organization(ref.partyId), '@type': type };
  const identifiers: JsonLdNode[] = [canonicalId(ref.partyId)];
  if (party !== undefined) {
    Object.assign(node, details(party));
    identifiers.push(...partyIdentifiers(party), ...carriage(partyCarriage(party)));
  }
  node['cargo:otherIdentifiers'] = identifiers;
  return node;
}

function details(party: Party): JsonLdNode {
  const node: JsonLdNode = { 'cargo:name': party.name };
  if (party.shortName !== undefined) node['cargo:shortName'] = party.shortName;
  if (party.airline !== undefined) {
    node['cargo:airlineCode'] = party.airline.designator;
    node['cargo:prefix'] = party.airline.awbPrefix;
  }
  node['cargo:basedAtLocation'] = party.addresses.map((address) => {
    const written: JsonLdNode = {
      '@type': 'cargo:Address',
      'cargo:streetAddressLines': address.lines,
      'cargo:cityName': address.city,
      'cargo:country': { '@type': 'cargo:CodeListElement', 'cargo:code': address.countryCode, 'cargo:codeListName': 'ISO 3166-1 alpha-2' },
    };
    if (address.postalCode !== undefined) written['cargo:textualPostCode'] = address.postalCode;
    if (address.region !== undefined) written['cargo:regionCode'] = { '@type': 'cargo:CodeListElement', 'cargo:code': address.region };
    return { '@type': 'cargo:Location', 'cargo:address': written };
  });
  return node;
}

function partyIdentifiers(party: Party): JsonLdNode[] {
  const identifiers = (party.taxIds ?? []).map((taxId) => otherIdentifier(taxId.scheme, taxId.value));
  if (party.iataCargoAgent !== undefined) {
    identifiers.push(otherIdentifier('IATA_CARGO_AGENT_CODE', party.iataCargoAgent.code));
    if (party.iataCargoAgent.cassAddress !== undefined) identifiers.push(otherIdentifier('CASS_ADDRESS', party.iataCargoAgent.cassAddress));
  }
  if (party.airline?.icaoDesignator !== undefined) identifiers.push(otherIdentifier('ICAO_AIRLINE_DESIGNATOR', party.airline.icaoDesignator));
  return identifiers;
}

/** Hub bookkeeping of the party copy that no ONE Record property holds. */
function partyCarriage(party: Party): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    '/id': party.id,
    '/roles': party.roles,
    '/type': party.type,
    '/active': party.active,
    '/createdAt': party.createdAt,
    '/updatedAt': party.updatedAt,
    '/language': party.language,
    '/contacts': party.contacts,
  };
  party.addresses.forEach((address, index) => {
    if (address.use !== undefined) fields[`/addresses/${index}/use`] = address.use;
  });
  (party.taxIds ?? []).forEach((taxId, index) => {
    if (taxId.countryCode !== undefined) fields[`/taxIds/${index}/countryCode`] = taxId.countryCode;
  });
  return fields;
}
