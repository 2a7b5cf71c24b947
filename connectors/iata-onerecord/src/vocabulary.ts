// The IRIs the connector speaks: the ONE Record cargo and API namespaces, the IATA code lists, the
// classes that are logistics objects, and the code values the canonical model maps onto.

export const CARGO = 'https://onerecord.iata.org/ns/cargo#';
export const API = 'https://onerecord.iata.org/ns/api#';
export const CODE_LISTS = 'https://onerecord.iata.org/ns/code-lists/';
export const XSD = 'http://www.w3.org/2001/XMLSchema#';

export const cargo = (term: string): string => `${CARGO}${term}`;
export const api = (term: string): string => `${API}${term}`;
export const xsd = (term: string): string => `${XSD}${term}`;
/** A value of an IATA code list, e.g. code('StatusCode', 'DEP'). */
export const code = (list: string, value: string): string => `${CODE_LISTS}${list}#${value}`;

/** The local name of a code-list or namespace IRI (…#DEP → DEP), or undefined when it is not in `prefix`. */
export function localName(iri: string, prefix: string): string | undefined {
  if (!iri.startsWith(prefix)) return undefined;
  const rest = iri.slice(prefix.length);
  const hash = rest.lastIndexOf('#');
  return hash >= 0 ? rest.slice(hash + 1) : rest;
}

/** The code of a code-list IRI of `list` (https://…/code-lists/StatusCode#DEP → DEP). */
export function codeOf(iri: string, list: string): string | undefined {
  const prefix = `${CODE_LISTS}${list}#`;
  return iri.startsWith(prefix) ? iri.slice(prefix.length) : undefined;
}

/**
 * Classes the connector publishes or reads as logistics objects (each has its own URI on a server).
 * Subclasses come first so the most specific type wins when a server lists every superclass (NE:ONE).
 */
export const LOGISTICS_OBJECT_CLASSES = [
  'Shipment',
  'Piece',
  'Waybill',
  'Booking',
  'BookingRequest',
  'TransportMovement',
  'Carrier',
  'Company',
  'Organization',
  'Location',
] as const;
export type LogisticsObjectClass = (typeof LOGISTICS_OBJECT_CLASSES)[number];

/** The most specific logistics-object class among a node's types, if any. */
export function logisticsObjectClass(types: readonly string[]): LogisticsObjectClass | undefined {
  return LOGISTICS_OBJECT_CLASSES.find((name) => types.includes(cargo(name)));
}

/** ONE Record API versions this connector speaks, most preferred first. */
export const SUPPORTED_API_VERSIONS = ['2.3.0', '2.2.0'] as const;
export type ApiVersion = (typeof SUPPORTED_API_VERSIONS)[number];

export const MEDIA_TYPE = 'application/ld+json';

/** Notification event types (api:NotificationEventType individuals) the subscriber acts on. */
export const NOTIFICATION_EVENT_TYPES = [
  'LOGISTICS_OBJECT_CREATED',
  'LOGISTICS_OBJECT_UPDATED',
  'LOGISTICS_OBJECT_AVAILABLE',
  'LOGISTICS_EVENT_RECEIVED',
  'CHANGE_REQUEST_PENDING',
  'CHANGE_REQUEST_ACCEPTED',
  'CHANGE_REQUEST_REJECTED',
  'CHANGE_REQUEST_FAILED',
  'CHANGE_REQUEST_REVOKED',
  'SUBSCRIPTION_REQUEST_PENDING',
  'SUBSCRIPTION_REQUEST_ACCEPTED',
  'SUBSCRIPTION_REQUEST_REJECTED',
  'SUBSCRIPTION_REQUEST_FAILED',
  'SUBSCRIPTION_REQUEST_REVOKED',
] as const;

/** api:RequestStatus individuals of an action request. */
export const REQUEST_STATUSES = ['REQUEST_PENDING', 'REQUEST_ACCEPTED', 'REQUEST_REJECTED', 'REQUEST_FAILED', 'REQUEST_REVOKED', 'REQUEST_ACKNOWLEDGED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * Canonical data without a ONE Record property rides as cargo:OtherIdentifier entries whose
 * otherIdentifierType starts with this marker; INTERLINE_ID carries the canonical id itself.
 */
export const CARRIAGE_PREFIX = 'INTERLINE:';
export const CANONICAL_ID_TYPE = 'INTERLINE_ID';
