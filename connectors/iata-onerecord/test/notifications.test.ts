// Subscriber side end to end: Interline subscribes on the simulator, the simulator POSTs notifications
// to a webhook endpoint that hands them to the notifications source exactly as the hub's route does,
// and the source turns them into canonical events — once, however often a notification arrives.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cargoBookingExamples, silentLogger, trackingEventExamples } from '@interline/hub';
import type { CargoBooking, EmitEvent, TrackingEvent, WebhookRequest, WebhookResponse } from '@interline/hub';
import bookingMapping from '../../../mappings/src/iata-onerecord/cargo-booking-to-booking.mapping';
import eventMapping from '../../../mappings/src/iata-onerecord/tracking-event-to-logistics-event.mapping';
import type { OneRecordClient } from '../src/client';
import { postLogisticsEvent } from '../src/operations/post-logistics-event';
import { publishLogisticsObjects } from '../src/operations/publish-logistics-objects';
import { subscribe } from '../src/operations/subscribe';
import { SIMULATOR_NOTIFICATION_TOKEN } from '../src/simulator';
import { notifications } from '../src/sources/notifications';
import { mappingContext, MemoryState, operationContext, reset, startHarness } from './support/harness';
import type { Harness } from './support/harness';

interface Received {
  type: string;
  id: string;
  data: unknown;
}

let harness: Harness;
let endpoint: Server;
let subscriberUrl: string;
let client: OneRecordClient;
const received: Received[] = [];
const answers: number[] = [];

