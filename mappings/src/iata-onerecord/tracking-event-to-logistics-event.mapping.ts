// Canonical TrackingEvent → ONE Record LogisticsEvent on the waybill it is about: status code, time and
// time type, place, flight (TransportMovement), pieces and weight, partial indicator.
import { defineMapping, TRACKING_STATUS_CODES, TrackingEventSchema } from '@interline/hub';
import type { TrackingEvent } from '@interline/hub';
import { airport, canonicalId, carriage, checked, codeRef, dateTime, document, iri, link, measure } from './json-ld-terms';
import type { JsonLdNode } from './json-ld-terms';

const TIME_TYPES = { actual: 'ACTUAL', estimated: 'ESTIMATED', expected: 'EXPECTED', planned: 'PLANNED', requested: 'REQUESTED' } as const;

export default defineMapping<TrackingEvent, JsonLdNode>({
  id: 'iata-onerecord/tracking-event-to-logistics-event',
  from: 'TrackingEvent',
  to: 'ONE Record JSON-LD: LogisticsEvent for the waybill',
  description: 'The event postLogisticsEvent appends to the waybill (POST …/logistics-events).',
  map(input) {
    const event = checked<TrackingEvent>(TrackingEventSchema, input, 'TrackingEvent');
    const waybillIri = iri.waybill(event.awb, event.houseNumber);
    const statusCode = event.status === 'DIS' ? `DIS_${event.discrepancyCode}` : event.status;
    const node: JsonLdNode = {
      '@id': iri.event(waybillIri, event.id),
      '@type': 'cargo:LogisticsEvent',
      'cargo:eventFor': link(waybillIri),
      'cargo:eventCode': codeRef('StatusCode', statusCode),
      'cargo:eventName': TRACKING_STATUS_CODES[event.status],
      'cargo:eventDate': dateTime(event.eventTime),
      'cargo:eventTimeType': { '@id': `cargo:${TIME_TYPES[event.timeType]}` },
      'cargo:eventLocation': airport(event.location),
      'cargo:creationDate': dateTime(event.recordedAt),
    };
    if (event.quantity !== undefined) {
      node['cargo:partialEventIndicator'] = event.quantity.partial;
      node['cargo:recordedPieceCount'] = event.quantity.pieceCount;
      node['cargo:recordedWeight'] = measure(event.quantity.weightKg, 'KGM');
    }
    if (event.flight !== undefined) node['cargo:transportMovementReference'] = transportMovement(event.flight);
    if (event.source.reporter !== undefined) node['cargo:recordingOrganization'] = { '@type': 'cargo:Organization', 'cargo:name': event.source.reporter };
    node['cargo:otherIdentifiers'] = [
      canonicalId(event.id),
      ...carriage({
        '/awb': event.awb,
        '/houseNumber': event.houseNumber,
        '/shipmentId': event.shipmentId,
        '/quantity/totalPieceCount': event.quantity?.totalPieceCount,
        '/receivedBy': event.receivedBy,
        '/remarks': event.remarks,
        '/source/kind': event.source.kind,
        '/source/messageId': event.source.messageId,
      }),
    ];
    return document([node]);
  },
});

/** The flight as a TransportMovement: designator and number, leg airports, scheduled local departure date. */
function transportMovement(flight: NonNullable<TrackingEvent['flight']>): JsonLdNode {
  const node: JsonLdNode = {
    '@type': 'cargo:TransportMovement',
    'cargo:transportIdentifier': `${flight.carrier}${flight.flightNumber}${flight.suffix ?? ''}`,
    // A local date with no zone: xsd:dateTime without offset means "local time, zone not stated".
    'cargo:movementTimes': [
      {
        '@type': 'cargo:MovementTime',
        'cargo:movementTimestamp': dateTime(`${flight.date}T00:00:00`),
        'cargo:movementTimeType': { '@id': 'cargo:SCHEDULED' },
        'cargo:direction': { '@id': 'cargo:OUTBOUND' },
      },
    ],
  };
  if (flight.origin !== undefined) node['cargo:departureLocation'] = airport(flight.origin);
  if (flight.destination !== undefined) node['cargo:arrivalLocation'] = airport(flight.destination);
  return node;
}
