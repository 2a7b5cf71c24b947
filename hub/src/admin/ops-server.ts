// The ops HTTP server: health, readiness, Prometheus metrics, webhook sources, and the admin API
// the CLI uses (dead letters, messages, connectors), behind bearer tokens with roles.
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Hub } from '../runtime/hub';
import { AuthenticationError, can, rolesGranting } from '../auth';
import type { Permission, Principal, TokenVerifier } from '../auth';
import { problem, sendProblem } from './problem';
import { registerAdminRoutes } from './admin-routes';
import { registerWebhookRoutes } from './webhook-routes';

export interface OpsServerOptions {
  hub: Hub;
  verifier: TokenVerifier;
  bodyLimitBytes: number;
  /** Extra readiness checks (cache, broker) beyond the journal and transport. */
  readiness?: Array<{ name: string; check: () => Promise<void> }>;
  eventTypes: () => Array<{ type: string; object: string; summary: string }>;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export type Authorize = (request: FastifyRequest, reply: FastifyReply, permission: Permission) => Promise<Principal | undefined>;

export async function buildOpsServer(options: OpsServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: options.bodyLimitBytes });
  const { hub } = options;

  app.setErrorHandler((error: { statusCode?: number; message: string; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) hub.logger.error({ err: error, url: request.url }, 'ops server error');
    const title = status === 413 ? 'Payload Too Large' : status === 415 ? 'Unsupported Media Type' : status >= 500 ? 'Internal Server Error' : 'Bad Request';
    const detail = status === 413 ? `request body is larger than the limit of ${options.bodyLimitBytes} bytes (server.bodyLimitBytes)` : status >= 500 ? 'the hub failed to handle this request; see its log' : error.message;
    return sendProblem(reply, problem(status, title, detail, { instance: request.url }));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'Not Found', `no endpoint ${request.method} ${request.url.split('?')[0]}; see the admin API in docs/admin-api.md`)),
  );

  const authorize: Authorize = async (request, reply, permission) => {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) {
      await sendProblem(reply.header('www-authenticate', 'Bearer'), problem(401, 'Unauthorized', 'missing bearer token: send Authorization: Bearer <token> (interline token issue --role support)'));
      return undefined;
    }
    let principal: Principal;
    try {
      principal = await options.verifier.verify(header.slice('Bearer '.length).trim());
    } catch (error) {
      const detail = error instanceof AuthenticationError ? error.message : 'token could not be verified';
      await sendProblem(reply.header('www-authenticate', 'Bearer error="invalid_token"'), problem(401, 'Unauthorized', detail));
      return undefined;
    }
    if (!can(principal, permission)) {
      await sendProblem(reply, problem(403, 'Forbidden', `${principal.subject} (roles: ${principal.roles.join(', ')}) may not ${permission.replace(':', ' ')}; this needs role ${rolesGranting(permission).join(' or ')}`));
      return undefined;
    }
    request.principal = principal;
    return principal;
  };

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const checks: Record<string, string> = {};
    let ready = true;
    const run = async (name: string, check: () => Promise<unknown>): Promise<void> => {
      try {
        await check();
        checks[name] = 'ok';
      } catch (error) {
        ready = false;
        checks[name] = error instanceof Error ? error.message : String(error);
      }
    };
    await run('journal', () => hub.journal.sql.query('SELECT 1'));
    for (const extra of options.readiness ?? []) await run(extra.name, extra.check);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', async (_request, reply) => reply.type('text/plain; version=0.0.4').send(await hub.metrics.render()));

  registerAdminRoutes(app, { hub, authorize, eventTypes: options.eventTypes });
  registerWebhookRoutes(app, hub);
  return app;
}
