// The admin API: dead letters (list, show, replay, discard), messages (show, trace, send),
// connectors (list, describe, health) and the event catalog. Paths are under /v1/admin.
import type { FastifyInstance } from 'fastify';
import type { Hub } from '../runtime/hub';
import type { Authorize } from './ops-server';
import { problem, sendProblem } from './problem';
import { listDeadLetters, listMessages, messageDetail, messageLineage, parseMessageCursor, typePatternRegex } from '../journal';
import type { DeadLetterFilter, DeliveryStatus, MessageRecord, MessageSearch } from '../journal';
import type { Principal } from '../auth';

interface AdminDeps {
  hub: Hub;
  authorize: Authorize;
  eventTypes: () => Array<{ type: string; object: string; summary: string }>;
}

const MAX_BATCH = 500;
const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'retrying', 'delivered', 'filtered', 'dead', 'discarded', 'replayed'];

function visible(principal: Principal, message: MessageRecord): boolean {
  return principal.tenant === '*' || principal.tenant === message.tenant;
}

function filterFrom(query: Record<string, string | undefined>, principal: Principal): DeadLetterFilter {
  const filter: DeadLetterFilter = {};
  if (query.route) filter.route = query.route;
  if (query.connector) filter.connector = query.connector;
  if (query.type) filter.type = query.type;
  if (query.errorClass) filter.errorClass = query.errorClass;
  if (query.since) filter.since = query.since;
  if (query.until) filter.until = query.until;
  if (query.q) filter.text = query.q;
  if (query.limit) filter.limit = Number(query.limit);
  if (query.offset) filter.offset = Number(query.offset);
  if (principal.tenant !== '*') filter.tenant = principal.tenant;
  return filter;
}

function badTime(value: string | undefined): boolean {
  return value !== undefined && Number.isNaN(Date.parse(value));
}

function idList(body: unknown): string[] | string {
  const ids = (body as { ids?: unknown } | null)?.ids;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) return 'body.ids must be a non-empty array of message ids';
  if (ids.length > MAX_BATCH) return `body.ids has ${ids.length} ids; send at most ${MAX_BATCH} per request`;
  return ids as string[];
}

