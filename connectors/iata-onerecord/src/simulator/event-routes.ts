// Logistics events (append-only, with the list filters), subscriptions, action requests and server
// information on the simulated server.
import { randomUUID } from 'node:crypto';
import { LinkedGraph, ref, refs } from '../jsonld/graph';
import { expandDocument } from '../jsonld/json-ld';
import { api, API, cargo, XSD } from '../vocabulary';
import type { SimAnswer, SimRequest } from './answers';
import { failure } from './answers';
import type { Notifier } from './notifier';
import { parseTime } from './object-routes';
import type { ObjectRoutes } from './object-routes';
import type { SimulatorSettings } from './settings';
import type { ActionRequest, ExpandedTree, OneRecordStore } from './store';
import { apiError } from './render';

export class EventRoutes {
  constructor(
    private readonly store: OneRecordStore,
    private readonly settings: () => SimulatorSettings,
    private readonly notifier: Notifier,
    private readonly objects: ObjectRoutes,
  ) {}

  serverInformation(): SimAnswer {
    const settings = this.settings();
    return {
      status: 200,
      tree: {
        '@id': this.store.base,
        '@type': [api('ServerInformation')],
        [api('hasDataHolder')]: [{ '@id': this.store.dataHolder }],
        [api('hasServerEndpoint')]: [{ '@value': this.store.base, '@type': `${XSD}anyURI` }],
        [api('hasSupportedApiVersion')]: settings.apiVersions.map((version) => ({ '@value': version })),
        [api('hasSupportedContentType')]: [{ '@value': 'application/ld+json' }],
        [api('hasSupportedLanguage')]: [{ '@value': 'en-US' }],
        [api('hasSupportedOntology')]: [cargo(''), api('')].map((iri) => ({ '@value': iri.slice(0, -1), '@type': `${XSD}anyURI` })),
        [api('hasSupportedOntologyVersion')]: ['https://onerecord.iata.org/ns/cargo/3.2', 'https://onerecord.iata.org/ns/api/2.2.0'].map((iri) => ({ '@value': iri, '@type': `${XSD}anyURI` })),
      },
    };
  }

  async post(request: SimRequest, object: string, json: unknown): Promise<SimAnswer> {
    const stored = this.store.objects.get(object);
    if (stored === undefined) return failure(404, 'Logistics object not found', `no logistics object ${object} to add an event to`, { resource: object });
    const nodes = await expandDocument(json, { base: this.store.base, what: 'the logistics event' });
    const node = nodes[0];
    if (nodes.length !== 1 || node === undefined || !(node['@type'] ?? []).includes(cargo('LogisticsEvent'))) {
      return failure(400, 'Invalid logistics event', 'the body must hold exactly one cargo:LogisticsEvent');
    }
    const prefix = `${object}/logistics-events/`;
    const proposed = node['@id'];
    if (proposed !== undefined && !(proposed.startsWith(prefix) && /^[A-Za-z0-9._~-]+$/.test(proposed.slice(prefix.length)))) {
      return failure(400, 'Invalid logistics event URI', `@id ${proposed} is not of the form ${prefix}{id}`, { resource: proposed });
    }
    const iri = proposed ?? `${prefix}${randomUUID()}`;
    if (this.store.events.has(iri)) return failure(409, 'Logistics event exists', `a logistics event with @id ${iri} already exists; events are immutable`, { resource: iri });
    const createdAt = new Date().toISOString();
    const tree: ExpandedTree = { ...node, '@id': iri, [cargo('eventFor')]: [{ '@id': object }] };
    // The server owns these fields; NE:ONE overwrites whatever the client sent.
    if (this.settings().neOneStyle || tree[cargo('creationDate')] === undefined) tree[cargo('creationDate')] = [{ '@value': createdAt, '@type': `${XSD}dateTime` }];
    if (this.settings().neOneStyle) tree[cargo('recordingOrganization')] = [{ '@id': this.store.dataHolder }];
    this.store.events.set(iri, { iri, object, node: this.store.assignEmbeddedIds(tree), createdAt });
    this.store.effects.eventsPosted += 1;
    this.notifier.publish({ eventType: 'LOGISTICS_EVENT_RECEIVED', object, objectType: cargo(stored.type), events: [iri] });
    return { status: 201, headers: { location: iri, type: cargo('LogisticsEvent') } };
  }

  get(iri: string): SimAnswer {
    const event = this.store.events.get(iri);
    return event === undefined ? failure(404, 'Logistics event not found', `no logistics event ${iri}`, { resource: iri }) : { status: 200, tree: event.node, headers: { type: cargo('LogisticsEvent') } };
  }

