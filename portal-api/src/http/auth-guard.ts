// Bearer-token authentication and role authorization for every endpoint that is not public:
// 401 when the token is missing, expired or forged, 403 when its roles do not fit the endpoint.
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { AuthenticationError } from '@interline/hub';
import type { Principal, TokenVerifier } from '@interline/hub';
import { endpointOf } from './endpoint';
import { forbidden, unauthorized } from './problem';
import { header, setPrincipal } from './request-context';
import type { PortalRequest } from './request-context';

export class AuthGuard implements CanActivate {
  constructor(private readonly verifier: TokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const spec = endpointOf(context.getHandler());
    if (!spec || spec.roles === 'public') return true;
    const request = context.switchToHttp().getRequest<PortalRequest>();
    const authorization = header(request, 'authorization');
    if (!authorization?.startsWith('Bearer ')) {
      throw unauthorized('missing bearer token: send Authorization: Bearer <token> (development: interline token issue --role customer --tenant <tenant>)', false);
    }
    let principal: Principal;
    try {
      principal = await this.verifier.verify(authorization.slice('Bearer '.length).trim());
    } catch (error) {
      throw unauthorized(error instanceof AuthenticationError ? error.message : 'token could not be verified', true);
    }
    const allowed = spec.roles;
    if (!principal.roles.some((role) => allowed.includes(role))) {
      throw forbidden(`${principal.subject} (roles: ${principal.roles.join(', ')}) may not call ${spec.method} ${spec.path} (${spec.summary.replace(/\.$/, '').toLowerCase()}); it needs role ${allowed.join(' or ')}`);
    }
    setPrincipal(request, principal);
    return true;
  }
}
