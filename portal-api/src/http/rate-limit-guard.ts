// Applies the rate limiter per client (the token's subject) on every authenticated endpoint. It runs
// after authentication, so a client is who its token says, not whoever shares its IP; public
// endpoints (health, metrics, docs) are for operators and probes, and the internal endpoints carry
// the hub's own deliveries (it has its retry and circuit breaker): neither is limited.
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { problem } from '@interline/hub';
import { endpointOf } from './endpoint';
import { ProblemException } from './problem';
import type { RateLimiter } from './rate-limit';
import { principalOf } from './request-context';
import type { PortalReply, PortalRequest } from './request-context';

export class RateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const spec = endpointOf(context.getHandler());
    if (!spec || spec.roles === 'public' || spec.unlimited) return true;
    const http = context.switchToHttp();
    const decision = await this.limiter.take(`sub:${principalOf(http.getRequest<PortalRequest>()).subject}`);
    const reply = http.getResponse<PortalReply>();
    reply.header('ratelimit-limit', String(decision.limit));
    reply.header('ratelimit-remaining', String(decision.remaining));
    if (decision.allowed) return true;
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new ProblemException(
      problem(429, 'Too Many Requests', `rate limit of ${decision.limit} requests (burst) exceeded for this client; retry in ${seconds} s`),
      { 'retry-after': String(seconds) },
    );
  }
}