/** Plays the hub's /webhooks/<instance>/notifications route: raw body in, the source's answer out. */
async function startEndpoint(): Promise<void> {
  endpoint = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const webhook: WebhookRequest = { method: request.method ?? 'POST', path: request.url ?? '/', headers: request.headers, rawBody: Buffer.concat(chunks) };
      const emit: EmitEvent = async (event) => {
        received.push({ type: event.type, id: event.id ?? '', data: event.data });
      };
      void notifications.handle(client, webhook, { logger: silentLogger(), state: new MemoryState(), emit }).then((answer: WebhookResponse) => {
        answers.push(answer.status);
        response.writeHead(answer.status, answer.headers ?? {});
        response.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
      });
    });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  subscriberUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/webhooks/iata-onerecord`;
}

const settle = () => fetch(`${harness.simulator.baseUrl}/__sim/onerecord/notifications/settle`, { method: 'POST' });
const ctx = () => operationContext();

beforeAll(async () => {
  harness = await startHarness();
  await startEndpoint();
});
afterAll(async () => {
  await harness.stop();
  await new Promise((resolve) => endpoint.close(resolve));
});
beforeEach(async () => {
  await reset(harness);
  received.length = 0;
  answers.length = 0;
  client = harness.client({ subscriber: { serverUrl: subscriberUrl } });
});

const departure = { ...(trackingEventExamples[0] as TrackingEvent), awb: '020-11111111', shipmentId: undefined } as TrackingEvent;

describe('notifications from a subscription', () => {
  it('a new event on a subscribed waybill becomes one shipment.status-changed, equal to the event posted', async () => {
    await subscribe.run(client as never, { topic: 'logistics-objects/waybill-020-11111111' } as never, ctx());
    await postLogisticsEvent.run(client as never, eventMapping.map(departure, mappingContext) as never, ctx());
    await settle();
    expect(answers).toEqual([204]);
    expect(received).toEqual([{ type: 'shipment.status-changed', id: expect.stringMatching(/^[0-9a-f-]{36}$/), data: departure }]);
  });

  it('a notification delivered twice produces one event; both deliveries are answered 204', async () => {
    await harness.settings({ duplicateNotifications: true });
    await subscribe.run(client as never, { topic: 'logistics-objects/waybill-020-11111111' } as never, ctx());
    await postLogisticsEvent.run(client as never, eventMapping.map(departure, mappingContext) as never, ctx());
    await settle();
    expect(answers).toEqual([204, 204]);
    expect(received.map((r) => r.type)).toEqual(['shipment.status-changed']);
  });

  it('a notification with the wrong bearer token is refused with 401 and emits nothing', async () => {
    await harness.settings({ notificationToken: 'not-the-agreed-token' });
    await subscribe.run(client as never, { topic: 'logistics-objects/waybill-020-11111111' } as never, ctx());
    await postLogisticsEvent.run(client as never, eventMapping.map(departure, mappingContext) as never, ctx());
    await settle();
    expect(answers).toEqual([401]);
    expect(received).toEqual([]);
  });

  it('booking objects become booking events: created while held, then confirmed by a change', async () => {
    await subscribe.run(client as never, { topic: 'Booking' } as never, ctx());
    const held = cargoBookingExamples[1] as CargoBooking;
    const bindings = ctx().bindings;
    await publishLogisticsObjects.run(client as never, bookingMapping.map(held, mappingContext) as never, operationContext({ bindings }));
    await settle();
    const confirmed: CargoBooking = { ...held, state: 'confirmed', carrierReference: 'LHB8Z1', allocations: [{ ...held.allocations[0]!, state: 'confirmed', holdExpiresAt: undefined }] as CargoBooking['allocations'] };
    await publishLogisticsObjects.run(client as never, bookingMapping.map(JSON.parse(JSON.stringify(confirmed)), mappingContext) as never, operationContext({ bindings }));
    await settle();
    expect(received.map((r) => r.type)).toEqual(['booking.capacity-held', 'booking.confirmed']);
    expect(received[0]?.data).toEqual(held);
    expect(received[1]?.data).toEqual(JSON.parse(JSON.stringify(confirmed)));
  });
});

describe('the notifications endpoint', () => {
  const post = (body: unknown, token: string | null = SIMULATOR_NOTIFICATION_TOKEN, method = 'POST') => {
    const emitted: Received[] = [];
    const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
    const rawBody = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    return notifications
      .handle(client, { method, path: '/webhooks/iata-onerecord/notifications', headers, rawBody }, { logger: silentLogger(), state: new MemoryState(), emit: async (e) => void emitted.push({ type: e.type, id: e.id ?? '', data: e.data }) })
      .then((answer) => ({ answer, emitted }));
  };
  const notification = (eventType: string, object = `${harness.simulator.baseUrl}/logistics-objects/waybill-020-11111111`) => ({
    '@context': { api: 'https://onerecord.iata.org/ns/api#' },
    '@type': 'api:Notification',
    'api:hasEventType': { '@id': `api:${eventType}` },
    'api:hasLogisticsObject': { '@id': object },
  });
  const message = (answer: WebhookResponse) => JSON.stringify(answer.body);

  it('answers api:Error 401 without a token, 405 to other methods and 400 to what is not a notification', async () => {
    expect((await post(notification('LOGISTICS_OBJECT_UPDATED'), null)).answer).toMatchObject({ status: 401, headers: { 'www-authenticate': 'Bearer realm="interline-onerecord"' } });
    expect((await post(notification('LOGISTICS_OBJECT_UPDATED'), SIMULATOR_NOTIFICATION_TOKEN, 'PUT')).answer.status).toBe(405);
    const malformed = await post('{not json');
    expect(malformed.answer.status).toBe(400);
    expect(message(malformed.answer)).toMatch(/api:Error.*the body is not a JSON-LD api:Notification/);
    expect(message((await post({ '@context': { api: 'https://onerecord.iata.org/ns/api#' }, '@type': 'api:Notification' })).answer)).toMatch(/no api:Notification with api:hasEventType/);
  });

  it('refuses a notification that names a remote @context, without fetching it', async () => {
    const { answer, emitted } = await post({ ...notification('LOGISTICS_OBJECT_UPDATED'), '@context': 'https://contexts.partner.example/onerecord.jsonld' });
    expect(answer.status).toBe(400);
    expect(message(answer)).toMatch(/JSON-LD context \\"https:\/\/contexts.partner.example\/onerecord.jsonld\\" was refused: the connector loads contexts from local copies only/);
    expect(emitted).toEqual([]);
  });

  it('acknowledges change-request outcomes without emitting anything', async () => {
    const { answer, emitted } = await post({ ...notification('CHANGE_REQUEST_ACCEPTED'), 'api:isTriggeredBy': { '@id': `${harness.simulator.baseUrl}/action-requests/x` } });
    expect(answer.status).toBe(204);
    expect(emitted).toEqual([]);
  });

  it('refuses to follow a notification to another host (its token would go there)', async () => {
    const { answer, emitted } = await post(notification('LOGISTICS_EVENT_RECEIVED', 'https://evil.example/logistics-objects/x'));
    expect(answer.status).toBe(422);
    expect(message(answer)).toMatch(/https:\/\/evil.example\/logistics-objects\/x is not on the configured ONE Record server/);
    expect(emitted).toEqual([]);
  });

  it('answers 503 when the partner cannot be read right now, and handles the re-sent notification', async () => {
    await postLogisticsEvent.run(client as never, eventMapping.map(departure, mappingContext) as never, ctx());
    await fetch(`${harness.simulator.baseUrl}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'transient', operation: 'list-logistics-events', times: 1 }) });
    const first = await post(notification('LOGISTICS_EVENT_RECEIVED'));
    expect(first.answer).toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
    expect(first.emitted).toEqual([]);
    const again = await post(notification('LOGISTICS_EVENT_RECEIVED'));
    expect(again.answer.status).toBe(204);
    expect(again.emitted.map((e) => e.data)).toEqual([departure]);
  });

  it('gives the same partner event the same event id in any process, so the hub keeps one', async () => {
    await postLogisticsEvent.run(client as never, eventMapping.map(departure, mappingContext) as never, ctx());
    const one = await post(notification('LOGISTICS_EVENT_RECEIVED'));
    const otherProcess = harness.client();
    const two = await notifications.handle(otherProcess, { method: 'POST', path: '/', headers: { authorization: `Bearer ${SIMULATOR_NOTIFICATION_TOKEN}` }, rawBody: Buffer.from(JSON.stringify(notification('LOGISTICS_EVENT_RECEIVED'))) }, {
      logger: silentLogger(),
      state: new MemoryState(),
      emit: async (e) => void one.emitted.push({ type: e.type, id: e.id ?? '', data: e.data }),
    });
    expect(two.status).toBe(204);
    expect(one.emitted).toHaveLength(2);
    expect(one.emitted[0]?.id).toBe(one.emitted[1]?.id);
  });
});
