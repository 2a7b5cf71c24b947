// Building blocks for the ONE Record JSON-LD the iata-onerecord mappings write: the inline context,
// relative logistics-object IRIs (resolved against the partner server by the connector), typed values
// and the carriage of canonical data ONE Record has no property for.
import { check, formatIssue } from '@interline/hub';

/** The prefixes every document carries inline, as the ONE Record specification's examples do. */
export const CONTEXT = {
  cargo: 'https://onerecord.iata.org/ns/cargo#',
  api: 'https://onerecord.iata.org/ns/api#',
  codes: 'https://onerecord.iata.org/ns/code-lists/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

export type JsonLdNode = Record<string, unknown>;

/**
 * Logistics-object IRIs relative to the partner server's base: the connector resolves them, so the same
 * canonical object always gets the same URI and a redelivered create is recognised (409) rather than repeated.
 */
export const iri = {
  shipment: (id: string) => `logistics-objects/shipment-${id}`,
  piece: (id: string) => `logistics-objects/piece-${id}`,
  organization: (partyId: string) => `logistics-objects/organization-${partyId}`,
  booking: (id: string) => `logistics-objects/booking-${id}`,
  /** An airport as a shared Location object: every shipment through FRA links the same one. */
  location: (airportCode: string) => `logistics-objects/location-${airportCode}`,
  /** Master or direct AWB `020-12345675`, or a house waybill under it. */
  waybill: (awb: string, houseNumber?: string) => `logistics-objects/waybill-${awb}${houseNumber === undefined ? '' : `-${houseNumber}`}`,
  event: (waybillIri: string, eventId: string) => `${waybillIri}/logistics-events/${eventId}`,
};

export const link = (target: string): JsonLdNode => ({ '@id': target });
export const codeRef = (list: string, value: string): JsonLdNode => ({ '@id': `codes:${list}#${value}` });
export const dateTime = (value: string): JsonLdNode => ({ '@value': value, '@type': 'xsd:dateTime' });

/** A cargo:Value with a UN/ECE Rec. 20 unit (KGM kilogram, CMT centimetre, MTQ cubic metre). */
export function measure(numericalValue: number, unit: 'KGM' | 'CMT' | 'MTQ'): JsonLdNode {
  return { '@type': 'cargo:Value', 'cargo:numericalValue': numericalValue, 'cargo:unit': codeRef('MeasurementUnitCode', unit) };
}

/** An IATA airport as an embedded cargo:Location (inside events, which are not logistics objects). */
export function airport(code: string): JsonLdNode {
  return {
    '@type': 'cargo:Location',
    'cargo:locationCodes': [{ '@type': 'cargo:CodeListElement', 'cargo:code': code, 'cargo:codeListName': 'IATA airport code' }],
    'cargo:locationType': 'Airport',
  };
}

/** The Location objects for airports, once each, to publish beside the objects that link them. */
export function locationObjects(codes: string[]): JsonLdNode[] {
  return [...new Set(codes)].map((code) => ({ '@id': iri.location(code), ...airport(code) }));
}

export function otherIdentifier(type: string, value: string): JsonLdNode {
  return { '@type': 'cargo:OtherIdentifier', 'cargo:otherIdentifierType': type, 'cargo:textualValue': value };
}

/** The canonical id of the object, so it survives a server that mints its own URIs. */
export const canonicalId = (id: string): JsonLdNode => otherIdentifier('INTERLINE_ID', id);

/**
 * Canonical data with no ONE Record property, keyed by JSON Pointer into the canonical object. It rides
 * as cargo:OtherIdentifier entries typed "INTERLINE:<pointer>" holding the JSON value, so a round trip
 * through a partner server loses nothing and a partner can ignore it.
 */
export function carriage(fields: Record<string, unknown>): JsonLdNode[] {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([pointer, value]) => otherIdentifier(`INTERLINE:${pointer}`, JSON.stringify(value)));
}

/** Check the mapping's input against its canonical schema; the error lists every problem with its path. */
export function checked<T>(schema: Parameters<typeof check>[0], input: unknown, what: string): T {
  const result = check(schema, input);
  if (!result.ok) throw new Error(`input is not a valid ${what}: ${result.issues.map(formatIssue).join('; ')}`);
  return result.value as T;
}

/** The document: the inline context and its nodes; a single node is written without @graph. */
export function document(nodes: JsonLdNode[]): JsonLdNode {
  if (nodes.length === 1) return { '@context': CONTEXT, ...nodes[0] };
  return { '@context': CONTEXT, '@graph': nodes };
}
