// The ONE Record protocol client: version negotiation from server information, and one method per API
// call the connector makes. Every URL it calls is checked to be on the partner server, so its token
// never travels to a host a notification or a document named.
import { PermanentError } from '@interline/hub';
import type { ConnectorState, HealthResult, Logger } from '@interline/hub';
import { timingSafeEqual } from 'node:crypto';
import type { OneRecordConfig } from './config';
import { DEFAULT_CHANGE_POLL_MS, DEFAULT_CHANGE_TIMEOUT_MS, DEFAULT_TIMEOUT_MS } from './config';
import { LinkedGraph, number, ref } from './jsonld/graph';
import type { GraphNode } from './jsonld/graph';
import { apiErrorsIn } from './protocol/api-error';
import type { ApiErrorBody } from './protocol/api-error';
import { HttpExchange } from './protocol/http-exchange';
import type { ExchangeResult } from './protocol/http-exchange';
import { chooseApiVersion, mediaType, parseMediaType } from './protocol/media-type';
import { readServerInformation } from './protocol/server-information';
import type { ServerInformation } from './protocol/server-information';
import { TokenClient } from './protocol/token-client';
import { api, localName } from './vocabulary';
import type { ApiVersion, RequestStatus } from './vocabulary';

export interface FetchedObject {
  iri: string;
  graph: LinkedGraph;
  node: GraphNode | undefined;
  revision: number | undefined;
  latestRevision: number | undefined;
}

export interface ActionRequestState {
  iri: string;
  status: RequestStatus;
  errors: ApiErrorBody[];
}

export type NotificationTokenCheck = 'ok' | 'missing' | 'invalid' | 'unconfigured';

export class OneRecordClient {
  readonly serverUrl: URL;
  readonly changePollMs: number;
  readonly changeTimeoutMs: number;
  readonly tokens: TokenClient | undefined;
  readonly logger: Logger | undefined;
  readonly state: ConnectorState | undefined;
  readonly #config: OneRecordConfig;
  readonly #exchange: HttpExchange;
  #version: Promise<ApiVersion> | undefined;

  constructor(config: OneRecordConfig, context: { logger?: Logger; state?: ConnectorState } = {}) {
    this.#config = config;
    this.serverUrl = new URL(config.serverUrl.endsWith('/') ? config.serverUrl : `${config.serverUrl}/`);
    this.changePollMs = config.changeRequestPollMs ?? DEFAULT_CHANGE_POLL_MS;
    this.changeTimeoutMs = config.changeRequestTimeoutMs ?? DEFAULT_CHANGE_TIMEOUT_MS;
    const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.tokens = config.oauth === undefined ? undefined : new TokenClient({ ...config.oauth, timeoutMs });
    this.logger = context.logger;
    this.state = context.state;
    this.#exchange = new HttpExchange(this.tokens, timeoutMs, context.logger);
  }

  /** Base for the relative logistics-object IRIs the mappings write (always ends with '/'). */
  get base(): string {
    return this.serverUrl.href;
  }

  /** Interline's own ONE Record root (where partners POST notifications), when configured. */
  get subscriberUrl(): string | undefined {
    const url = this.#config.subscriber?.serverUrl;
    return url === undefined ? undefined : url.replace(/\/+$/, '');
  }

  /** The IRI of Interline's organization, the subscriber in api:Subscription. */
  get organizationIri(): string | undefined {
    const root = this.subscriberUrl;
    return root === undefined ? undefined : `${root}/logistics-objects/${this.#config.subscriber?.organizationId ?? 'interline'}`;
  }

  /** A URL on the partner server; anything else is refused before a request (and a token) leaves. */
  resolve(iriOrPath: string): URL {
    let url: URL;
    try {
      url = new URL(iriOrPath, this.serverUrl);
    } catch {
      throw new PermanentError(`"${iriOrPath}" is not a URL or path on the ONE Record server ${this.serverUrl.origin}`);
    }
    if (url.origin !== this.serverUrl.origin || !url.pathname.startsWith(this.serverUrl.pathname)) {
      throw new PermanentError(`${url.origin}${url.pathname} is not on the configured ONE Record server ${this.base}; the connector only sends its token to serverUrl (fix serverUrl or the document's @id)`);
    }
    return url;
  }

  async serverInformation(signal?: AbortSignal): Promise<ServerInformation> {
    const result = await this.#exchange.send({ method: 'GET', url: this.serverUrl, headers: { accept: mediaType(undefined) }, signal });
    return readServerInformation(result.json ?? {}, this.base);
  }

  /** The negotiated API version, discovered once per client (or pinned in config). */
  version(signal?: AbortSignal): Promise<ApiVersion> {
    if (this.#config.apiVersion !== undefined) return Promise.resolve(chooseApiVersion([], this.#config.apiVersion));
    this.#version ??= this.serverInformation(signal)
      .then((info) => chooseApiVersion(info.apiVersions))
      .catch((error: unknown) => {
        this.#version = undefined;
        throw error;
      });
    return this.#version;
  }

  /** A request in the negotiated version; bodies are JSON-LD sent as application/ld+json; version=…. */
  async call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', iri: string, options: { body?: unknown; signal?: AbortSignal; accept?: number[]; query?: Record<string, string> } = {}): Promise<ExchangeResult> {
    const url = this.resolve(iri);
    const version = await this.version(options.signal);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = { accept: mediaType(version) };
    if (options.body !== undefined) headers['content-type'] = mediaType(version);
    const result = await this.#exchange.send({ method, url, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), signal: options.signal, accept: options.accept });
    const echoed = parseMediaType(result.headers.get('content-type'))?.version;
    // NE:ONE answers without a version; a different one is worth a warning, not a failure.
    if (echoed !== undefined && echoed !== version) this.logger?.warn({ requested: version, answered: echoed, url: url.href }, 'ONE Record server answered in another API version');
    return result;
  }

