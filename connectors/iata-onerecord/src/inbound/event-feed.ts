// Reading a partner's logistics events as canonical TrackingEvents: what the events are about (the AWB
// of the waybill or shipment they belong to), and the events created since the last one seen.
import { PermanentError } from '@interline/hub';
import type { TrackingEvent } from '@interline/hub';
import type { OneRecordClient } from '../client';
import type { GraphNode, LinkedGraph } from '../jsonld/graph';
import { ref, string, types } from '../jsonld/graph';
import type { EventSubject } from '../model/event-reader';
import { readTrackingEvent } from '../model/event-reader';
import { awbOf } from '../model/shipment-reader';
import { cargo } from '../vocabulary';

export interface FedEvent {
  iri: string;
  event: TrackingEvent;
  createdAt?: string;
}

/** The AWB (and house) a Waybill or Shipment object stands for, read with embedded=true. */
export async function subjectOf(client: OneRecordClient, objectIri: string, signal?: AbortSignal): Promise<EventSubject> {
  const fetched = await client.getLogisticsObject(objectIri, signal, { embedded: true });
  if (fetched?.node === undefined) throw new PermanentError(`logistics object ${objectIri} was not returned by the server; its events cannot be tied to an AWB`);
  const { graph, node } = fetched;
  const waybill = types(node).includes(cargo('Waybill')) ? node : await linkedWaybill(client, graph, node, signal);
  const subject = waybillSubject(graph, waybill);
  if (subject === undefined) throw new PermanentError(`logistics object ${objectIri} has no waybill with prefix and number; the hub files tracking events by AWB`);
  return subject;
}

async function linkedWaybill(client: OneRecordClient, graph: LinkedGraph, node: GraphNode, signal?: AbortSignal): Promise<GraphNode | undefined> {
  const embedded = graph.linked(node, cargo('waybill'));
  if (embedded !== undefined && string(embedded, cargo('waybillNumber')) !== undefined) return embedded;
  const iri = ref(node, cargo('waybill'));
  if (iri === undefined) return undefined;
  const fetched = await client.getLogisticsObject(iri, signal);
  return fetched?.node;
}

function waybillSubject(graph: LinkedGraph, waybill: GraphNode | undefined): EventSubject | undefined {
  if (waybill === undefined) return undefined;
  const awb = awbOf(waybill);
  if (awb !== undefined) return { awb };
  const master = graph.linked(waybill, cargo('masterWaybill'));
  const masterAwb = master === undefined ? undefined : awbOf(master);
  const house = string(waybill, cargo('waybillNumber'));
  return masterAwb === undefined ? undefined : { awb: masterAwb, ...(house === undefined ? {} : { houseNumber: house }) };
}

/** Events of an object created after `since` (list filter created-after), oldest first. */
export async function eventsSince(client: OneRecordClient, objectIri: string, options: { since?: string; eventCode?: string; subject?: EventSubject; signal?: AbortSignal }): Promise<FedEvent[]> {
  const filters: Record<string, string> = { sort: 'creationDate' };
  if (options.since !== undefined) filters['created-after'] = options.since;
  if (options.eventCode !== undefined) filters['event-code'] = options.eventCode;
  const graph = await client.listLogisticsEvents(objectIri, filters, options.signal);
  const events = graph.nodes().filter((node) => types(node).includes(cargo('LogisticsEvent')));
  if (events.length === 0) return [];
  const subject = options.subject ?? (await subjectOf(client, objectIri, options.signal));
  const receivedAt = new Date().toISOString();
  return events
    .map((node) => ({ iri: node['@id'], event: readTrackingEvent(graph, node, { subject, receivedAt }), createdAt: string(node, cargo('creationDate')) }))
    .sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
}
