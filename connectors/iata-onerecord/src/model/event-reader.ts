// ONE Record LogisticsEvent → canonical TrackingEvent: status code (with DIS_* discrepancies), time and
// time type, place, flight, pieces and weight, who recorded it. Checked against the canonical schema.
import { check, DISCREPANCY_CODE_LIST, formatIssue, MalformedInputError, TRACKING_STATUS_CODE_LIST, TrackingEventSchema } from '@interline/hub';
import type { TrackingEvent } from '@interline/hub';
import type { GraphNode, LinkedGraph } from '../jsonld/graph';
import { boolean, number, ref, string } from '../jsonld/graph';
import { cargo, codeOf, localName } from '../vocabulary';
import { applyCarried, canonicalIdOf, identifiersOf } from './carriage';
import { awbOf } from './shipment-reader';
import { airportOf, codeElement, measureOf } from './values';

const TIME_TYPES = ['actual', 'estimated', 'expected', 'planned', 'requested'] as const;

/** What the event is about, when the event itself does not say (a partner's event on its own waybill). */
export interface EventSubject {
  awb: string;
  houseNumber?: string;
  shipmentId?: string;
}

export interface EventReadOptions {
  subject?: EventSubject;
  /** recordedAt when the server sent no cargo:creationDate. */
  receivedAt?: string;
}

export function readTrackingEvent(graph: LinkedGraph, node: GraphNode, options: EventReadOptions = {}): TrackingEvent {
  const iri = node['@id'];
  const identifiers = identifiersOf(graph, node);
  const { status, discrepancyCode } = statusOf(graph, node);
  const location = airportOf(graph, graph.linked(node, cargo('eventLocation')));
  const eventTime = string(node, cargo('eventDate'));
  if (eventTime === undefined) throw new MalformedInputError(`ONE Record event ${iri} has no cargo:eventDate; a tracking event needs its time`);
  const timeType = (localName(ref(node, cargo('eventTimeType')) ?? '', cargo('')) ?? 'ACTUAL').toLowerCase();
  const event: Record<string, unknown> = {
    id: canonicalIdOf(identifiers, iri, 'event'),
    ...subjectOf(graph, node, options.subject),
    status,
    eventTime,
    timeType: (TIME_TYPES as readonly string[]).includes(timeType) ? timeType : 'actual',
    location,
    // An event Interline wrote carries its own source; a partner's event is identified by its IRI.
    source: identifiers.carried.has('/source/kind') ? reporterOf(graph, node) : { kind: 'one-record', messageId: iri, ...reporterOf(graph, node) },
    recordedAt: string(node, cargo('creationDate')) ?? options.receivedAt,
  };
  if (discrepancyCode !== undefined) event.discrepancyCode = discrepancyCode;
  const movement = graph.linked(node, cargo('transportMovementReference'));
  if (movement !== undefined) event.flight = flightOf(graph, movement, eventTime);
  const pieceCount = number(node, cargo('recordedPieceCount'));
  const weightKg = measureOf(graph, node, cargo('recordedWeight'), 'kg');
  if (pieceCount !== undefined && weightKg !== undefined) event.quantity = { pieceCount, weightKg, partial: boolean(node, cargo('partialEventIndicator')) ?? false };
  applyCarried(event, identifiers.carried);
  if (event.location === undefined) throw new MalformedInputError(`ONE Record event ${iri} has no cargo:eventLocation with an IATA location code`);
  if (event.awb === undefined) throw new MalformedInputError(`ONE Record event ${iri}: the waybill it is for is unknown; read it through its logistics object`);
  const result = check(TrackingEventSchema, event);
  if (!result.ok) throw new MalformedInputError(`ONE Record event ${iri} does not make a valid canonical TrackingEvent: ${result.issues.map(formatIssue).join('; ')}`);
  return result.value as TrackingEvent;
}

function statusOf(graph: LinkedGraph, node: GraphNode): { status: string; discrepancyCode?: string } {
  const codeIri = ref(node, cargo('eventCode'));
  const raw = (codeIri === undefined ? undefined : codeOf(codeIri, 'StatusCode')) ?? codeElement(graph, node, cargo('eventCode'));
  if (raw === undefined) throw new MalformedInputError(`ONE Record event ${node['@id']} has no cargo:eventCode`);
  const [status = '', discrepancy] = raw.split('_');
  if (!(TRACKING_STATUS_CODE_LIST as readonly string[]).includes(status) || (discrepancy !== undefined && !(DISCREPANCY_CODE_LIST as readonly string[]).includes(discrepancy))) {
    throw new MalformedInputError(`ONE Record event ${node['@id']} has event code ${raw}, which is not an IATA cargo status code the hub maps (${TRACKING_STATUS_CODE_LIST.join(', ')}, DIS_<discrepancy>)`);
  }
  return discrepancy === undefined ? { status } : { status, discrepancyCode: discrepancy };
}

function subjectOf(graph: LinkedGraph, node: GraphNode, subject: EventSubject | undefined): Partial<EventSubject> {
  if (subject !== undefined) return { ...subject };
  const target = graph.linked(node, cargo('eventFor'));
  const awb = target === undefined ? undefined : awbOf(target);
  return awb === undefined ? {} : { awb };
}

function reporterOf(graph: LinkedGraph, node: GraphNode): { reporter?: string } {
  const organization = graph.linked(node, cargo('recordingOrganization'));
  if (organization === undefined) return {};
  const reporter = string(organization, cargo('airlineCode')) ?? string(organization, cargo('name'));
  return reporter === undefined ? {} : { reporter };
}

/** A TransportMovement back to a flight reference: LH400A → carrier LH, number 400, suffix A. */
function flightOf(graph: LinkedGraph, movement: GraphNode, eventTime: string): Record<string, unknown> {
  const identifier = string(movement, cargo('transportIdentifier')) ?? '';
  const match = /^([A-Z]{2}|[A-Z][0-9]|[0-9][A-Z])([0-9]{1,4})([A-Z])?$/.exec(identifier.replace(/\s+/g, ''));
  if (!match) throw new MalformedInputError(`ONE Record transport movement ${movement['@id']} has transportIdentifier "${identifier}", not a flight such as LH400`);
  const scheduled = graph
    .linkedAll(movement, cargo('movementTimes'))
    .find((time) => ref(time, cargo('movementTimeType')) === cargo('SCHEDULED') && ref(time, cargo('direction')) !== cargo('INBOUND'));
  const timestamp = scheduled === undefined ? undefined : string(scheduled, cargo('movementTimestamp'));
  const flight: Record<string, unknown> = { carrier: match[1], flightNumber: match[2], date: (timestamp ?? eventTime).slice(0, 10) };
  if (match[3] !== undefined) flight.suffix = match[3];
  const origin = airportOf(graph, graph.linked(movement, cargo('departureLocation')));
  const destination = airportOf(graph, graph.linked(movement, cargo('arrivalLocation')));
  if (origin !== undefined) flight.origin = origin;
  if (destination !== undefined) flight.destination = destination;
  return flight;
}
