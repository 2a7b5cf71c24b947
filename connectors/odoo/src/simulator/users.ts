// The simulator's database name, users and API keys (fixed test values, never real secrets): the
// integration user the connector logs in as, a human sales user whose edits the poller must see,
// and a read-only auditor whose writes Odoo's access rights refuse (fault 4 / HTTP 403).

export const SIM_DATABASE = 'interline';

export interface SimUser {
  uid: number;
  login: string;
  apiKey: string;
  name: string;
  readonly: boolean;
}

export const SIM_USERS = {
  integration: { uid: 2, login: 'interline@example.com', apiKey: 'sim-odoo-key-integration', name: 'Interline Integration', readonly: false },
  sales: { uid: 6, login: 'sales@example.com', apiKey: 'sim-odoo-key-sales', name: 'Sara Sales', readonly: false },
  auditor: { uid: 7, login: 'auditor@example.com', apiKey: 'sim-odoo-key-auditor', name: 'Audrey Auditor', readonly: true },
} as const satisfies Record<string, SimUser>;

const USERS: readonly SimUser[] = Object.values(SIM_USERS);

/** authenticate(): the uid when login and key match, else undefined (Odoo answers false). */
export function userByLogin(login: unknown, apiKey: unknown): SimUser | undefined {
  return USERS.find((user) => user.login === login && user.apiKey === apiKey);
}

export function userByKey(apiKey: string): SimUser | undefined {
  return USERS.find((user) => user.apiKey === apiKey);
}

/** execute_kw's credential check: the uid and the key must belong together. */
export function userByUid(uid: unknown, apiKey: unknown): SimUser | undefined {
  return USERS.find((user) => user.uid === uid && user.apiKey === apiKey);
}

export function allUsers(): readonly SimUser[] {
  return USERS;
}
