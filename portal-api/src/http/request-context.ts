// What the guards learn about a request (who calls, for which tenant) and what handlers read back.
import type { Principal } from '@interline/hub';
import { invalidRequest } from './problem';

/** The parts of a Fastify request the portal reads; kept structural so no Fastify type leaks in. */
export interface PortalRequest {
  method: string;
  url: string;
  ip: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  params?: unknown;
  query?: unknown;
}

/** The parts of a Fastify reply handlers use (headers, content type); Nest sends the body. */
export interface PortalReply {
  header(name: string, value: string): PortalReply;
  type(contentType: string): PortalReply;
}

/** A reply the handler sends itself (@Res() without passthrough), for a status decided at run time. */
export interface SendingReply extends PortalReply {
  code(status: number): SendingReply;
  send(payload: unknown): unknown;
}

const principals = new WeakMap<object, Principal>();

export function setPrincipal(request: object, principal: Principal): void {
  principals.set(request, principal);
}

export function principalOf(request: object): Principal {
  const principal = principals.get(request);
  // Only reachable when a handler is declared public yet asks who called: a programming error.
  if (!principal) throw new Error('no principal on this request: the endpoint is public');
  return principal;
}

export function header(request: PortalRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export const TENANT_HEADER = 'interline-tenant';
const TENANT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

/** The tenant a read is limited to, or undefined for staff who see every tenant. */
export function readScope(principal: Principal): string | undefined {
  return principal.tenant === '*' ? undefined : principal.tenant;
}

/**
 * The tenant a write belongs to: the caller's own; staff (tenant '*') name it in the
 * Interline-Tenant header and get 'default' without one.
 */
export function writeTenant(request: PortalRequest, principal: Principal): string {
  if (principal.tenant !== '*') return principal.tenant;
  const named = header(request, TENANT_HEADER);
  if (named === undefined) return 'default';
  if (!TENANT_PATTERN.test(named)) {
    throw invalidRequest([{ in: 'header', path: TENANT_HEADER, message: 'must be a tenant id: letters, digits, _ . - (up to 63)', rule: 'pattern' }]);
  }
  return named;
}

/** True when the principal may see a row of `tenant`. */
export function canSee(principal: Principal, tenant: string): boolean {
  return principal.tenant === '*' || principal.tenant === tenant;
}