  /** POST /logistics-objects. A 409 means the proposed @id already exists (a redelivered create). */
  async createLogisticsObject(body: Record<string, unknown>, signal?: AbortSignal): Promise<{ location: string; existed: boolean }> {
    const result = await this.call('POST', 'logistics-objects', { body, signal, accept: [409] });
    if (result.status === 409) return { location: String(body['@id']), existed: true };
    const location = result.headers.get('location');
    if (location === null) throw new PermanentError(`POST ${this.base}logistics-objects answered ${result.status} without a Location header; the server must say where the object lives`);
    return { location: new URL(location, this.serverUrl).href, existed: false };
  }

  async getLogisticsObject(iri: string, signal?: AbortSignal, options: { embedded?: boolean; accept404?: boolean } = {}): Promise<FetchedObject | undefined> {
    const result = await this.call('GET', iri, { signal, query: options.embedded ? { embedded: 'true' } : {}, accept: options.accept404 ? [404] : [] });
    if (result.status === 404) return undefined;
    const graph = await LinkedGraph.from(result.json ?? {}, { what: `logistics object ${iri}`, base: this.base });
    const node = graph.node(this.resolve(iri).href);
    const header = (name: string) => {
      const value = Number(result.headers.get(name));
      return result.headers.get(name) !== null && Number.isInteger(value) ? value : undefined;
    };
    return {
      iri: this.resolve(iri).href,
      graph,
      node,
      revision: header('revision') ?? (node ? number(node, api('hasRevision')) : undefined),
      latestRevision: header('latest-revision') ?? (node ? number(node, api('hasLatestRevision')) : undefined),
    };
  }

  /** PATCH with an api:Change; returns the action request (ChangeRequest) to follow. */
  async requestChange(iri: string, change: Record<string, unknown>, signal?: AbortSignal): Promise<string> {
    const result = await this.call('PATCH', iri, { body: change, signal });
    const location = result.headers.get('location');
    if (location === null) throw new PermanentError(`PATCH ${iri} answered ${result.status} without a Location of the change request`);
    return new URL(location, this.serverUrl).href;
  }

  async actionRequest(iri: string, signal?: AbortSignal): Promise<ActionRequestState> {
    const result = await this.call('GET', iri, { signal });
    const graph = await LinkedGraph.from(result.json ?? {}, { what: `action request ${iri}`, base: this.base });
    const node = graph.nodes().find((candidate) => ref(candidate, api('hasRequestStatus')) !== undefined);
    const status = localName(node ? (ref(node, api('hasRequestStatus')) ?? '') : '', api('')) as RequestStatus | undefined;
    if (node === undefined || status === undefined) throw new PermanentError(`action request ${iri} has no api:hasRequestStatus; the server answered something else`);
    return { iri, status, errors: apiErrorsIn(graph) };
  }

  /** POST …/logistics-events; a 409 means an event with the proposed @id is already there. */
  async postLogisticsEvent(objectIri: string, event: Record<string, unknown>, signal?: AbortSignal): Promise<{ location: string; existed: boolean }> {
    const result = await this.call('POST', `${this.resolve(objectIri).href}/logistics-events`, { body: event, signal, accept: [409] });
    if (result.status === 409) return { location: String(event['@id']), existed: true };
    const location = result.headers.get('location');
    return { location: location === null ? String(event['@id']) : new URL(location, this.serverUrl).href, existed: false };
  }

  /** GET …/logistics-events with the list filters (event-code, created-after, occurred-before, sort, limit, skip). */
  async listLogisticsEvents(objectIri: string, filters: Record<string, string>, signal?: AbortSignal): Promise<LinkedGraph> {
    const result = await this.call('GET', `${this.resolve(objectIri).href}/logistics-events`, { signal, query: filters });
    return LinkedGraph.from(result.json ?? {}, { what: `events of ${objectIri}`, base: this.base });
  }

  async subscribe(subscription: Record<string, unknown>, signal?: AbortSignal): Promise<string> {
    const result = await this.call('POST', 'subscriptions', { body: subscription, signal });
    const location = result.headers.get('location');
    if (location === null) throw new PermanentError(`POST ${this.base}subscriptions answered ${result.status} without the Location of the subscription request`);
    return new URL(location, this.serverUrl).href;
  }

  /** Up when server information answers and names an API version in common. */
  async health(): Promise<HealthResult> {
    const started = performance.now();
    try {
      const info = await this.serverInformation();
      const version = chooseApiVersion(info.apiVersions, this.#config.apiVersion);
      return { status: 'up', latencyMs: Math.round(performance.now() - started), detail: `API ${version}; server supports ${info.apiVersions.join(', ')}` };
    } catch (error) {
      return { status: 'down', latencyMs: Math.round(performance.now() - started), detail: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Constant-time check of an inbound notification's bearer token. */
  checkNotificationToken(header: string | undefined): NotificationTokenCheck {
    const expected = this.#config.notifications?.bearerToken;
    if (expected === undefined) return 'unconfigured';
    if (header === undefined || !/^bearer\s+/i.test(header)) return 'missing';
    const presented = Buffer.from(header.replace(/^bearer\s+/i, '').trim());
    const wanted = Buffer.from(expected);
    return presented.length === wanted.length && timingSafeEqual(presented, wanted) ? 'ok' : 'invalid';
  }
}
