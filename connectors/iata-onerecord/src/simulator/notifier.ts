// The publisher side of pub/sub: after an object is created or changed, or an event is appended, POST an
// api:Notification to every subscriber whose subscription matches, retrying a few times on failure
// (ONE Record publishers must guarantee delivery) and recording every delivery for inspection.
import { API, XSD } from '../vocabulary';
import { mediaType } from '../protocol/media-type';
import { render } from './render';
import type { SimulatorSettings } from './settings';
import type { ExpandedTree, OneRecordStore } from './store';

export interface NotificationFacts {
  eventType: 'LOGISTICS_OBJECT_CREATED' | 'LOGISTICS_OBJECT_UPDATED' | 'LOGISTICS_EVENT_RECEIVED';
  object: string;
  objectType: string;
  events?: string[];
  changed?: string[];
  triggeredBy?: string;
}

export interface DeliveryRecord {
  to: string;
  eventType: string;
  object: string;
  status: number | null;
  attempts: number;
  error?: string;
}

export class Notifier {
  readonly deliveries: DeliveryRecord[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly store: OneRecordStore, private readonly settings: () => SimulatorSettings) {}

  /** Queue notifications for the subscribers of this change; returns at once. */
  publish(facts: NotificationFacts): void {
    const settings = this.settings();
    for (const request of this.store.subscriptions()) {
      const { subscription } = request;
      const topicMatches = subscription.topicType === `${API}LOGISTICS_OBJECT_TYPE` ? subscription.topic === facts.objectType : subscription.topic === facts.object;
      if (!topicMatches || !subscription.eventTypes.includes(`${API}${facts.eventType}`)) continue;
      const target = `${(settings.subscriberUrl ?? serverOf(subscription.subscriber)).replace(/\/+$/, '')}/notifications`;
      const copies = settings.duplicateNotifications ? 2 : 1;
      for (let copy = 0; copy < copies; copy += 1) this.track(this.deliver(target, facts, settings));
    }
  }

  /** Wait for deliveries under way (tests, and stop()). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(promise: Promise<void>): void {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  private async deliver(to: string, facts: NotificationFacts, settings: SimulatorSettings): Promise<void> {
    const record: DeliveryRecord = { to, eventType: facts.eventType, object: facts.object, status: null, attempts: 0 };
    this.deliveries.push(record);
    const body = JSON.stringify(await render(notificationTree(facts), { neOneStyle: settings.neOneStyle }));
    for (let attempt = 1; attempt <= settings.notificationRetries; attempt += 1) {
      record.attempts = attempt;
      try {
        const response = await fetch(to, {
          method: 'POST',
          headers: { 'content-type': mediaType(settings.neOneStyle ? undefined : settings.apiVersions[settings.apiVersions.length - 1]), authorization: `Bearer ${settings.notificationToken}` },
          body,
          signal: AbortSignal.timeout(5_000),
        });
        record.status = response.status;
        await response.arrayBuffer();
        if (response.status < 500 && response.status !== 429) return;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
    }
  }
}

/** <server>/logistics-objects/<org> → <server>: where a subscriber's ONE Record API lives. */
function serverOf(subscriber: string): string {
  const at = subscriber.indexOf('/logistics-objects/');
  return at >= 0 ? subscriber.slice(0, at) : subscriber;
}

function notificationTree(facts: NotificationFacts): ExpandedTree {
  const tree: ExpandedTree = {
    '@type': [`${API}Notification`],
    [`${API}hasEventType`]: [{ '@id': `${API}${facts.eventType}` }],
    [`${API}hasLogisticsObject`]: [{ '@id': facts.object }],
    [`${API}hasLogisticsObjectType`]: [{ '@value': facts.objectType, '@type': `${XSD}anyURI` }],
  };
  if (facts.events !== undefined && facts.events.length > 0) tree[`${API}hasLogisticsEvent`] = facts.events.map((iri) => ({ '@id': iri }));
  if (facts.changed !== undefined && facts.changed.length > 0) tree[`${API}hasChangedProperty`] = facts.changed.map((iri) => ({ '@value': iri, '@type': `${XSD}anyURI` }));
  if (facts.triggeredBy !== undefined) tree[`${API}isTriggeredBy`] = [{ '@id': facts.triggeredBy }];
  return tree;
}
