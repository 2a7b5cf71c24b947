// Events both ways against the simulator: canonical TrackingEvents posted to the partner's waybill
// come back as the same canonical events, a partner's own events are read with the list filters,
// and each new event is emitted once as shipment.status-changed.
import { shipmentExamples, TransientError, trackingEventExamples } from '@interline/hub';
import type { Shipment, TrackingEvent } from '@interline/hub';
import shipmentMapping from '../../../mappings/src/iata-onerecord/shipment-to-logistics-objects.mapping';
import eventMapping from '../../../mappings/src/iata-onerecord/tracking-event-to-logistics-event.mapping';
import type { OneRecordClient } from '../src/client';
import { postLogisticsEvent } from '../src/operations/post-logistics-event';
import { publishLogisticsObjects } from '../src/operations/publish-logistics-objects';
import { readLogisticsEvents } from '../src/operations/read-logistics-events';
import { mappingContext, operationContext, reset, startHarness } from './support/harness';
import type { Harness } from './support/harness';

const DEPARTURE = trackingEventExamples[0] as TrackingEvent;
const ARRIVAL_FORECAST = trackingEventExamples[2] as TrackingEvent;
const WAYBILL = 'logistics-objects/waybill-020-12345675';

let harness: Harness;
let client: OneRecordClient;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());
beforeEach(async () => {
  await reset(harness);
  client = harness.client();
  await publishLogisticsObjects.run(client as never, shipmentMapping.map(shipmentExamples[0] as Shipment, mappingContext) as never, operationContext());
});

const post = (event: TrackingEvent, ctx = operationContext()) => postLogisticsEvent.run(client as never, eventMapping.map(event, mappingContext) as never, ctx) as Promise<{ iri: string; outcome: string }>;
const read = (input: Record<string, unknown>, ctx = operationContext()) => readLogisticsEvents.run(client as never, input as never, ctx).then((result) => ({ result, emitted: ctx.emitted }));

describe('posting and reading events', () => {
  it('posts events to the waybill and reads them back as the same canonical events, once each', async () => {
    expect(await post(DEPARTURE)).toMatchObject({ outcome: 'posted', iri: `${harness.simulator.baseUrl}/${WAYBILL}/logistics-events/${DEPARTURE.id}` });
    await post(ARRIVAL_FORECAST);
    const first = await read({ object: WAYBILL });
    expect(first.emitted.map((e) => e.type)).toEqual(['shipment.status-changed', 'shipment.status-changed']);
    expect(first.emitted.map((e) => e.data)).toEqual([DEPARTURE, ARRIVAL_FORECAST]);
    expect(first.emitted.map((e) => e.subject)).toEqual(['020-12345675', '020-12345675']);
    const second = await read({ object: WAYBILL });
    expect(second.emitted).toEqual([]);
  });

  it('filters by event code', async () => {
    await post(DEPARTURE);
    await post(ARRIVAL_FORECAST);
    const { emitted } = await read({ object: WAYBILL, eventCode: 'ARR', since: '2000-01-01T00:00:00Z' });
    expect(emitted.map((e) => (e.data as TrackingEvent).status)).toEqual(['ARR']);
  });

  it('a redelivered post finds the event it already made instead of appending a second one', async () => {
    await post(DEPARTURE);
    expect(await post(DEPARTURE, operationContext({ attempt: 2 }))).toMatchObject({ outcome: 'already-posted' });
    expect(await post(DEPARTURE)).toMatchObject({ outcome: 'already-posted' });
    const state = await harness.state<{ events: unknown[] }>();
    expect(state.events).toHaveLength(1);
  });

  it('an event for a waybill the partner does not have yet is retried later, saying why', async () => {
    const error = await post({ ...DEPARTURE, awb: '020-22222222' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toMatch(/waybill-020-22222222 does not exist on the partner server \(yet\); publish the shipment first/);
  });

  it('reads a partner\'s own event, answered NE:ONE style, as a canonical event about the partner\'s AWB', async () => {
    await harness.settings({ neOneStyle: true });
    const partnerEvent = {
      '@context': { '@vocab': 'https://onerecord.iata.org/ns/cargo#' },
      '@type': ['LogisticsEvent'],
      eventCode: { '@id': 'https://onerecord.iata.org/ns/code-lists/StatusCode#RCS' },
      eventDate: { '@value': '2025-03-13T16:05:00+01:00', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
      eventTimeType: { '@id': 'https://onerecord.iata.org/ns/cargo#ACTUAL' },
      eventLocation: { '@type': 'Location', locationCodes: [{ '@type': 'CodeListElement', code: 'FRA' }] },
      partialEventIndicator: false,
    };
    const posted = await client.postLogisticsEvent('logistics-objects/waybill-020-11111111', partnerEvent);
    const { emitted } = await read({ object: 'logistics-objects/waybill-020-11111111' });
    expect(emitted).toHaveLength(1);
    expect(emitted[0]?.data).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      awb: '020-11111111',
      status: 'RCS',
      eventTime: '2025-03-13T16:05:00+01:00',
      timeType: 'actual',
      location: 'FRA',
      // NE:ONE links the recording organization without embedding it: no reporter name to take.
      source: { kind: 'one-record', messageId: posted.location },
      recordedAt: expect.any(String),
    });
  });
});
