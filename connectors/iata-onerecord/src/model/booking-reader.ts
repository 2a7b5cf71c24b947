// ONE Record Booking → canonical CargoBooking: status, carrier, route from the transport legs, what is
// carried from the BookingShipment details; checked against the canonical schema.
import { check, formatIssue, MalformedInputError, CargoBookingSchema } from '@interline/hub';
import type { CargoBooking } from '@interline/hub';
import type { GraphNode, LinkedGraph } from '../jsonld/graph';
import { ref, string } from '../jsonld/graph';
import { cargo, codeOf, localName } from '../vocabulary';
import { applyCarried, canonicalIdOf, identifiersOf } from './carriage';
import { readPartyRef } from './party-reader';
import { airportOf, codesOf, measureOf } from './values';

const STATES: Record<string, CargoBooking['state']> = { CONFIRMED: 'confirmed', QUEUED: 'requested', REJECTED: 'rejected', DELETED: 'cancelled' };

export interface BookingReadOptions {
  /** requestedAt for a partner's booking that does not carry Interline's bookkeeping. */
  receivedAt: string;
}

export function readBooking(graph: LinkedGraph, node: GraphNode, options: BookingReadOptions): CargoBooking {
  const iri = node['@id'];
  const identifiers = identifiersOf(graph, node);
  const status = localName(ref(node, cargo('bookingStatus')) ?? '', cargo('')) ?? 'QUEUED';
  const state = STATES[status] ?? 'requested';
  const details = graph.linked(node, cargo('bookingShipmentDetails'));
  const route = graph.linkedAll(node, cargo('transportLegs')).map((leg, index) => legOf(graph, leg, index));
  const booking: Record<string, unknown> = {
    id: canonicalIdOf(identifiers, iri, 'booking'),
    requestedBy: requesterOf(graph, node),
    origin: airportOf(graph, graph.linked(node, cargo('departureLocation'))) ?? route[0]?.origin,
    destination: airportOf(graph, graph.linked(node, cargo('arrivalLocation'))) ?? route[route.length - 1]?.destination,
    route,
    pieceCount: 1,
    weightKg: details === undefined ? undefined : measureOf(graph, details, cargo('totalGrossWeight'), 'kg'),
    volumeM3: volumeOf(graph, details) ?? 0,
    goodsDescription: details === undefined ? undefined : string(details, cargo('goodsDescription')),
    state,
    allocations: [],
    requestedAt: options.receivedAt,
  };
  if (state === 'rejected' || state === 'cancelled') booking.stateReason = { text: `the carrier set the ONE Record booking to ${status} without a reason` };
  const carrier = ref(node, cargo('carrier'));
  if (carrier !== undefined) booking.carrier = readPartyRef(graph, carrier);
  const reference = identifiers.named.find((entry) => entry.type === 'CARRIER_BOOKING_REFERENCE')?.value;
  if (reference !== undefined) booking.carrierReference = reference;
  if (details !== undefined) {
    const chargeable = measureOf(graph, details, cargo('chargeableWeight'), 'kg');
    if (chargeable !== undefined) booking.chargeableWeightKg = chargeable;
    const shcs = codesOf(details, cargo('specialHandlingCodes'), 'SpecialHandlingCode');
    if (shcs.length > 0) booking.specialHandlingCodes = shcs;
  }
  applyCarried(booking, identifiers.carried);
  const result = check(CargoBookingSchema, booking);
  if (!result.ok) throw new MalformedInputError(`ONE Record booking ${iri} does not make a valid canonical CargoBooking: ${result.issues.map(formatIssue).join('; ')}`);
  return result.value as CargoBooking;
}

function requesterOf(graph: LinkedGraph, node: GraphNode): unknown {
  for (const party of graph.linkedAll(node, cargo('involvedParties'))) {
    const details = ref(party, cargo('partyDetails'));
    if (codeOf(ref(party, cargo('partyRole')) ?? '', 'ParticipantIdentifier') === 'AGT' && details !== undefined) return readPartyRef(graph, details);
  }
  return undefined;
}

function volumeOf(graph: LinkedGraph, details: GraphNode | undefined): number | undefined {
  const dimensions = details === undefined ? undefined : graph.linked(details, cargo('totalDimensions'));
  return dimensions === undefined ? undefined : measureOf(graph, dimensions, cargo('volume'), 'm3');
}

function legOf(graph: LinkedGraph, leg: GraphNode, index: number): { origin?: string; destination?: string } & Record<string, unknown> {
  const identifiers = identifiersOf(graph, leg);
  const identifier = string(leg, cargo('transportIdentifier')) ?? '';
  const match = /^([A-Z]{2}|[A-Z][0-9]|[0-9][A-Z])([0-9]{1,4})([A-Z])?$/.exec(identifier);
  if (!match) throw new MalformedInputError(`ONE Record transport leg ${leg['@id']} has transportIdentifier "${identifier}", not a flight such as LH400`);
  const departure = string(leg, cargo('departureDate'));
  const origin = airportOf(graph, graph.linked(leg, cargo('departureLocation')));
  const destination = airportOf(graph, graph.linked(leg, cargo('arrivalLocation')));
  const flight: Record<string, unknown> = { carrier: match[1], flightNumber: match[2], date: departure?.slice(0, 10) };
  if (match[3] !== undefined) flight.suffix = match[3];
  const result: Record<string, unknown> = { sequence: index + 1, flight, origin, destination };
  if (departure !== undefined) result.scheduledDeparture = departure;
  const arrival = string(leg, cargo('arrivalDate'));
  if (arrival !== undefined) result.scheduledArrival = arrival;
  applyCarried(result, identifiers.carried);
  return result as { origin?: string; destination?: string } & Record<string, unknown>;
}
