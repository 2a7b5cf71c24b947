// A stand-in for the hub's admin API (hub/src/admin/admin-routes.ts + ops-server.ts) over real
// HTTP with in-memory data: the server side of the wire contract the CLI is written against.
// It keeps the contract's status codes, problem+json bodies, role checks and limits, and records
// every request so tests can see what reached the server and when.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deadLettersOf, lineage, problem, readBody, send, sendProblem } from './fake-admin-views';
import { can, rolesGranting } from '@interline/hub';
import type { Permission } from '@interline/hub';
import type {
  ConnectorDescription,
  ConnectorSummary,
  DiscardResult,
  EventTypeInfo,
  HealthResult,
  MessageDetail,
  Problem,
  ReplayResult,
  Role,
} from '../../src/api/types';

// Authorization uses the hub's own role grants, so the stand-in cannot drift from the real API.
export interface FakePrincipal {
  subject: string;
  roles: Role[];
  tenant: string;
}

export const ADMIN_TOKEN = 'admin-token';
export const SUPPORT_TOKEN = 'support-token';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: unknown;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface FakeState {
  messages: Map<string, MessageDetail>;
  connectors: Array<Omit<ConnectorSummary, 'health'> & { health: HealthResult; description?: Partial<ConnectorDescription> }>;
  eventTypes: EventTypeInfo[];
  /** Event type → route ids an accepted message is delivered on. */
  routes: Record<string, string[]>;
  tokens: Record<string, FakePrincipal>;
}

export interface Fault {
  method: string;
  path: string;
  status: number;
  /** How many requests fail; then the endpoint works again. */
  times: number;
}

export interface FakeAdminApi {
  url: string;
  state: FakeState;
  requests: RecordedRequest[];
  /** Make the next `times` requests to method+path answer `status` with a problem body. */
  fail(fault: Fault): void;
  requestsTo(method: string, path: string): RecordedRequest[];
  close(): Promise<void>;
}

const MAX_BATCH = 500;
const EVENT_TYPE = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
const INGRESS_ROUTE = '$ingress';

