// ONE Record Organization / Company / Carrier → canonical PartyRef: the party id, and a party copy when
// the organization carries everything a canonical Party needs (Interline's own, or a complete partner one).
import { check, formatIssue, MalformedInputError, PartySchema, TAX_ID_SCHEMES } from '@interline/hub';
import type { Party, PartyRef } from '@interline/hub';
import type { GraphNode, LinkedGraph } from '../jsonld/graph';
import { string, strings } from '../jsonld/graph';
import { cargo } from '../vocabulary';
import { applyCarried, canonicalIdOf, identifiersOf } from './carriage';
import { codeElement } from './values';

export function readPartyRef(graph: LinkedGraph, iri: string): PartyRef {
  const node = graph.node(iri);
  if (node === undefined) return { partyId: canonicalIdOf({ named: [], carried: new Map() }, iri, 'organization') };
  const identifiers = identifiersOf(graph, node);
  const partyId = canonicalIdOf(identifiers, iri, 'organization');
  const name = string(node, cargo('name'));
  if (name === undefined) return { partyId };
  const party: Record<string, unknown> = {
    id: partyId,
    roles: ['customer'],
    type: 'organization',
    name,
    addresses: addresses(graph, node),
    active: true,
  };
  const shortName = string(node, cargo('shortName'));
  if (shortName !== undefined) party.shortName = shortName;
  const taxIds = identifiers.named
    .filter((entry) => (TAX_ID_SCHEMES as readonly string[]).includes(entry.type))
    .map((entry) => ({ scheme: entry.type, value: entry.value }));
  if (taxIds.length > 0) party.taxIds = taxIds;
  const agentCode = identifiers.named.find((entry) => entry.type === 'IATA_CARGO_AGENT_CODE')?.value;
  if (agentCode !== undefined) {
    const cass = identifiers.named.find((entry) => entry.type === 'CASS_ADDRESS')?.value;
    party.iataCargoAgent = cass === undefined ? { code: agentCode } : { code: agentCode, cassAddress: cass };
  }
  const airlineCode = string(node, cargo('airlineCode'));
  const prefix = string(node, cargo('prefix'));
  if (airlineCode !== undefined && prefix !== undefined) {
    const icao = identifiers.named.find((entry) => entry.type === 'ICAO_AIRLINE_DESIGNATOR')?.value;
    party.airline = { designator: airlineCode, awbPrefix: prefix, ...(icao === undefined ? {} : { icaoDesignator: icao }) };
    party.roles = ['airline'];
  }
  applyCarried(party, identifiers.carried);
  const result = check(PartySchema, party);
  if (result.ok) return { partyId, party: result.value as Party };
  // The copy is a convenience (partyId wins): a partner's organization without the hub's bookkeeping
  // (createdAt, roles) is referenced by id; a copy Interline wrote itself must be whole.
  if (identifiers.carried.size === 0) return { partyId };
  throw new MalformedInputError(`ONE Record organization ${iri} does not make a valid canonical Party: ${result.issues.map(formatIssue).join('; ')}`);
}

function addresses(graph: LinkedGraph, node: GraphNode): Array<Record<string, unknown>> {
  return graph.linkedAll(node, cargo('basedAtLocation')).flatMap((location) => {
    // Interline writes the Address embedded in the Location; some servers flatten it onto the Location.
    const address = graph.linked(location, cargo('address')) ?? location;
    const lines = strings(address, cargo('streetAddressLines'));
    const city = string(address, cargo('cityName'));
    const country = codeElement(graph, address, cargo('country'));
    if (lines.length === 0 || city === undefined || country === undefined) return [];
    const result: Record<string, unknown> = { lines, city, countryCode: country };
    const postalCode = string(address, cargo('textualPostCode')) ?? string(address, cargo('postalCode'));
    if (postalCode !== undefined) result.postalCode = postalCode;
    const region = codeElement(graph, address, cargo('regionCode'));
    if (region !== undefined) result.region = region;
    return [result];
  });
}
