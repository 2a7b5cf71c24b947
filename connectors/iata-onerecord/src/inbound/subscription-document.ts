// api:Subscription documents: what Interline asks for when it subscribes, and what it proposes when a
// publisher asks for subscription information (GET /subscriptions).
import { API, CARGO } from '../vocabulary';

export interface SubscriptionSpec {
  subscriber: string;
  topicType: 'LOGISTICS_OBJECT_TYPE' | 'LOGISTICS_OBJECT_IDENTIFIER';
  topic: string;
  eventTypes: readonly string[];
  sendLogisticsObjectBody: boolean;
  expiresAt?: string;
}

/** Expanded JSON-LD of one api:Subscription. */
export function subscriptionDocument(spec: SubscriptionSpec): Record<string, unknown> {
  const document: Record<string, unknown> = {
    '@type': [`${API}Subscription`],
    [`${API}hasSubscriber`]: [{ '@id': spec.subscriber }],
    [`${API}hasTopicType`]: [{ '@id': `${API}${spec.topicType}` }],
    [`${API}hasTopic`]: [{ '@value': spec.topic, '@type': 'http://www.w3.org/2001/XMLSchema#anyURI' }],
    [`${API}includeSubscriptionEventType`]: spec.eventTypes.map((type) => ({ '@id': `${API}${type}` })),
    [`${API}hasContentType`]: [{ '@value': 'application/ld+json' }],
    [`${API}sendLogisticsObjectBody`]: [{ '@value': spec.sendLogisticsObjectBody }],
    [`${API}notifyRequestStatusChange`]: [{ '@value': false }],
  };
  if (spec.expiresAt !== undefined) document[`${API}expiresAt`] = [{ '@value': spec.expiresAt, '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' }];
  return document;
}

/** Object types Interline turns into canonical events, and so accepts subscription proposals for. */
export const CONSUMED_TYPES = ['Shipment', 'Waybill', 'Booking', 'Piece'].map((name) => `${CARGO}${name}`);
