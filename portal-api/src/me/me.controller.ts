// GET /v1/me: who the token says the caller is — roles and tenant — for clients and for support.
import { Controller, Req } from '@nestjs/common';
import { Type } from '@sinclair/typebox';
import { ROLES } from '@interline/hub';
import type { Principal } from '@interline/hub';
import { Endpoint } from '../http/endpoint';
import { principalOf } from '../http/request-context';
import type { PortalRequest } from '../http/request-context';
import { named } from '../schemas/named-schemas';

const PrincipalSchema = named(
  'Principal',
  Type.Object(
    {
      subject: Type.String({ description: 'The token subject (sub).' }),
      roles: Type.Array(Type.Unsafe<string>({ type: 'string', enum: [...ROLES] }), { description: 'Roles the token carries.' }),
      tenant: Type.String({ description: 'The tenant whose data the caller sees; "*" for staff who see all.' }),
    },
    { additionalProperties: false, description: 'The authenticated caller.' },
  ),
);

@Controller()
export class MeController {
  @Endpoint({
    method: 'GET',
    path: '/v1/me',
    operationId: 'whoAmI',
    summary: 'The caller as the token describes it.',
    tag: 'meta',
    roles: ROLES,
    responses: { 200: { description: 'The caller.', schema: PrincipalSchema } },
  })
  me(@Req() request: PortalRequest): Principal {
    const { subject, roles, tenant } = principalOf(request);
    return { subject, roles, tenant };
  }
}
