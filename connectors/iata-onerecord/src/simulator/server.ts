// A ONE Record server subset on loopback (node:http): token endpoint, server information, logistics
// objects with revisions and change requests, events, subscriptions and notifications; the shared
// /__sim control plane for faults, inspection and reset, plus /__sim/onerecord/* switches.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyHttpFault, FaultPlan, handleControlRequest, HubError, readBody, sendJson } from '@interline/hub';
import type { SimulatorHandle } from '@interline/hub';
import { mediaType, parseMediaType } from '../protocol/media-type';
import { MEDIA_TYPE } from '../vocabulary';
import type { SimAnswer, SimRequest } from './answers';
import { failure } from './answers';
import { SIMULATOR_NOTIFICATION_TOKEN } from './credentials';
import { EventRoutes } from './event-routes';
import { Notifier } from './notifier';
import { ObjectRoutes } from './object-routes';
import { render } from './render';
import { defaultSettings, mergeSettings } from './settings';
import type { SimulatorSettings } from './settings';
import { OneRecordStore } from './store';
import { TokenIssuer } from './tokens';

export interface OneRecordSimulatorHandle extends SimulatorHandle {
  faults: FaultPlan;
  store: OneRecordStore;
  notifier: Notifier;
  settings: SimulatorSettings;
  tokens: TokenIssuer;
  inspect(): Record<string, unknown>;
}

