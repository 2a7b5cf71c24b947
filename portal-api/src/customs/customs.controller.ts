// /v1/customs-declarations: submit a declaration and read its status with customs.
import { Controller, Inject, Req, Res } from '@nestjs/common';
import { Endpoint } from '../http/endpoint';
import { principalOf, writeTenant } from '../http/request-context';
import type { PortalReply, PortalRequest } from '../http/request-context';
import { PORTAL } from '../portal-token';
import type { Portal } from '../portal';
import { IdParams } from '../schemas/common';
import { CustomsCaseSchema, CustomsSubmissionSchema } from '../schemas/customs';
import type { CustomsCase, CustomsSubmission } from '../schemas/customs';

@Controller()
export class CustomsController {
  constructor(@Inject(PORTAL) private readonly portal: Portal) {}

  @Endpoint({
    method: 'POST',
    path: '/v1/customs-declarations',
    operationId: 'submitCustomsDeclaration',
    summary: 'Submit a customs declaration.',
    description: 'Stores the declaration and emits customs.declaration-submitted for the customs connector.',
    tag: 'customs',
    roles: ['customer', 'agent', 'admin'],
    body: CustomsSubmissionSchema,
    idempotent: true,
    responses: { 201: { description: 'Submitted.', schema: CustomsCaseSchema, headers: { Location: 'The declaration.', 'Interline-Message-Id': 'The customs.declaration-submitted event.' } } },
    problems: [422],
  })
  submit(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<CustomsCase> {
    const principal = principalOf(request);
    const tenant = writeTenant(request, principal);
    return this.portal.writes.run(request, reply, principal, (tx) => this.portal.customs.submit(tx, tenant, request.body as CustomsSubmission));
  }

  @Endpoint({
    method: 'GET',
    path: '/v1/customs-declarations/{id}',
    operationId: 'getCustomsDeclaration',
    summary: 'A declaration and its status with customs.',
    tag: 'customs',
    roles: ['customer', 'agent', 'support', 'admin'],
    params: IdParams,
    responses: { 200: { description: 'The declaration.', schema: CustomsCaseSchema } },
    problems: [404],
  })
  get(@Req() request: PortalRequest): Promise<CustomsCase> {
    return this.portal.customs.get(this.portal.sql, principalOf(request), (request.params as { id: string }).id);
  }
}
