// /v1/customers: register, read and update customers (canonical Parties) of the caller's tenant.
import { Controller, Inject, Req, Res } from '@nestjs/common';
import { PartySchema } from '@interline/hub';
import type { Party } from '@interline/hub';
import { Endpoint } from '../http/endpoint';
import { principalOf, writeTenant } from '../http/request-context';
import type { PortalReply, PortalRequest } from '../http/request-context';
import { PORTAL } from '../portal-token';
import type { Portal } from '../portal';
import { IdParams } from '../schemas/common';
import { CustomerRegistrationSchema, CustomerUpdateSchema } from '../schemas/customers';
import type { CustomerRegistration, CustomerUpdate } from '../schemas/customers';

const WRITERS = ['customer', 'agent', 'admin'] as const;
const READERS = ['customer', 'agent', 'support', 'admin'] as const;

@Controller()
export class CustomersController {
  constructor(@Inject(PORTAL) private readonly portal: Portal) {}

  @Endpoint({
    method: 'POST',
    path: '/v1/customers',
    operationId: 'registerCustomer',
    summary: 'Register a customer.',
    description: 'Stores the Party and emits party.registered through the outbox (Interline-Message-Id names the event).',
    tag: 'customers',
    roles: WRITERS,
    body: CustomerRegistrationSchema,
    idempotent: true,
    responses: { 201: { description: 'Registered.', schema: PartySchema, headers: { Location: 'The new customer.', 'Interline-Message-Id': 'The party.registered event (GET /v1/messages/{id}).' } } },
    problems: [422],
  })
  register(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<Party> {
    const principal = principalOf(request);
    const tenant = writeTenant(request, principal);
    return this.portal.writes.run(request, reply, principal, (tx) => this.portal.customers.register(tx, tenant, request.body as CustomerRegistration));
  }

  @Endpoint({
    method: 'GET',
    path: '/v1/customers/{id}',
    operationId: 'getCustomer',
    summary: 'Read a customer.',
    tag: 'customers',
    roles: READERS,
    params: IdParams,
    responses: { 200: { description: 'The customer.', schema: PartySchema } },
    problems: [404],
  })
  get(@Req() request: PortalRequest): Promise<Party> {
    return this.portal.customers.get(this.portal.sql, principalOf(request), (request.params as { id: string }).id);
  }

  @Endpoint({
    method: 'PATCH',
    path: '/v1/customers/{id}',
    operationId: 'updateCustomer',
    summary: 'Update a customer.',
    description: 'Replaces the given top-level fields and emits party.updated.',
    tag: 'customers',
    roles: WRITERS,
    params: IdParams,
    body: CustomerUpdateSchema,
    responses: { 200: { description: 'Updated.', schema: PartySchema, headers: { 'Interline-Message-Id': 'The party.updated event.' } } },
    problems: [404],
  })
  update(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<Party> {
    const principal = principalOf(request);
    const { id } = request.params as { id: string };
    return this.portal.writes.run(request, reply, principal, (tx) => this.portal.customers.update(tx, principal, id, request.body as CustomerUpdate));
  }
}