export async function startOneRecordSimulator(options: { host?: string; port?: number } = {}): Promise<OneRecordSimulatorHandle> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      const status = error instanceof HubError && !error.retryable ? 400 : 500;
      if (!response.headersSent) sendJson(response, status, { '@type': 'api:Error', 'api:hasTitle': 'Request failed', 'api:hasErrorDetail': [{ 'api:hasMessage': error instanceof Error ? error.message : String(error) }] }, { 'content-type': MEDIA_TYPE });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`;
  const settings = defaultSettings(SIMULATOR_NOTIFICATION_TOKEN);
  const embeddedPrefix = () => (settings.neOneStyle ? 'neone:' : 'internal:');
  const store = new OneRecordStore(`${baseUrl}/`, embeddedPrefix);
  store.seed();
  const notifier = new Notifier(store, () => settings);
  const objects = new ObjectRoutes(store, () => settings, notifier, embeddedPrefix);
  const events = new EventRoutes(store, () => settings, notifier, objects);
  const tokens = new TokenIssuer(baseUrl, store.dataHolder);
  const faults = new FaultPlan();
  const inspect = () => ({ ...store.inspect(), notifications: notifier.deliveries, tokensIssued: tokens.issued, settings });
  const control = { faults, inspect, reset: () => { store.reset(); notifier.deliveries.length = 0; Object.assign(settings, defaultSettings(SIMULATOR_NOTIFICATION_TOKEN)); } };

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', baseUrl);
    const method = (request.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith('/__sim/onerecord/')) return simulatorSwitch(url.pathname, method, request, response);
    if (await handleControlRequest(control, request, response)) return;
    const body = await readBody(request, 2 * 1024 * 1024);
    if (url.pathname === '/oauth/token' && method === 'POST') {
      if (await faulted('token', 'before', response)) return;
      const answer = tokens.answer(header(request, 'authorization'), new URLSearchParams(body.toString('utf8')), settings.tokenTtlSeconds);
      return sendJson(response, answer.status, answer.body, { 'cache-control': 'no-store' });
    }
    const route = routeOf(method, url.pathname, baseUrl);
    if (route === undefined) return send(response, failure(404, 'Not found', `no ONE Record endpoint ${method} ${url.pathname}`), undefined);
    if (await faulted(route.operation, 'before', response)) return;
    const version = negotiate(request);
    if (typeof version !== 'string' && version !== undefined) return send(response, version, undefined);
    const authorization = header(request, 'authorization');
    const token = authorization?.replace(/^bearer\s+/i, '');
    if (token === undefined || token === authorization) {
      return send(response, { ...failure(401, 'Not authenticated', 'send "Authorization: Bearer <token>" from the token endpoint /oauth/token'), headers: { 'www-authenticate': 'Bearer realm="onerecord-simulator"' } }, version);
    }
    const problem = tokens.problem(token);
    if (problem !== undefined) return send(response, { ...failure(401, 'Invalid token', problem), headers: { 'www-authenticate': `Bearer realm="onerecord-simulator", error="invalid_token", error_description="${problem}"` } }, version);
    let json: unknown;
    if ((method === 'POST' || method === 'PATCH') && route.operation !== 'action-request') {
      try {
        json = JSON.parse(body.toString('utf8')) as unknown;
      } catch {
        return send(response, failure(400, 'Invalid JSON', 'the body is not valid JSON'), version);
      }
    }
    const simRequest: SimRequest = { method, url, headers: request.headers, body, agent: store.dataHolder };
    const answer = await dispatch(route, simRequest, json);
    // After the effect: the answer is lost or replaced while what was done stays done.
    if (await faulted(route.operation, 'after', response)) return;
    return send(response, answer, version);
  }

  async function dispatch(route: Route, request: SimRequest, json: unknown): Promise<SimAnswer> {
    switch (route.operation) {
      case 'server-information': return events.serverInformation();
      case 'create-logistics-object': return objects.create(request, json);
      case 'get-logistics-object': return objects.get(request, route.object as string);
      case 'change-logistics-object': return objects.change(request, route.object as string, json);
      case 'audit-trail': return objects.auditTrail(request, route.object as string);
      case 'post-logistics-event': return events.post(request, route.object as string, json);
      case 'list-logistics-events': return events.list(request, route.object as string);
      case 'get-logistics-event': return events.get(route.object as string);
      case 'subscribe': return events.subscribe(request, json);
      case 'action-request': return request.method === 'GET' ? events.actionRequest(route.object as string) : events.decide(route.object as string, request.url.searchParams.get('status'), request.method);
    }
  }

  async function send(response: ServerResponse, answer: SimAnswer, version: string | undefined): Promise<void> {
    const contentType = settings.neOneStyle ? MEDIA_TYPE : mediaType(version ?? settings.apiVersions[settings.apiVersions.length - 1]);
    const headers = { 'content-language': 'en-US', ...answer.headers };
    if (answer.tree === undefined && answer.json === undefined) {
      response.writeHead(answer.status, headers);
      response.end();
      return;
    }
    const body = answer.tree !== undefined ? await render(answer.tree, { neOneStyle: settings.neOneStyle }) : answer.json;
    sendJson(response, answer.status, body, { ...headers, 'content-type': contentType });
  }

  /** The version asked for in Accept / Content-Type: a string, undefined for "any", or a 406/415 answer. */
  function negotiate(request: IncomingMessage): string | SimAnswer | undefined {
    const accept = parseMediaType(header(request, 'accept'))?.version;
    if (accept !== undefined && !settings.apiVersions.includes(accept)) return failure(406, 'API version not supported', `this server speaks ONE Record API ${settings.apiVersions.join(', ')}, not ${accept}`);
    const sent = parseMediaType(header(request, 'content-type'));
    if (sent?.version !== undefined && !settings.apiVersions.includes(sent.version)) return failure(415, 'API version not supported', `the body is in API version ${sent.version}; this server speaks ${settings.apiVersions.join(', ')}`);
    return accept ?? sent?.version;
  }

  async function faulted(operation: string, phase: 'before' | 'after', response: ServerResponse): Promise<boolean> {
    const fault = faults.take(operation, phase);
    if (fault === undefined) return false;
    const body = (title: string) => ({ '@context': { api: 'https://onerecord.iata.org/ns/api#' }, ...apiErrorCompact(title) });
    return applyHttpFault(fault, response, { transient: body('Service unavailable (simulated)'), permanent: body('Unprocessable request (simulated)'), auth: body('Not authenticated (simulated)') });
  }

  async function simulatorSwitch(path: string, method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const action = path.slice('/__sim/onerecord/'.length);
    const body = method === 'POST' ? (JSON.parse((await readBody(request)).toString('utf8') || '{}') as Record<string, unknown>) : {};
    if (action === 'settings' && method === 'GET') return sendJson(response, 200, settings);
    if (action === 'settings' && method === 'POST') {
      const merged = mergeSettings(settings, body);
      if (typeof merged === 'string') return sendJson(response, 400, { error: merged });
      Object.assign(settings, merged);
      return sendJson(response, 200, settings);
    }
    if (action === 'revoke-tokens' && method === 'POST') {
      tokens.revokeAll();
      return sendJson(response, 200, { revoked: true });
    }
    if (action === 'notifications/settle' && method === 'POST') {
      await notifier.settle();
      return sendJson(response, 200, { deliveries: notifier.deliveries });
    }
    sendJson(response, 404, { error: `no simulator switch ${method} ${path}; use GET/POST /__sim/onerecord/settings, POST /__sim/onerecord/revoke-tokens, POST /__sim/onerecord/notifications/settle` });
  }

  return {
    baseUrl,
    faults,
    store,
    notifier,
    settings,
    tokens,
    inspect,
    stop: async () => {
      await notifier.settle();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

interface Route {
  operation: 'server-information' | 'create-logistics-object' | 'get-logistics-object' | 'change-logistics-object' | 'audit-trail' | 'post-logistics-event' | 'list-logistics-events' | 'get-logistics-event' | 'subscribe' | 'action-request';
  object?: string;
}

/** Map a request onto the API call it is (also the fault-plan operation name). */
function routeOf(method: string, path: string, baseUrl: string): Route | undefined {
  const object = (id: string) => `${baseUrl}/logistics-objects/${id}`;
  if (path === '/' && method === 'GET') return { operation: 'server-information' };
  if (path === '/logistics-objects' && method === 'POST') return { operation: 'create-logistics-object' };
  if (path === '/subscriptions' && method === 'POST') return { operation: 'subscribe' };
  const action = /^\/action-requests\/([A-Za-z0-9._~-]+)$/.exec(path);
  if (action && ['GET', 'PATCH', 'DELETE'].includes(method)) return { operation: 'action-request', object: `${baseUrl}/action-requests/${action[1]}` };
  const match = /^\/logistics-objects\/([A-Za-z0-9._~-]+)(?:\/(audit-trail|logistics-events)(?:\/([A-Za-z0-9._~-]+))?)?$/.exec(path);
  if (!match) return undefined;
  const [, id = '', sub, eventId] = match;
  if (sub === undefined) return method === 'GET' ? { operation: 'get-logistics-object', object: object(id) } : method === 'PATCH' ? { operation: 'change-logistics-object', object: object(id) } : undefined;
  if (sub === 'audit-trail') return method === 'GET' ? { operation: 'audit-trail', object: object(id) } : undefined;
  if (eventId !== undefined) return method === 'GET' ? { operation: 'get-logistics-event', object: `${object(id)}/logistics-events/${eventId}` } : undefined;
  return method === 'POST' ? { operation: 'post-logistics-event', object: object(id) } : method === 'GET' ? { operation: 'list-logistics-events', object: object(id) } : undefined;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function apiErrorCompact(title: string): Record<string, unknown> {
  return { '@type': 'api:Error', 'api:hasTitle': title, 'api:hasErrorDetail': [{ '@type': 'api:ErrorDetail', 'api:hasMessage': `${title}: injected by the simulator's fault plan` }] };
}

