// Liveness, readiness and metrics for orchestrators and Prometheus; no token needed.
import { Controller, Inject, Res } from '@nestjs/common';
import { Type } from '@sinclair/typebox';
import { Endpoint } from '../http/endpoint';
import type { PortalReply, SendingReply } from '../http/request-context';
import { PORTAL } from '../portal-token';
import type { Portal } from '../portal';
import { named } from '../schemas/named-schemas';

const HealthSchema = named('Health', Type.Object({ status: Type.Literal('ok') }, { additionalProperties: false, description: 'The process is up.' }));

const ReadinessSchema = named(
  'Readiness',
  Type.Object(
    {
      status: Type.Unsafe<'ready' | 'not ready'>({ type: 'string', enum: ['ready', 'not ready'] }),
      checks: Type.Record(Type.String(), Type.String(), { description: 'Each dependency: "ok" or what is wrong with it.' }),
    },
    { additionalProperties: false, description: 'Whether the portal can serve: journal database, transport (outbox reaching the hub), cache.' },
  ),
);

@Controller()
export class HealthController {
  constructor(@Inject(PORTAL) private readonly portal: Portal) {}

  @Endpoint({ method: 'GET', path: '/healthz', operationId: 'health', summary: 'Liveness: the process is up.', tag: 'operations', roles: 'public', responses: { 200: { description: 'Up.', schema: HealthSchema } } })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Endpoint({
    method: 'GET',
    path: '/readyz',
    operationId: 'readiness',
    summary: 'Readiness: journal, transport and cache reachable.',
    tag: 'operations',
    roles: 'public',
    responses: { 200: { description: 'Ready.', schema: ReadinessSchema }, 503: { description: 'Not ready; checks say which dependency fails.', schema: ReadinessSchema } },
  })
  async readiness(@Res() reply: SendingReply): Promise<void> {
    const checks = await this.portal.readiness();
    const ready = Object.values(checks).every((value) => value === 'ok');
    // Sent directly: a passthrough reply would get the declared 200 after the handler returns.
    reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  }

  @Endpoint({ method: 'GET', path: '/metrics', operationId: 'metrics', summary: 'Prometheus metrics.', tag: 'operations', roles: 'public', responses: { 200: { description: 'Prometheus text format.', mediaType: 'text/plain' } } })
  async metrics(@Res({ passthrough: true }) reply: PortalReply): Promise<string> {
    reply.type('text/plain; version=0.0.4; charset=utf-8');
    return this.portal.metrics.render();
  }
}
