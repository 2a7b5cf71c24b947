// Canonical → JSON-LD (the iata-onerecord mappings) → canonical (the connector's readers) loses nothing,
// for every canonical example the hub ships, whatever JSON-LD form the document travels in.
import { cargoBookingExamples, shipmentExamples, trackingEventExamples } from '@interline/hub';
import type { Mapping, MappingContext } from '@interline/hub';
// The mappings workspace is the outbound half of this seam; the test imports it by path because no
// runtime code may depend on it (mappings → hub only).
import bookingMapping from '../../../mappings/src/iata-onerecord/cargo-booking-to-booking.mapping';
import shipmentMapping from '../../../mappings/src/iata-onerecord/shipment-to-logistics-objects.mapping';
import eventMapping from '../../../mappings/src/iata-onerecord/tracking-event-to-logistics-event.mapping';
import { LinkedGraph } from '../src/jsonld/graph';
import { compactDocument, expandDocument, flattenDocument } from '../src/jsonld/json-ld';
import { readBooking } from '../src/model/booking-reader';
import { readTrackingEvent } from '../src/model/event-reader';
import { readShipment } from '../src/model/shipment-reader';
import { cargo, oneRecordContextForTests } from './support/fixtures';

const SERVER = 'https://1r.partner.example/';
const ctx: MappingContext = { envelope: { id: 'm1', type: 'test', tenant: 'default', correlationid: 'c1', time: '2025-03-14T10:00:00Z' } };

type Form = 'as mapped' | 'expanded' | 'compacted' | 'flattened';
const FORMS: Form[] = ['as mapped', 'expanded', 'compacted', 'flattened'];

/** The mapped document in one JSON-LD form, with relative ids already resolved against the server. */
async function inForm(mapping: Mapping, input: unknown, form: Form): Promise<LinkedGraph> {
  const mapped = await mapping.map(input, ctx);
  const expanded = await expandDocument(mapped, { base: SERVER });
  const documents: Record<Form, () => Promise<unknown>> = {
    'as mapped': async () => mapped,
    expanded: async () => expanded,
    compacted: () => compactDocument(expanded, { context: oneRecordContextForTests() }),
    flattened: () => flattenDocument(expanded),
  };
  return LinkedGraph.from(await documents[form](), { base: SERVER });
}

describe.each(FORMS)('round trip through %s JSON-LD', (form) => {
  it.each(shipmentExamples.map((s) => [s.id, s] as const))('shipment %s', async (_id, shipment) => {
    const graph = await inForm(shipmentMapping as Mapping, shipment, form);
    expect(readShipment(graph, graph.only(cargo('Shipment'), 'shipment document'))).toEqual(shipment);
  });

  it.each(trackingEventExamples.map((e) => [e.id, e] as const))('tracking event %s', async (_id, event) => {
    const graph = await inForm(eventMapping as Mapping, event, form);
    expect(readTrackingEvent(graph, graph.only(cargo('LogisticsEvent'), 'event document'))).toEqual(event);
  });

  it.each(cargoBookingExamples.map((b) => [b.id, b] as const))('cargo booking %s', async (_id, booking) => {
    const graph = await inForm(bookingMapping as Mapping, booking, form);
    expect(readBooking(graph, graph.only(cargo('Booking'), 'booking document'), { receivedAt: '2025-01-01T00:00:00Z' })).toEqual(booking);
  });
});
