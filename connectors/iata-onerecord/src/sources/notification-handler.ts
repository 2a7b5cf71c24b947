// What a notification means for the hub: fetch the changed object or the new events from the partner
// and emit canonical events (shipment.status-changed, booking.*), each with an id derived from the
// partner's URI so a repeated notification cannot make a second event.
import { deterministicId, MalformedInputError, PermanentError } from '@interline/hub';
import type { EmitEvent, Logger } from '@interline/hub';
import type { OneRecordClient } from '../client';
import { EventCursor } from '../inbound/event-cursor';
import { eventsSince, subjectOf } from '../inbound/event-feed';
import type { LinkedGraph } from '../jsonld/graph';
import { readBooking } from '../model/booking-reader';
import { readTrackingEvent } from '../model/event-reader';
import { cargo, logisticsObjectClass } from '../vocabulary';
import { types } from '../jsonld/graph';

export interface Notification {
  eventType: string;
  object?: string;
  objectType?: string;
  events: string[];
  triggeredBy?: string;
  changed: string[];
}

const BOOKING_EVENTS = { confirmed: 'booking.confirmed', rejected: 'booking.rejected', cancelled: 'booking.cancelled', held: 'booking.capacity-held', requested: undefined } as const;

/** Handle one notification; returns how many canonical events were handed to the hub. */
export async function handleNotification(client: OneRecordClient, notification: Notification, graph: LinkedGraph, emit: EmitEvent, logger: Logger): Promise<number> {
  const object = notification.object === undefined ? undefined : client.resolve(notification.object).href;
  switch (notification.eventType) {
    case 'LOGISTICS_EVENT_RECEIVED':
      if (object === undefined) throw new PermanentError('a LOGISTICS_EVENT_RECEIVED notification must name api:hasLogisticsObject');
      return notification.events.length > 0 ? emitNamedEvents(client, object, notification.events, graph, emit, logger) : emitNewEvents(client, object, emit);
    case 'LOGISTICS_OBJECT_CREATED':
    case 'LOGISTICS_OBJECT_UPDATED':
    case 'LOGISTICS_OBJECT_AVAILABLE':
      if (object === undefined) throw new PermanentError(`a ${notification.eventType} notification must name api:hasLogisticsObject`);
      return emitForObject(client, object, emit);
    default:
      // Change and subscription request outcomes: the connector follows its own requests by polling.
      logger.info({ eventType: notification.eventType, object, triggeredBy: notification.triggeredBy }, 'ONE Record notification needs no canonical event');
      return 0;
  }
}

async function emitNamedEvents(client: OneRecordClient, object: string, events: string[], notificationGraph: LinkedGraph, emit: EmitEvent, logger: Logger): Promise<number> {
  const subject = await subjectOf(client, object);
  let emitted = 0;
  for (const eventIri of events) {
    const iri = client.resolve(eventIri).href;
    // The publisher may embed the event in the notification; otherwise read it from its URI.
    const embedded = notificationGraph.node(iri);
    const graph = embedded !== undefined && types(embedded).includes(cargo('LogisticsEvent')) ? notificationGraph : (await client.getLogisticsObject(iri))?.graph;
    const node = graph?.node(iri);
    if (graph === undefined || node === undefined) throw new PermanentError(`logistics event ${iri} was not in the server's answer`);
    let event;
    try {
      event = readTrackingEvent(graph, node, { subject, receivedAt: new Date().toISOString() });
    } catch (error) {
      // One event the hub cannot map (an unknown code list) must not hold back the others.
      if (!(error instanceof MalformedInputError)) throw error;
      logger.warn({ event: iri, reason: error.message }, 'ONE Record event skipped: it does not map to a canonical TrackingEvent');
      continue;
    }
    await emit({ type: 'shipment.status-changed', data: event, id: deterministicId('iata-onerecord', 'event', iri), subject: event.awb, partitionkey: event.awb });
    emitted += 1;
  }
  return emitted;
}

/** Events created since the last one seen for this object (cursor in connector state). */
async function emitNewEvents(client: OneRecordClient, object: string, emit: EmitEvent): Promise<number> {
  const cursor = new EventCursor(client.state, object);
  const fresh = await cursor.unseen(await eventsSince(client, object, { since: await cursor.since() }));
  for (const fed of fresh) {
    await emit({ type: 'shipment.status-changed', data: fed.event, id: deterministicId('iata-onerecord', 'event', fed.iri), subject: fed.event.awb, partitionkey: fed.event.awb });
  }
  // Remembered only after the hub took every event: a failure re-reads them, and their ids make repeats harmless.
  await cursor.remember(fresh);
  return fresh.length;
}

async function emitForObject(client: OneRecordClient, object: string, emit: EmitEvent): Promise<number> {
  const fetched = await client.getLogisticsObject(object, undefined, { embedded: true });
  if (fetched?.node === undefined) return 0;
  const kind = logisticsObjectClass(types(fetched.node));
  if (kind === 'Booking') {
    const booking = readBooking(fetched.graph, fetched.node, { receivedAt: new Date().toISOString() });
    const type = BOOKING_EVENTS[booking.state];
    if (type === undefined) return 0;
    const revision = String(fetched.latestRevision ?? fetched.revision ?? 0);
    await emit({ type, data: booking, id: deterministicId('iata-onerecord', 'booking', object, revision), subject: booking.id, partitionkey: booking.awb ?? booking.id });
    return 1;
  }
  if (kind === 'Shipment' || kind === 'Waybill') return emitNewEvents(client, object, emit);
  return 0;
}