export function registerAdminRoutes(app: FastifyInstance, { hub, authorize, eventTypes }: AdminDeps): void {
  app.get('/v1/admin/dead-letters', async (request, reply) => {
    const principal = await authorize(request, reply, 'dead-letters:read');
    if (!principal) return reply;
    const query = request.query as Record<string, string | undefined>;
    for (const key of ['since', 'until'] as const) {
      if (badTime(query[key])) return sendProblem(reply, problem(400, 'Bad Request', `query '${key}' is not an ISO 8601 time: '${query[key]}'`, { errors: [{ path: key, message: 'must be an ISO 8601 time' }] }));
    }
    for (const key of ['limit', 'offset'] as const) {
      if (query[key] !== undefined && !/^\d+$/.test(query[key] ?? '')) return sendProblem(reply, problem(400, 'Bad Request', `query '${key}' must be a whole number`, { errors: [{ path: key, message: 'must be a whole number' }] }));
    }
    return listDeadLetters(hub.journal.sql, filterFrom(query, principal));
  });

  app.get('/v1/admin/messages', async (request, reply) => {
    const principal = await authorize(request, reply, 'messages:read');
    if (!principal) return reply;
    const query = request.query as Record<string, string | undefined>;
    const bad = (path: string, message: string) => sendProblem(reply, problem(400, 'Bad Request', `query '${path}' ${message}`, { errors: [{ path, message }] }));
    for (const key of ['since', 'until'] as const) if (badTime(query[key])) return bad(key, `is not an ISO 8601 time: '${query[key]}'`);
    if (query.limit !== undefined && !/^\d+$/.test(query.limit)) return bad('limit', 'must be a whole number');
    if (query.status !== undefined && !DELIVERY_STATUSES.includes(query.status as DeliveryStatus)) return bad('status', `must be one of ${DELIVERY_STATUSES.join(', ')}`);
    if (query.before !== undefined && !parseMessageCursor(query.before)) return bad('before', 'is not a cursor from a previous page (next)');
    if (query.type !== undefined) {
      try {
        typePatternRegex(query.type);
      } catch (error) {
        return bad('type', (error as Error).message);
      }
    }
    const search: MessageSearch = {};
    for (const key of ['type', 'source', 'subject', 'since', 'until', 'before'] as const) if (query[key]) search[key] = query[key];
    if (query.status) search.status = query.status as DeliveryStatus;
    if (query.limit) search.limit = Number(query.limit);
    // A tenant's principal sees its own tenant only, whatever it asks for.
    if (principal.tenant !== '*') search.tenant = principal.tenant;
    else if (query.tenant) search.tenant = query.tenant;
    return listMessages(hub.journal.sql, search);
  });

  const showMessage = async (id: string, principal: Principal) => {
    const detail = await messageDetail(hub.journal.sql, id);
    return detail && visible(principal, detail.message) ? detail : undefined;
  };

  app.get('/v1/admin/dead-letters/:id', async (request, reply) => {
    const principal = await authorize(request, reply, 'dead-letters:read');
    if (!principal) return reply;
    const { id } = request.params as { id: string };
    const detail = await showMessage(id, principal);
    if (!detail) return sendProblem(reply, problem(404, 'Not Found', `no message '${id}' in the journal; list dead letters with \`interline dlq list\``));
    return detail;
  });

  app.get('/v1/admin/messages/:id', async (request, reply) => {
    const principal = await authorize(request, reply, 'messages:read');
    if (!principal) return reply;
    const { id } = request.params as { id: string };
    const detail = await showMessage(id, principal);
    if (!detail) return sendProblem(reply, problem(404, 'Not Found', `no message '${id}' in the journal`));
    return detail;
  });

  app.get('/v1/admin/messages/:id/trace', async (request, reply) => {
    const principal = await authorize(request, reply, 'messages:read');
    if (!principal) return reply;
    const { id } = request.params as { id: string };
    const detail = await showMessage(id, principal);
    const lineage = detail ? await messageLineage(hub.journal.sql, id) : undefined;
    if (!lineage) return sendProblem(reply, problem(404, 'Not Found', `no message '${id}' in the journal`));
    return lineage;
  });

  app.post('/v1/admin/dead-letters/replay', async (request, reply) => {
    const principal = await authorize(request, reply, 'dead-letters:replay');
    if (!principal) return reply;
    const ids = idList(request.body);
    if (typeof ids === 'string') return sendProblem(reply, problem(400, 'Bad Request', ids, { errors: [{ path: '/ids', message: ids }] }));
    const body = request.body as { patch?: unknown; reason?: unknown; dryRun?: unknown };
    if (body.patch !== undefined && (!Array.isArray(body.patch) || ids.length !== 1)) {
      return sendProblem(reply, problem(400, 'Bad Request', 'patch must be a JSON Patch array and goes with exactly one id', { errors: [{ path: '/patch', message: 'must be an array, with one id' }] }));
    }
    const results = [];
    for (const id of ids) {
      const detail = await showMessage(id, principal);
      if (!detail) {
        results.push({ messageId: id, replayed: [], skipped: [], error: `no message '${id}' in the journal` });
        continue;
      }
      results.push(
        await hub.deadLetters.replay(id, {
          actor: principal.subject,
          reason: typeof body.reason === 'string' ? body.reason : undefined,
          patch: body.patch as unknown[] | undefined,
          dryRun: body.dryRun === true,
        }),
      );
    }
    return { results };
  });

  app.post('/v1/admin/dead-letters/discard', async (request, reply) => {
    const principal = await authorize(request, reply, 'dead-letters:discard');
    if (!principal) return reply;
    const ids = idList(request.body);
    if (typeof ids === 'string') return sendProblem(reply, problem(400, 'Bad Request', ids, { errors: [{ path: '/ids', message: ids }] }));
    const reason = (request.body as { reason?: unknown }).reason;
    if (typeof reason !== 'string' || !reason.trim()) {
      return sendProblem(reply, problem(400, 'Bad Request', 'a reason is required to discard dead letters', { errors: [{ path: '/reason', message: 'is required' }] }));
    }
    const results = [];
    for (const id of ids) {
      const detail = await showMessage(id, principal);
      results.push(detail ? await hub.deadLetters.discard(id, { actor: principal.subject, reason }) : { messageId: id, discarded: [], error: `no message '${id}' in the journal` });
    }
    return { results };
  });

  app.post('/v1/admin/messages', async (request, reply) => {
    const principal = await authorize(request, reply, 'messages:send');
    if (!principal) return reply;
    const result = await hub.ingress.submit(request.body);
    if (result.status === 'rejected') {
      return sendProblem(reply, problem(400, 'Bad Request', `${result.error.message} — journaled as dead letter ${result.id}`, { messageId: result.id, errorClass: result.error.errorClass }));
    }
    return reply.code(202).send(result);
  });

  app.get('/v1/admin/connectors', async (request, reply) => {
    const principal = await authorize(request, reply, 'connectors:read');
    if (!principal) return reply;
    const items = await Promise.all(
      hub.connectors.list().map(async (instance) => ({
        name: instance.name,
        id: instance.definition.id,
        version: instance.definition.version,
        summary: instance.definition.summary,
        health: await hub.connectors.health(instance.name),
        simulator: instance.simulator?.baseUrl ?? null,
        circuit: instance.breaker.current(),
      })),
    );
    return { items };
  });

  app.get('/v1/admin/connectors/:name', async (request, reply) => {
    const principal = await authorize(request, reply, 'connectors:read');
    if (!principal) return reply;
    const { name } = request.params as { name: string };
    const description = hub.connectors.describe(name);
    if (!description) return sendProblem(reply, problem(404, 'Not Found', `no connector '${name}' (have: ${hub.connectors.list().map((c) => c.name).join(', ') || 'none'})`));
    return description;
  });

  app.get('/v1/admin/connectors/:name/health', async (request, reply) => {
    const principal = await authorize(request, reply, 'connectors:read');
    if (!principal) return reply;
    const { name } = request.params as { name: string };
    if (!hub.connectors.get(name)) return sendProblem(reply, problem(404, 'Not Found', `no connector '${name}'`));
    return hub.connectors.health(name);
  });

  app.get('/v1/admin/event-types', async (request, reply) => {
    const principal = await authorize(request, reply, 'messages:read');
    if (!principal) return reply;
    return { items: eventTypes() };
  });
}
