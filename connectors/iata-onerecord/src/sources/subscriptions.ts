// subscriptions: a publisher asks "GET <subscriber server>/subscriptions?topicType=…&topic=…" for the
// subscription Interline wants; the hub forwards GET here because the source lists it in `methods`.
import type { WebhookResponse } from '@interline/hub';
import type { OneRecordClient } from '../client';
import { compactDocument, expandDocument } from '../jsonld/json-ld';
import { CONSUMED_TYPES, subscriptionDocument } from '../inbound/subscription-document';
import { API, MEDIA_TYPE } from '../vocabulary';
import { apiErrorResponse } from './responses';
import type { WebhookSource } from './responses';

const TOPIC_TYPES: Record<string, 'LOGISTICS_OBJECT_TYPE' | 'LOGISTICS_OBJECT_IDENTIFIER'> = {
  LOGISTICS_OBJECT_TYPE: 'LOGISTICS_OBJECT_TYPE',
  LOGISTICS_OBJECT_IDENTIFIER: 'LOGISTICS_OBJECT_IDENTIFIER',
  // API 2.0 called it LOGISTICS_OBJECT_URI; publishers still send it.
  LOGISTICS_OBJECT_URI: 'LOGISTICS_OBJECT_IDENTIFIER',
};

/** The answer to GET /subscriptions: Interline's subscription proposal for the topic, or api:Error 400. */
export async function subscriptionProposal(client: OneRecordClient, query: URLSearchParams): Promise<WebhookResponse> {
  const subscriber = client.organizationIri;
  if (subscriber === undefined) return apiErrorResponse(503, 'Subscriber not configured', 'set subscriber.serverUrl in the connector config so Interline can name itself as subscriber');
  const rawType = query.get('topicType') ?? '';
  const topicType = TOPIC_TYPES[rawType.startsWith(API) ? rawType.slice(API.length) : rawType.replace(/^api:/, '')];
  const topic = query.get('topic');
  if (topicType === undefined) return apiErrorResponse(400, 'Invalid topicType', `topicType "${rawType}" must be LOGISTICS_OBJECT_TYPE or LOGISTICS_OBJECT_IDENTIFIER`);
  if (topic === null || topic === '') return apiErrorResponse(400, 'Missing topic', 'the query parameter topic is required: a logistics-object type IRI or a logistics-object URI');
  if (topicType === 'LOGISTICS_OBJECT_TYPE' && !CONSUMED_TYPES.includes(topic)) {
    return apiErrorResponse(400, 'Unsupported topic', `Interline does not consume ${topic}; it subscribes to ${CONSUMED_TYPES.join(', ')}`);
  }
  const eventTypes = topicType === 'LOGISTICS_OBJECT_TYPE' ? ['LOGISTICS_OBJECT_CREATED', 'LOGISTICS_OBJECT_UPDATED', 'LOGISTICS_EVENT_RECEIVED'] : ['LOGISTICS_OBJECT_UPDATED', 'LOGISTICS_EVENT_RECEIVED'];
  const proposal = subscriptionDocument({ subscriber, topicType, topic, eventTypes, sendLogisticsObjectBody: false });
  return { status: 200, headers: { 'content-type': MEDIA_TYPE, 'content-language': 'en-US' }, body: await compactDocument(await expandDocument(proposal)) };
}

export const subscriptions: WebhookSource<OneRecordClient> = {
  kind: 'webhook',
  summary: 'ONE Record GET /subscriptions: Interline\'s subscription proposal for a topic.',
  methods: ['GET'],
  async handle(client, request) {
    if (request.method.toUpperCase() === 'GET') return subscriptionProposal(client, new URL(request.path, 'http://hub').searchParams);
    return apiErrorResponse(405, 'Method not allowed', 'publishers GET /subscriptions?topicType=…&topic=… here', { allow: 'GET' });
  },
};
