// The event type catalog: every canonical event type, what it means, and which model its data is.
// Routes, connectors and the CLI (`interline events list`) all read this one table.
import type { Static, TSchema } from '@sinclair/typebox';
import { UnknownEventTypeError } from '../errors';
import { check } from '../validation';
import type { Check } from '../validation';
import { closestMatches } from './edit-distance';
import { MODEL_SCHEMAS } from './model-registry';
import type { ModelName } from './model-registry';

export interface EventCatalogEntry<S extends TSchema = TSchema> {
  /** One line on when the event is emitted. */
  readonly summary: string;
  /** Schema the event's `data` must match. */
  readonly schema: S;
  /** Model name of the data (a key of MODEL_SCHEMAS). */
  readonly object: ModelName;
}

function event<N extends ModelName>(object: N, summary: string): EventCatalogEntry<(typeof MODEL_SCHEMAS)[N]> {
  return Object.freeze({ summary, schema: MODEL_SCHEMAS[object], object });
}

const ENTRIES = {
  'party.registered': event('Party', 'A new party (customer, shipper, agent, …) was registered.'),
  'party.updated': event('Party', 'A party changed: name, ids, addresses, contacts or roles.'),
  'shipment.booking-requested': event('Shipment', 'A customer asked to ship goods; the shipment as entered, before any carrier answered.'),
  'shipment.booked': event('Shipment', 'The shipment has confirmed space and its AWB.'),
  'shipment.status-changed': event('TrackingEvent', 'A tracking milestone (IATA status code) was reported for a shipment.'),
  'booking.capacity-held': event('CargoBooking', 'A carrier holds capacity for a booking until the hold expires.'),
  'booking.confirmed': event('CargoBooking', 'A carrier confirmed a booking on specific flights.'),
  'booking.rejected': event('CargoBooking', 'A carrier refused a booking request; the reason is in stateReason.'),
  'booking.cancelled': event('CargoBooking', 'A booking was cancelled by the customer or the carrier.'),
  'flight.schedule-updated': event('Flight', 'A schedule leg was published or changed (SSIM file, SSM/ASM message).'),
  'pnr.created': event('Pnr', 'A passenger booking was created.'),
  'pnr.changed': event('Pnr', 'A passenger booking changed: segments, status codes, SSRs, tickets.'),
  'customs.declaration-submitted': event('CustomsDeclaration', 'A customs declaration was lodged with an authority.'),
  'customs.response-received': event('CustomsResponse', 'Customs answered a declaration (accepted, rejected, held, released, …).'),
  'payment.requested': event('Payment', 'A payment was asked of a customer.'),
  'payment.succeeded': event('Payment', 'A payment was collected.'),
  'payment.failed': event('Payment', 'A payment failed for good; the failure says why.'),
  'payment.canceled': event('Payment', 'A payment was canceled before it was collected.'),
  'refund.requested': event('Refund', 'A refund was asked for.'),
  'refund.succeeded': event('Refund', 'A refund reached the customer.'),
  'refund.failed': event('Refund', 'A refund failed; the failure says why.'),
  'order.created': event('Order', 'A sale order (or quotation) was created.'),
  'order.updated': event('Order', 'A sale order changed: lines, state or payment state.'),
  'invoice.created': event('Invoice', 'An invoice or credit note was created.'),
  'invoice.paid': event('Invoice', 'An invoice was paid in full.'),
  'test.ping': event('TestPing', 'A round-trip probe used by connector contract tests; carries no business data.'),
};

export type EventType = keyof typeof ENTRIES;
export type EventData<T extends EventType> = Static<(typeof ENTRIES)[T]['schema']>;

export const EVENT_CATALOG: { readonly [T in EventType]: (typeof ENTRIES)[T] } = Object.freeze(ENTRIES);

const TYPES = Object.keys(EVENT_CATALOG) as EventType[];

/** Every known event type, grouped by object in catalog order. */
export function eventTypes(): EventType[] {
  return [...TYPES];
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOG, type);
}

/** The catalog entry for `type`, or undefined when the type is unknown. */
export function describeEventType(type: string): EventCatalogEntry | undefined {
  return isEventType(type) ? EVENT_CATALOG[type] : undefined;
}

/** The known types most like `type`: close by edit distance, else those of the same object prefix. */
export function suggestEventTypes(type: string, limit = 3): EventType[] {
  const close = closestMatches(type, TYPES, limit) as EventType[];
  if (close.length > 0) return close;
  const prefix = type.toLowerCase().split('.')[0] ?? '';
  return TYPES.filter((known) => known.startsWith(`${prefix}.`)).slice(0, limit);
}

export function unknownEventTypeError(type: string): UnknownEventTypeError {
  const suggestions = suggestEventTypes(type);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
  return new UnknownEventTypeError(`Unknown event type "${type}".${hint} See \`interline events list\` for every known type.`, {
    type,
    suggestions,
  });
}

/**
 * Validate `data` against the schema of event `type`. Returns the Check (issues with paths and
 * rules on failure); throws UnknownEventTypeError, with suggestions, when the type is not in the catalog.
 */
export function validateEventData<T extends EventType>(type: T, data: unknown): Check<EventData<T>>;
export function validateEventData(type: string, data: unknown): Check<unknown>;
export function validateEventData(type: string, data: unknown): Check<unknown> {
  const entry = describeEventType(String(type));
  if (!entry) throw unknownEventTypeError(String(type));
  return check(entry.schema, data);
}
