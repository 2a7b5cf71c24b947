// subscribe: ask the partner to notify Interline about one logistics object or a type of them
// (POST /subscriptions), and follow the subscription request until the partner accepts it.
import { Type } from '@sinclair/typebox';
import { defineOperation, PermanentError } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import type { OneRecordClient } from '../client';
import { compactDocument, expandDocument } from '../jsonld/json-ld';
import { describeApiError } from '../protocol/api-error';
import { followActionRequest } from '../publish/change-follower';
import { subscriptionDocument } from '../inbound/subscription-document';
import { cargo } from '../vocabulary';

const EVENT_TYPES = ['LOGISTICS_OBJECT_CREATED', 'LOGISTICS_OBJECT_UPDATED', 'LOGISTICS_EVENT_RECEIVED'] as const;

export const SubscribeInputSchema = Type.Object(
  {
    topic: Type.String({ minLength: 1, description: 'A logistics-object URI (or path under serverUrl), or a class name such as Shipment or Booking.' }),
    eventTypes: Type.Optional(Type.Array(Type.Union(EVENT_TYPES.map((type) => Type.Literal(type))), { minItems: 1, uniqueItems: true, description: 'What to be notified about (default: all three).' })),
    sendLogisticsObjectBody: Type.Optional(Type.Boolean({ description: 'Ask for the object in each notification.' })),
    expiresAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the subscription ends.' })),
  },
  { additionalProperties: false },
);

export const subscribe = defineOperation({
  summary: 'Subscribe Interline to notifications about a partner logistics object or object type (followed until the partner accepts).',
  input: SubscribeInputSchema,
  sideEffect: true,
  async run(client: OneRecordClient, input, ctx: OperationContext): Promise<{ subscriptionRequest: string; topic: string; outcome: 'subscribed' | 'already-subscribed' }> {
    const subscriber = client.organizationIri;
    if (subscriber === undefined) throw new PermanentError('subscribing needs subscriber.serverUrl in the connector config: the partner notifies <serverUrl>/notifications');
    const byType = /^[A-Z][A-Za-z]+$/.test(input.topic);
    const topic = byType ? cargo(input.topic) : client.resolve(input.topic).href;
    const topicType = byType ? 'LOGISTICS_OBJECT_TYPE' : 'LOGISTICS_OBJECT_IDENTIFIER';
    const key = `${topicType} ${topic}`;
    const bound = await ctx.bindings.get('Subscription', key);
    if (bound !== undefined) return { subscriptionRequest: bound.externalId, topic, outcome: 'already-subscribed' };
    const document = subscriptionDocument({ subscriber, topicType, topic, eventTypes: input.eventTypes ?? [...EVENT_TYPES], sendLogisticsObjectBody: input.sendLogisticsObjectBody ?? false, expiresAt: input.expiresAt });
    // Asking again for the same topic is answered with the same request (the publisher keeps one per
    // subscriber and topic), so a redelivered step after a lost answer does not subscribe twice.
    const request = await client.subscribe(await compactDocument(await expandDocument(document), { what: 'the subscription' }), ctx.signal);
    const state = await followActionRequest(client, request, ctx.signal);
    if (state.status !== 'REQUEST_ACCEPTED') {
      throw new PermanentError(`subscription request ${request} for ${topic} ended as ${state.status}: ${state.errors.map(describeApiError).join('; ') || 'no reason given'}`);
    }
    await ctx.bindings.put('Subscription', key, request, { topicType, topic });
    return { subscriptionRequest: request, topic, outcome: 'subscribed' };
  },
});
