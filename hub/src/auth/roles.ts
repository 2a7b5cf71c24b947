// Who may do what: the roles tokens carry and the permissions each grants.

export const ROLES = ['customer', 'agent', 'support', 'partner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Permission = 'messages:read' | 'messages:send' | 'dead-letters:read' | 'dead-letters:replay' | 'dead-letters:discard' | 'connectors:read';

const GRANTS: Record<Role, readonly Permission[]> = {
  customer: [],
  agent: [],
  partner: [],
  support: ['messages:read', 'dead-letters:read', 'dead-letters:replay', 'connectors:read'],
  admin: ['messages:read', 'messages:send', 'dead-letters:read', 'dead-letters:replay', 'dead-letters:discard', 'connectors:read'],
};

export interface Principal {
  subject: string;
  roles: Role[];
  /** '*' = every tenant (staff); otherwise the one tenant this principal may see. */
  tenant: string;
}

export function can(principal: Principal, permission: Permission): boolean {
  return principal.roles.some((role) => GRANTS[role].includes(permission));
}

/** Which roles would grant a permission, for a 403 that says how to get in. */
export function rolesGranting(permission: Permission): Role[] {
  return ROLES.filter((role) => GRANTS[role].includes(permission));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
