// Interline's answer when a publisher proposes a subscription (GET /subscriptions?topicType=&topic=),
// and the subscribe operation's idempotency against the simulator.
import { silentLogger } from '@interline/hub';
import { LinkedGraph, ref, refs } from '../src/jsonld/graph';
import { subscribe } from '../src/operations/subscribe';
import { subscriptions } from '../src/sources/subscriptions';
import { api, cargo } from '../src/vocabulary';
import { MemoryState, operationContext, reset, startHarness } from './support/harness';
import type { Harness } from './support/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());
beforeEach(() => reset(harness));

const SUBSCRIBER = 'https://hub.example.com/webhooks/iata-onerecord';
const ask = (query: string, method = 'GET') =>
  subscriptions.handle(harness.client({ subscriber: { serverUrl: SUBSCRIBER } }), { method, path: `/webhooks/iata-onerecord/subscriptions?${query}`, headers: {}, rawBody: Buffer.alloc(0) }, { logger: silentLogger(), state: new MemoryState(), emit: async () => undefined });

describe('GET /subscriptions proposals', () => {
  it('proposes a subscription for a logistics object type Interline consumes', async () => {
    const answer = await ask(`topicType=LOGISTICS_OBJECT_TYPE&topic=${encodeURIComponent(cargo('Shipment'))}`);
    expect(answer.status).toBe(200);
    const graph = await LinkedGraph.from(answer.body);
    const proposal = graph.only(api('Subscription'), 'proposal');
    expect(ref(proposal, api('hasSubscriber'))).toBe(`${SUBSCRIBER}/logistics-objects/interline`);
    expect(ref(proposal, api('hasTopicType'))).toBe(api('LOGISTICS_OBJECT_TYPE'));
    expect(ref(proposal, api('hasTopic'))).toBe(cargo('Shipment'));
    expect(refs(proposal, api('includeSubscriptionEventType')).sort()).toEqual([api('LOGISTICS_EVENT_RECEIVED'), api('LOGISTICS_OBJECT_CREATED'), api('LOGISTICS_OBJECT_UPDATED')]);
  });

  it('accepts a specific object, also under the API 2.0 name LOGISTICS_OBJECT_URI and as a full IRI', async () => {
    const topic = encodeURIComponent('https://1r.partner.example/logistics-objects/abc');
    for (const topicType of ['LOGISTICS_OBJECT_IDENTIFIER', 'LOGISTICS_OBJECT_URI', encodeURIComponent(api('LOGISTICS_OBJECT_IDENTIFIER'))]) {
      const answer = await ask(`topicType=${topicType}&topic=${topic}`);
      expect(answer.status).toBe(200);
    }
  });

  it('answers api:Error 400 for a missing topic, an unknown topic type or a type Interline does not consume', async () => {
    expect(JSON.stringify((await ask('topicType=LOGISTICS_OBJECT_TYPE')).body)).toMatch(/the query parameter topic is required/);
    expect(JSON.stringify((await ask('topicType=EVERYTHING&topic=x')).body)).toMatch(/topicType \\"EVERYTHING\\" must be LOGISTICS_OBJECT_TYPE or LOGISTICS_OBJECT_IDENTIFIER/);
    const forklift = await ask(`topicType=LOGISTICS_OBJECT_TYPE&topic=${encodeURIComponent(cargo('ForkLift'))}`);
    expect(forklift.status).toBe(400);
    expect(JSON.stringify(forklift.body)).toMatch(/Interline does not consume https:\/\/onerecord.iata.org\/ns\/cargo#ForkLift/);
  });

  it('takes GET only: the hub forwards GET to it, and a POST that reaches it directly gets 405', async () => {
    expect(subscriptions.methods).toEqual(['GET']);
    const answer = await ask('', 'POST');
    expect(answer).toMatchObject({ status: 405, headers: { allow: 'GET' } });
  });
});

describe('subscribe', () => {
  it('subscribes once per topic: a second call finds the binding and asks nothing', async () => {
    const client = harness.client({ subscriber: { serverUrl: SUBSCRIBER } });
    const ctx = operationContext();
    const first = await subscribe.run(client as never, { topic: 'Shipment' } as never, ctx);
    const second = await subscribe.run(client as never, { topic: 'Shipment' } as never, ctx);
    expect(first).toMatchObject({ outcome: 'subscribed', topic: cargo('Shipment') });
    expect(second).toMatchObject({ outcome: 'already-subscribed', subscriptionRequest: first.subscriptionRequest });
    expect((await harness.state<{ effects: { subscriptionsCreated: number } }>()).effects.subscriptionsCreated).toBe(1);
  });

  it('needs to know where Interline receives notifications', async () => {
    await expect(subscribe.run(harness.client({ subscriber: undefined }) as never, { topic: 'Shipment' } as never, operationContext())).rejects.toThrow(
      'subscribing needs subscriber.serverUrl in the connector config: the partner notifies <serverUrl>/notifications',
    );
  });
});
