// Canonical CargoBooking → ONE Record Booking: status, carrier, route as transport legs, what is to be
// carried as BookingShipment details, the waybill it is issued for, and the airports as Location objects.
import { CargoBookingSchema, defineMapping } from '@interline/hub';
import type { CargoBooking } from '@interline/hub';
import { canonicalId, carriage, checked, codeRef, dateTime, document, iri, link, locationObjects, measure, otherIdentifier } from './json-ld-terms';
import type { JsonLdNode } from './json-ld-terms';
import { organizationNode } from './party-organization';

/** cargo:BookingStatus has four values; held and requested are both still queued at the carrier. */
const BOOKING_STATUS = { requested: 'QUEUED', held: 'QUEUED', confirmed: 'CONFIRMED', rejected: 'REJECTED', cancelled: 'DELETED' } as const;

export default defineMapping<CargoBooking, JsonLdNode>({
  id: 'iata-onerecord/cargo-booking-to-booking',
  from: 'CargoBooking',
  to: 'ONE Record JSON-LD: Booking and the Organizations it names (@graph)',
  description: 'The booking publishLogisticsObjects creates or changes on the partner server.',
  map(input) {
    const booking = checked<CargoBooking>(CargoBookingSchema, input, 'CargoBooking');
    const node: JsonLdNode = {
      '@id': iri.booking(booking.id),
      '@type': 'cargo:Booking',
      'cargo:bookingStatus': { '@id': `cargo:${BOOKING_STATUS[booking.state]}` },
      'cargo:departureLocation': link(iri.location(booking.origin)),
      'cargo:arrivalLocation': link(iri.location(booking.destination)),
      'cargo:transportLegs': booking.route.map(transportLeg),
      'cargo:bookingShipmentDetails': shipmentDetails(booking),
      'cargo:involvedParties': [{ '@type': 'cargo:Party', 'cargo:partyRole': codeRef('ParticipantIdentifier', 'AGT'), 'cargo:partyDetails': link(iri.organization(booking.requestedBy.partyId)) }],
    };
    if (booking.carrier !== undefined) node['cargo:carrier'] = link(iri.organization(booking.carrier.partyId));
    if (booking.awb !== undefined) node['cargo:issuedForWaybill'] = link(iri.waybill(booking.awb));
    const identifiers = [canonicalId(booking.id)];
    if (booking.carrierReference !== undefined) identifiers.push(otherIdentifier('CARRIER_BOOKING_REFERENCE', booking.carrierReference));
    identifiers.push(
      ...carriage({
        '/state': booking.state,
        '/stateReason': booking.stateReason,
        '/shipmentId': booking.shipmentId,
        '/awb': booking.awb,
        '/productCode': booking.productCode,
        '/allocations': booking.allocations,
        '/pieceCount': booking.pieceCount,
        '/requestedAt': booking.requestedAt,
        '/updatedAt': booking.updatedAt,
      }),
    );
    node['cargo:otherIdentifiers'] = identifiers;
    const nodes = [node, organizationNode(booking.requestedBy)];
    if (booking.carrier !== undefined) nodes.push(organizationNode(booking.carrier, { carrier: true }));
    nodes.push(...locationObjects([booking.origin, booking.destination, ...booking.route.flatMap((leg) => [leg.origin, leg.destination])]));
    return document(nodes);
  },
});

function transportLeg(leg: CargoBooking['route'][number]): JsonLdNode {
  const node: JsonLdNode = {
    '@type': 'cargo:TransportLegs',
    'cargo:transportIdentifier': `${leg.flight.carrier}${leg.flight.flightNumber}${leg.flight.suffix ?? ''}`,
    'cargo:departureLocation': link(iri.location(leg.origin)),
    'cargo:arrivalLocation': link(iri.location(leg.destination)),
    'cargo:otherIdentifiers': carriage({ '/sequence': leg.sequence, '/flight/date': leg.flight.date, '/flight/origin': leg.flight.origin, '/flight/destination': leg.flight.destination }),
  };
  if (leg.scheduledDeparture !== undefined) node['cargo:departureDate'] = dateTime(leg.scheduledDeparture);
  if (leg.scheduledArrival !== undefined) node['cargo:arrivalDate'] = dateTime(leg.scheduledArrival);
  return node;
}

function shipmentDetails(booking: CargoBooking): JsonLdNode {
  const node: JsonLdNode = {
    '@type': 'cargo:BookingShipment',
    'cargo:goodsDescription': booking.goodsDescription,
    'cargo:totalGrossWeight': measure(booking.weightKg, 'KGM'),
    'cargo:totalDimensions': { '@type': 'cargo:Dimensions', 'cargo:volume': measure(booking.volumeM3, 'MTQ') },
  };
  if (booking.chargeableWeightKg !== undefined) node['cargo:chargeableWeight'] = measure(booking.chargeableWeightKg, 'KGM');
  if (booking.specialHandlingCodes !== undefined) node['cargo:specialHandlingCodes'] = booking.specialHandlingCodes.map((shc) => codeRef('SpecialHandlingCode', shc));
  return node;
}
