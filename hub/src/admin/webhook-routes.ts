// Webhook sources: /webhooks/<connector>/<source> hands the raw request to the connector, which
// verifies it before anything else and emits canonical events through the hub's ingress.
import type { FastifyInstance } from 'fastify';
import type { Hub } from '../runtime/hub';
import { problem, sendProblem } from './problem';

export function registerWebhookRoutes(app: FastifyInstance, hub: Hub): void {
  app.register(async (scope) => {
    // Signatures are computed over the exact bytes: keep the body raw for these routes only.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      url: '/webhooks/:connector/:source',
      handler: async (request, reply) => {
        const { connector, source } = request.params as { connector: string; source: string };
        const instance = hub.connectors.get(connector);
        const definition = instance?.definition.sources?.[source];
        if (!instance || !definition || definition.kind !== 'webhook') {
          return sendProblem(reply, problem(404, 'Not Found', `no webhook source '${source}' on connector '${connector}'`));
        }
        const methods = definition.methods ?? ['POST'];
        if (!(methods as readonly string[]).includes(request.method)) {
          reply.header('allow', methods.join(', '));
          return sendProblem(reply, problem(405, 'Method Not Allowed', `webhook source '${connector}/${source}' takes ${methods.join(' or ')}, not ${request.method}`));
        }
        const response = await definition.handle(
          instance.client,
          { method: request.method, path: request.url, headers: request.headers, rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0) },
          { ...instance.context, emit: hub.emitterFor(connector) },
        );
        for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
        return reply.code(response.status).send(response.body ?? '');
      },
    });
  });
}