  /** GET …/logistics-events with event-code, created-after/before, occurred-after/before, sort, limit, skip. */
  list(request: SimRequest, object: string): SimAnswer {
    if (!this.store.objects.has(object)) return failure(404, 'Logistics object not found', `no logistics object ${object}`, { resource: object });
    const query = request.url.searchParams;
    const code = query.get('event-code');
    const bound = (name: string) => (query.get(name) === null ? undefined : parseTime(query.get(name) as string));
    const [createdAfter, createdBefore, occurredAfter, occurredBefore] = ['created-after', 'created-before', 'occurred-after', 'occurred-before'].map(bound);
    let events = [...this.store.events.values()].filter((event) => event.object === object);
    const dateOf = (node: ExpandedTree, property: string) => parseTime(String((node[cargo(property)] as Array<{ '@value'?: unknown }> | undefined)?.[0]?.['@value'] ?? ''));
    const occurred = (node: ExpandedTree) => dateOf(node, 'eventDate');
    // created-after/before filter on cargo:creationDate, the event's own record of when it was created.
    const created = (event: { node: ExpandedTree; createdAt: string }) => dateOf(event.node, 'creationDate') || event.createdAt;
    events = events.filter((event) => {
      const eventCode = ((event.node[cargo('eventCode')] as Array<{ '@id'?: string }> | undefined)?.[0]?.['@id'] ?? '').split('#').pop();
      return (code === null || eventCode === code) &&
        (createdAfter === undefined || created(event) > createdAfter) &&
        (createdBefore === undefined || created(event) < createdBefore) &&
        (occurredAfter === undefined || occurred(event.node) > occurredAfter) &&
        (occurredBefore === undefined || occurred(event.node) < occurredBefore);
    });
    const sort = query.get('sort') ?? 'creationDate';
    const key = (event: { node: ExpandedTree; createdAt: string }) => (sort.replace(/^-/, '') === 'eventDate' ? occurred(event.node) : created(event));
    events.sort((a, b) => key(a).localeCompare(key(b)) * (sort.startsWith('-') ? -1 : 1));
    const skip = Number(query.get('skip') ?? 0);
    const limit = query.get('limit') === null ? events.length : Number(query.get('limit'));
    const page = events.slice(skip, skip + limit);
    return {
      status: 200,
      tree: {
        '@id': `${object}/logistics-events`,
        '@type': [api('Collection')],
        [api('hasTotalItems')]: [{ '@value': events.length }],
        [api('hasItem')]: page.map((event) => event.node),
      },
    };
  }

  async subscribe(request: SimRequest, json: unknown): Promise<SimAnswer> {
    const graph = await LinkedGraph.from(json, { base: this.store.base, what: 'the subscription' });
    const node = graph.ofType(api('Subscription'))[0];
    const subscriber = node === undefined ? undefined : ref(node, api('hasSubscriber'));
    const topicType = node === undefined ? undefined : ref(node, api('hasTopicType'));
    const topic = node === undefined ? undefined : ref(node, api('hasTopic'));
    if (node === undefined || subscriber === undefined || topicType === undefined || topic === undefined) {
      return failure(400, 'Invalid subscription', 'an api:Subscription needs api:hasSubscriber, api:hasTopicType and api:hasTopic');
    }
    const eventTypes = refs(node, api('includeSubscriptionEventType'));
    // The same subscriber asking for the same topic again gets the request it already has.
    const existing = this.store.subscriptions().find((r) => r.subscription.subscriber === subscriber && r.subscription.topic === topic && r.subscription.topicType === topicType);
    if (existing !== undefined) return { status: 201, headers: { location: existing.iri, type: api('SubscriptionRequest') } };
    const subscriptionRequest = this.store.newActionRequest({ kind: 'SubscriptionRequest', requestedBy: request.agent, subscription: { subscriber, topicType, topic, eventTypes, node } });
    subscriptionRequest.status = 'REQUEST_ACCEPTED';
    this.store.effects.subscriptionsCreated += 1;
    return { status: 201, headers: { location: subscriptionRequest.iri, type: api('SubscriptionRequest') } };
  }

  actionRequest(iri: string): SimAnswer {
    const request = this.store.actionRequests.get(iri);
    if (request === undefined) return failure(404, 'Action request not found', `no action request ${iri}`, { resource: iri });
    return { status: 200, tree: actionRequestTree(request) };
  }

  /** PATCH /action-requests/{id}?status=…: the data holder accepts or rejects; DELETE revokes. */
  decide(iri: string, status: string | null, method: string): SimAnswer {
    const request = this.store.actionRequests.get(iri);
    if (request === undefined) return failure(404, 'Action request not found', `no action request ${iri}`, { resource: iri });
    if (method === 'DELETE') {
      if (request.status === 'REQUEST_PENDING' || request.status === 'REQUEST_ACCEPTED') request.status = 'REQUEST_REVOKED';
      return { status: 204 };
    }
    const wanted = status?.replace(API, '').replace(/^api:/, '');
    if (wanted !== 'REQUEST_ACCEPTED' && wanted !== 'REQUEST_REJECTED') return failure(400, 'Invalid status', 'status must be REQUEST_ACCEPTED or REQUEST_REJECTED');
    if (request.status !== 'REQUEST_PENDING') return failure(400, 'Request decided', `action request ${iri} is already ${request.status}`);
    if (request.kind === 'ChangeRequest') this.objects.decide(request, wanted);
    else request.status = wanted;
    return { status: 204 };
  }
}

function actionRequestTree(request: ActionRequest): ExpandedTree {
  const tree: ExpandedTree = {
    '@id': request.iri,
    '@type': [api(request.kind), api('ActionRequest')],
    [api('hasRequestStatus')]: [{ '@id': api(request.status) }],
    [api('isRequestedAt')]: [{ '@value': request.requestedAt, '@type': `${XSD}dateTime` }],
    [api('isRequestedBy')]: [{ '@id': request.requestedBy }],
  };
  if (request.object !== undefined) tree[api('hasLogisticsObject')] = [{ '@id': request.object }];
  if (request.revision !== undefined) tree[api('hasRevision')] = [{ '@value': request.revision, '@type': `${XSD}positiveInteger` }];
  if (request.subscription !== undefined) tree[api('hasSubscription')] = [request.subscription.node];
  if (request.errors.length > 0) tree[api('hasError')] = request.errors.map((error) => apiError(error.title, [{ message: error.message }]));
  return tree;
}

