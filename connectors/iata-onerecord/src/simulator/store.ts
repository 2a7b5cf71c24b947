// The simulator's state: logistics objects with their revisions, the events appended to them, action
// requests (change and subscription requests) and subscriptions. Objects are kept as expanded JSON-LD
// trees whose embedded objects carry server-assigned ids, as a ONE Record server must assign them.
import { randomUUID } from 'node:crypto';
import { CARGO } from '../vocabulary';

export type ExpandedTree = Record<string, unknown>;

export interface StoredObject {
  iri: string;
  /** Local class name (Shipment, Waybill…). */
  type: string;
  node: ExpandedTree;
  revision: number;
  history: Array<{ revision: number; at: string; node: ExpandedTree }>;
  lastModified: string;
  actionRequests: string[];
  seeded: boolean;
}

export interface StoredEvent {
  iri: string;
  object: string;
  node: ExpandedTree;
  createdAt: string;
}

export interface ErrorRecord {
  title: string;
  message: string;
  property?: string;
}

export interface ActionRequest {
  iri: string;
  kind: 'ChangeRequest' | 'SubscriptionRequest';
  status: 'REQUEST_PENDING' | 'REQUEST_ACCEPTED' | 'REQUEST_REJECTED' | 'REQUEST_FAILED' | 'REQUEST_REVOKED';
  requestedAt: string;
  requestedBy: string;
  errors: ErrorRecord[];
  object?: string;
  change?: ExpandedTree;
  revision?: number;
  subscription?: Subscription;
}

export interface Subscription {
  subscriber: string;
  topicType: string;
  topic: string;
  eventTypes: string[];
  node: ExpandedTree;
}

export class OneRecordStore {
  objects = new Map<string, StoredObject>();
  events = new Map<string, StoredEvent>();
  actionRequests = new Map<string, ActionRequest>();
  effects = { objectsCreated: 0, eventsPosted: 0, changesApplied: 0, subscriptionsCreated: 0 };

  constructor(readonly base: string, private readonly embeddedPrefix: () => string) {}

  get dataHolder(): string {
    return `${this.base}logistics-objects/data-holder`;
  }

  objectIri(id: string = randomUUID()): string {
    return `${this.base}logistics-objects/${id}`;
  }

  /** True for <base>logistics-objects/<id> (no further path or fragment). */
  isObjectIri(iri: string): boolean {
    const prefix = `${this.base}logistics-objects/`;
    return iri.startsWith(prefix) && /^[A-Za-z0-9._~-]+$/.test(iri.slice(prefix.length));
  }

  /** Give every embedded object without an id one (internal:<uuid>, or neone:<uuid> in NE:ONE style). */
  assignEmbeddedIds(tree: ExpandedTree): ExpandedTree {
    const copy: ExpandedTree = {};
    for (const [key, value] of Object.entries(tree)) {
      copy[key] = Array.isArray(value) ? value.map((item) => (isEmbeddedNode(item) ? this.assignEmbeddedIds({ '@id': this.embeddedId(item), ...item }) : item)) : value;
    }
    return copy;
  }

  private embeddedId(node: ExpandedTree): string {
    const id = node['@id'];
    return typeof id === 'string' && !id.startsWith('_:') ? id : `${this.embeddedPrefix()}${randomUUID()}`;
  }

  create(iri: string, type: string, node: ExpandedTree, seeded = false): StoredObject {
    const at = new Date().toISOString();
    const stored: StoredObject = { iri, type, node, revision: 1, history: [{ revision: 1, at, node }], lastModified: at, actionRequests: [], seeded };
    this.objects.set(iri, stored);
    if (!seeded) this.effects.objectsCreated += 1;
    return stored;
  }

  commit(stored: StoredObject, node: ExpandedTree): void {
    const at = new Date().toISOString();
    stored.revision += 1;
    stored.node = node;
    stored.lastModified = at;
    stored.history.push({ revision: stored.revision, at, node });
  }

  newActionRequest(init: Omit<ActionRequest, 'iri' | 'requestedAt' | 'errors' | 'status'>): ActionRequest {
    const request: ActionRequest = { ...init, iri: `${this.base}action-requests/${randomUUID()}`, requestedAt: new Date().toISOString(), status: 'REQUEST_PENDING', errors: [] };
    this.actionRequests.set(request.iri, request);
    return request;
  }

  subscriptions(): Array<ActionRequest & { subscription: Subscription }> {
    return [...this.actionRequests.values()].filter((request): request is ActionRequest & { subscription: Subscription } => request.subscription !== undefined && request.status === 'REQUEST_ACCEPTED');
  }

  /** The data holder organization and one partner-owned shipment with its waybill (AWB 020-11111111, at the URI Interline's mappings mint for it). */
  seed(): void {
    const holder = this.dataHolder;
    this.create(holder, 'Company', { '@id': holder, '@type': [`${CARGO}Company`], [`${CARGO}name`]: [{ '@value': 'Simulated Airline Cargo' }] }, true);
    const shipment = this.objectIri('partner-shipment-1');
    const waybill = this.objectIri('waybill-020-11111111');
    const airport = (code: string) => ({ '@type': [`${CARGO}Location`], [`${CARGO}locationCodes`]: [{ '@type': [`${CARGO}CodeListElement`], [`${CARGO}code`]: [{ '@value': code }] }] });
    this.create(waybill, 'Waybill', this.assignEmbeddedIds({
      '@id': waybill,
      '@type': [`${CARGO}Waybill`],
      [`${CARGO}waybillType`]: [{ '@id': `${CARGO}DIRECT` }],
      [`${CARGO}waybillPrefix`]: [{ '@value': '020' }],
      [`${CARGO}waybillNumber`]: [{ '@value': '11111111' }],
      [`${CARGO}shipment`]: [{ '@id': shipment }],
      [`${CARGO}departureLocation`]: [airport('FRA')],
      [`${CARGO}arrivalLocation`]: [airport('JFK')],
    }), true);
    this.create(shipment, 'Shipment', { '@id': shipment, '@type': [`${CARGO}Shipment`], [`${CARGO}goodsDescription`]: [{ '@value': 'Spare parts' }], [`${CARGO}waybill`]: [{ '@id': waybill }] }, true);
  }

  reset(): void {
    this.objects.clear();
    this.events.clear();
    this.actionRequests.clear();
    this.effects = { objectsCreated: 0, eventsPosted: 0, changesApplied: 0, subscriptionsCreated: 0 };
    this.seed();
  }

  inspect(): Record<string, unknown> {
    const effects = this.effects;
    return {
      objects: [...this.objects.values()].map((o) => ({ iri: o.iri, type: o.type, revision: o.revision, seeded: o.seeded })),
      events: [...this.events.values()].map((e) => ({ iri: e.iri, object: e.object, createdAt: e.createdAt })),
      actionRequests: [...this.actionRequests.values()].map((r) => ({ iri: r.iri, kind: r.kind, status: r.status, object: r.object, revision: r.revision, errors: r.errors })),
      effects: { ...effects, total: effects.objectsCreated + effects.eventsPosted + effects.changesApplied + effects.subscriptionsCreated },
    };
  }
}

/** An expanded value that is an embedded object (not a literal, not a bare reference). */
export function isEmbeddedNode(value: unknown): value is ExpandedTree {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return !keys.includes('@value') && keys.some((key) => key !== '@id');
}

