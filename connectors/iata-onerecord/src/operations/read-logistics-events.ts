// readLogisticsEvents: read a partner object's events with the list filters and emit a canonical
// shipment.status-changed for each one created since the last read (the cursor is kept per object).
import { Type } from '@sinclair/typebox';
import { defineOperation } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type { OneRecordClient } from '../client';
import { EventCursor } from '../inbound/event-cursor';
import { eventsSince } from '../inbound/event-feed';

export const ReadEventsInputSchema = Type.Object(
  {
    object: Type.String({ minLength: 1, description: 'URI (or path under serverUrl) of the waybill or shipment whose events to read.' }),
    eventCode: Type.Optional(Type.String({ pattern: '^[A-Z]{3}(_[A-Z]{4})?$', description: 'Only events with this status code (DEP, DIS_OFLD, …).' })),
    since: Type.Optional(Type.String({ format: 'date-time', description: 'Read events created after this time instead of after the stored cursor.' })),
  },
  { additionalProperties: false },
);

export const readLogisticsEvents = defineOperation({
  summary: 'Read the logistics events of a partner object created since the last read and emit shipment.status-changed for each.',
  input: ReadEventsInputSchema,
  sideEffect: false,
  async run(client: OneRecordClient, input, ctx: OperationContext): Promise<{ object: string; emitted: number; cursor?: string }> {
    const object = client.resolve(input.object).href;
    const cursor = new EventCursor(client.state, object);
    const listed = await eventsSince(client, object, { since: input.since ?? (await cursor.since()), eventCode: input.eventCode, signal: ctx.signal });
    // An explicit `since` is a one-off look back: it neither moves the cursor nor is held back by it.
    const events = input.since === undefined ? await cursor.unseen(listed) : listed;
    for (const { event } of events) ctx.emit('shipment.status-changed', event, { subject: event.awb, partitionkey: event.awb });
    // Emitted events are journaled with this step's outcome; a failed step re-reads them.
    if (input.since === undefined) await cursor.remember(events);
    const after = await cursor.since();
    return after === undefined ? { object, emitted: events.length } : { object, emitted: events.length, cursor: after };
  },
});