export async function startFakeAdminApi(seed: Partial<FakeState> = {}): Promise<FakeAdminApi> {
  const state: FakeState = {
    messages: seed.messages ?? new Map(),
    connectors: seed.connectors ?? [],
    eventTypes: seed.eventTypes ?? [],
    routes: seed.routes ?? {},
    tokens: seed.tokens ?? {
      [ADMIN_TOKEN]: { subject: 'admin@test', roles: ['admin'], tenant: '*' },
      [SUPPORT_TOKEN]: { subject: 'support@test', roles: ['support'], tenant: '*' },
    },
  };
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  let auditId = 1000;
  let transitionId = 1000;

  const authorize = (req: IncomingMessage, res: ServerResponse, permission: Permission): FakePrincipal | undefined => {
    const header = req.headers.authorization;
    if (!header?.startsWith('Bearer ')) {
      sendProblem(res, problem(401, 'Unauthorized', 'missing bearer token: send Authorization: Bearer <token> (interline token issue --role support)'), { 'www-authenticate': 'Bearer' });
      return undefined;
    }
    const principal = state.tokens[header.slice('Bearer '.length).trim()];
    if (!principal) {
      sendProblem(res, problem(401, 'Unauthorized', 'token signature is not valid for this hub'), { 'www-authenticate': 'Bearer error="invalid_token"' });
      return undefined;
    }
    if (!can(principal, permission)) {
      const granting = rolesGranting(permission);
      sendProblem(res, problem(403, 'Forbidden', `${principal.subject} (roles: ${principal.roles.join(', ')}) may not ${permission.replace(':', ' ')}; this needs role ${granting.join(' or ')}`));
      return undefined;
    }
    return principal;
  };

  const visible = (principal: FakePrincipal, id: string): MessageDetail | undefined => {
    const detail = state.messages.get(id);
    return detail && (principal.tenant === '*' || principal.tenant === detail.message.tenant) ? detail : undefined;
  };

  const idList = (body: unknown): string[] | string => {
    const ids = (body as { ids?: unknown } | null)?.ids;
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) return 'body.ids must be a non-empty array of message ids';
    if (ids.length > MAX_BATCH) return `body.ids has ${ids.length} ids; send at most ${MAX_BATCH} per request`;
    return ids as string[];
  };

  const now = (): string => new Date().toISOString();

  const replay = (detail: MessageDetail, options: { actor: string; reason?: string; patch?: unknown[]; dryRun: boolean }): ReplayResult => {
    const messageId = detail.message.id;
    const dead = detail.deliveries.filter((d) => d.status === 'dead');
    if (dead.length === 0) {
      return { messageId, replayed: [], skipped: [], error: `message '${messageId}' has no dead deliveries (statuses: ${detail.deliveries.map((d) => `${d.routeId}=${d.status}`).join(', ') || 'none'})` };
    }
    const routes = dead.map((d) => d.routeId).filter((r) => r !== INGRESS_ROUTE);
    const skipped = detail.deliveries.filter((d) => d.status !== 'dead').map((d) => ({ routeId: d.routeId, why: `already ${d.status}` }));
    if (options.dryRun) return { messageId, replayed: routes, skipped };
    const at = now();
    if (options.patch) {
      detail.revisions.push({ revision: detail.revisions.length + 1, envelope: detail.message.envelope, raw: detail.message.raw, patch: options.patch, actor: options.actor, reason: options.reason ?? null, at });
    }
    for (const d of dead) {
      d.status = d.routeId === INGRESS_ROUTE ? 'replayed' : 'pending';
      d.updatedAt = at;
      detail.transitions.push({ id: transitionId++, messageId, routeId: d.routeId, state: 'replayed', at, attempt: null, error: null, detail: { actor: options.actor } });
    }
    detail.audit.push({ id: auditId++, at, actor: options.actor, action: 'replay', messageId, routeId: null, reason: options.reason ?? null, detail: { routes, edited: Boolean(options.patch) } });
    return { messageId, replayed: routes, skipped };
  };

  const discard = (detail: MessageDetail, actor: string, reason: string): DiscardResult => {
    const messageId = detail.message.id;
    const dead = detail.deliveries.filter((d) => d.status === 'dead');
    if (dead.length === 0) return { messageId, discarded: [], error: `message '${messageId}' has no dead deliveries to discard` };
    const at = now();
    for (const d of dead) {
      d.status = 'discarded';
      d.updatedAt = at;
    }
    detail.audit.push({ id: auditId++, at, actor, action: 'discard', messageId, routeId: null, reason, detail: { routes: dead.map((d) => d.routeId) } });
    return { messageId, discarded: dead.map((d) => d.routeId) };
  };

  const ingest = (body: unknown): { status: number; body: unknown } => {
    const reject = (errorClass: string, message: string, envelope: Record<string, unknown> | null) => {
      const id = randomUUID();
      const at = now();
      state.messages.set(id, {
        message: { id, type: null, source: null, subject: null, tenant: 'default', correlationId: null, causationId: null, partitionKey: null, envelope: null, raw: JSON.stringify(envelope ?? body), receivedAt: at, updatedAt: at },
        deliveries: [{ messageId: id, routeId: INGRESS_ROUTE, connector: null, status: 'dead', attempts: 0, nextAttemptAt: null, lastError: { errorClass: errorClass as never, message, step: 'ingress' }, createdAt: at, updatedAt: at }],
        transitions: [{ id: transitionId++, messageId: id, routeId: INGRESS_ROUTE, state: 'dead', at, attempt: null, error: { errorClass: errorClass as never, message, step: 'ingress' }, detail: null }],
        revisions: [],
        audit: [],
      });
      return { status: 400, body: problem(400, 'Bad Request', `${message} — journaled as dead letter ${id}`, { messageId: id, errorClass }) };
    };
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return reject('malformed', 'the message is not a JSON object', null);
    const e = body as Record<string, unknown>;
    if (e.specversion !== '1.0') return reject('malformed', "envelope: specversion must be '1.0'", e);
    if (typeof e.id !== 'string' || !e.id) return reject('malformed', 'envelope: id is required', e);
    if (typeof e.source !== 'string' || !e.source) return reject('malformed', 'envelope: source is required', e);
    if (typeof e.type !== 'string' || !EVENT_TYPE.test(e.type)) return reject('malformed', `envelope: type must match ${EVENT_TYPE.source}`, e);
    if (!state.eventTypes.some((t) => t.type === e.type)) return reject('unknown-type', `unknown event type '${e.type}'; see the event catalog (interline events list)`, e);
    if (state.messages.has(e.id)) return { status: 202, body: { status: 'duplicate', id: e.id } };
    const routes = state.routes[e.type] ?? [];
    const at = now();
    const envelope = { ...e, time: e.time ?? at, tenant: e.tenant ?? 'default', correlationid: e.correlationid ?? e.id };
    state.messages.set(e.id, {
      message: {
        id: e.id,
        type: e.type,
        source: e.source,
        subject: typeof e.subject === 'string' ? e.subject : null,
        tenant: typeof e.tenant === 'string' ? e.tenant : 'default',
        correlationId: String(envelope.correlationid),
        causationId: null,
        partitionKey: typeof e.partitionkey === 'string' ? e.partitionkey : null,
        envelope: envelope as never,
        raw: null,
        receivedAt: at,
        updatedAt: at,
      },
      deliveries: routes.map((routeId) => ({ messageId: String(e.id), routeId, connector: null, status: 'pending' as const, attempts: 0, nextAttemptAt: null, lastError: null, createdAt: at, updatedAt: at })),
      transitions: [{ id: transitionId++, messageId: e.id, routeId: null, state: 'received', at, attempt: null, error: null, detail: null }],
      revisions: [],
      audit: [],
    });
    return { status: 202, body: { status: 'accepted', id: e.id, routes } };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const text = await readBody(req);
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch (error) {
        return sendProblem(res, problem(400, 'Bad Request', `Body is not valid JSON: ${(error as Error).message}`, { instance: url.pathname }));
      }
    }
    requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), authorization: req.headers.authorization, body, at: Date.now() });

    const fault = faults.find((f) => f.method === method && f.path === url.pathname && f.times > 0);
    if (fault) {
      fault.times--;
      return sendProblem(res, problem(fault.status, fault.status >= 500 ? 'Internal Server Error' : 'Bad Request', 'the hub failed to handle this request; see its log'));
    }

    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const route = `${method} /${parts.map((p, i) => (i >= 3 && !['trace', 'health', 'replay', 'discard'].includes(p) ? ':x' : p)).join('/')}`;
    const id = parts[3] ?? '';

    switch (route) {
      case 'GET /healthz':
        return send(res, 200, { status: 'ok' });

      case 'GET /v1/admin/dead-letters': {
        const principal = authorize(req, res, 'dead-letters:read');
        if (!principal) return;
        const q = Object.fromEntries(url.searchParams);
        for (const key of ['since', 'until'] as const) {
          if (q[key] !== undefined && Number.isNaN(Date.parse(q[key]))) {
            return sendProblem(res, problem(400, 'Bad Request', `query '${key}' is not an ISO 8601 time: '${q[key]}'`, { errors: [{ path: key, message: 'must be an ISO 8601 time' }] }));
          }
        }
        for (const key of ['limit', 'offset'] as const) {
          if (q[key] !== undefined && !/^\d+$/.test(q[key])) {
            return sendProblem(res, problem(400, 'Bad Request', `query '${key}' must be a whole number`, { errors: [{ path: key, message: 'must be a whole number' }] }));
          }
        }
        const text = q.q?.toLowerCase();
        const all = [...state.messages.values()]
          .filter((d) => principal.tenant === '*' || d.message.tenant === principal.tenant)
          .flatMap((d) => deadLettersOf(d).map((dl) => ({ dl, d })))
          .filter(({ dl, d }) => {
            if (q.route && dl.routeId !== q.route) return false;
            if (q.connector && dl.connector !== q.connector) return false;
            if (q.type && dl.type !== q.type) return false;
            if (q.errorClass && dl.error?.errorClass !== q.errorClass) return false;
            if (q.since && Date.parse(dl.deadAt) < Date.parse(q.since)) return false;
            if (q.until && Date.parse(dl.deadAt) >= Date.parse(q.until)) return false;
            if (text) {
              const haystack = [dl.error?.message ?? '', JSON.stringify(d.message.envelope ?? ''), d.message.raw ?? '', dl.messageId].join('\n').toLowerCase();
              if (!haystack.includes(text)) return false;
            }
            return true;
          })
          .map(({ dl }) => dl)
          .sort((a, b) => b.deadAt.localeCompare(a.deadAt) || a.messageId.localeCompare(b.messageId));
        const limit = Math.min(Math.max(Number(q.limit ?? 50), 1), 1000);
        const offset = Math.max(Number(q.offset ?? 0), 0);
        return send(res, 200, { items: all.slice(offset, offset + limit), total: all.length });
      }

      case 'GET /v1/admin/dead-letters/:x':
      case 'GET /v1/admin/messages/:x': {
        const principal = authorize(req, res, parts[2] === 'messages' ? 'messages:read' : 'dead-letters:read');
        if (!principal) return;
        const detail = visible(principal, id);
        if (!detail) {
          const hint = parts[2] === 'messages' ? '' : '; list dead letters with `interline dlq list`';
          return sendProblem(res, problem(404, 'Not Found', `no message '${id}' in the journal${hint}`));
        }
        return send(res, 200, detail);
      }

      case 'GET /v1/admin/messages/:x/trace': {
        const principal = authorize(req, res, 'messages:read');
        if (!principal) return;
        const tree = visible(principal, id) ? lineage(state, id) : undefined;
        if (!tree) return sendProblem(res, problem(404, 'Not Found', `no message '${id}' in the journal`));
        return send(res, 200, tree);
      }

      case 'POST /v1/admin/dead-letters/replay': {
        const principal = authorize(req, res, 'dead-letters:replay');
        if (!principal) return;
        const ids = idList(body);
        if (typeof ids === 'string') return sendProblem(res, problem(400, 'Bad Request', ids, { errors: [{ path: '/ids', message: ids }] }));
        const b = body as { patch?: unknown; reason?: unknown; dryRun?: unknown };
        if (b.patch !== undefined && (!Array.isArray(b.patch) || ids.length !== 1)) {
          return sendProblem(res, problem(400, 'Bad Request', 'patch must be a JSON Patch array and goes with exactly one id', { errors: [{ path: '/patch', message: 'must be an array, with one id' }] }));
        }
        const results = ids.map((mid) => {
          const detail = visible(principal, mid);
          if (!detail) return { messageId: mid, replayed: [], skipped: [], error: `no message '${mid}' in the journal` };
          const options: { actor: string; reason?: string; patch?: unknown[]; dryRun: boolean } = { actor: principal.subject, dryRun: b.dryRun === true };
          if (typeof b.reason === 'string') options.reason = b.reason;
          if (Array.isArray(b.patch)) options.patch = b.patch;
          return replay(detail, options);
        });
        return send(res, 200, { results });
      }

      case 'POST /v1/admin/dead-letters/discard': {
        const principal = authorize(req, res, 'dead-letters:discard');
        if (!principal) return;
        const ids = idList(body);
        if (typeof ids === 'string') return sendProblem(res, problem(400, 'Bad Request', ids, { errors: [{ path: '/ids', message: ids }] }));
        const reason = (body as { reason?: unknown }).reason;
        if (typeof reason !== 'string' || !reason.trim()) {
          return sendProblem(res, problem(400, 'Bad Request', 'a reason is required to discard dead letters', { errors: [{ path: '/reason', message: 'is required' }] }));
        }
        const results = ids.map((mid) => {
          const detail = visible(principal, mid);
          return detail ? discard(detail, principal.subject, reason) : { messageId: mid, discarded: [], error: `no message '${mid}' in the journal` };
        });
        return send(res, 200, { results });
      }

      case 'POST /v1/admin/messages': {
        const principal = authorize(req, res, 'messages:send');
        if (!principal) return;
        const answer = ingest(body);
        return answer.status === 202 ? send(res, 202, answer.body) : sendProblem(res, answer.body as Problem);
      }

      case 'GET /v1/admin/connectors': {
        if (!authorize(req, res, 'connectors:read')) return;
        return send(res, 200, { items: state.connectors.map(({ description: _d, ...summary }) => summary) });
      }

      case 'GET /v1/admin/connectors/:x': {
        if (!authorize(req, res, 'connectors:read')) return;
        const c = state.connectors.find((x) => x.name === id);
        if (!c) return sendProblem(res, problem(404, 'Not Found', `no connector '${id}' (have: ${state.connectors.map((x) => x.name).join(', ') || 'none'})`));
        const description: ConnectorDescription = {
          name: c.name,
          id: c.id,
          version: c.version,
          summary: c.summary,
          config: {},
          configSchema: { type: 'object', properties: {} },
          operations: {},
          sources: {},
          simulator: c.simulator,
          circuit: c.circuit,
          ...c.description,
        };
        return send(res, 200, description);
      }

      case 'GET /v1/admin/connectors/:x/health': {
        if (!authorize(req, res, 'connectors:read')) return;
        const c = state.connectors.find((x) => x.name === id);
        if (!c) return sendProblem(res, problem(404, 'Not Found', `no connector '${id}'`));
        return send(res, 200, c.health);
      }

      case 'GET /v1/admin/event-types': {
        if (!authorize(req, res, 'messages:read')) return;
        return send(res, 200, { items: state.eventTypes });
      }

      default:
        return sendProblem(res, problem(404, 'Not Found', `no endpoint ${method} ${url.pathname}; see the admin API in docs/admin-api.md`));
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      sendProblem(res, problem(500, 'Internal Server Error', `fake admin API failed: ${(error as Error).message}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    requests,
    fail: (fault) => void faults.push({ ...fault }),
    requestsTo: (method, path) => requests.filter((r) => r.method === method && r.path === path),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
