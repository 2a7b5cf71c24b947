// The Odoo connector's simulator: an Odoo-like server on loopback (XML-RPC and JSON-2) with state,
// business rules, fault injection and inspection through the shared /__sim control plane.
import type { SimulatorDefinition, SimulatorHandle } from '@interline/hub';
import type { OdooConfig } from '../config';
import { startOdooSimulator } from './server';
import { SIM_DATABASE, SIM_USERS } from './users';

export { startOdooSimulator } from './server';
export type { OdooSimulatorHandle, OdooSimulatorOptions } from './server';
export type { CallRecord, OdooSimulatorState } from './inspection';
export { SIM_DATABASE, SIM_USERS } from './users';
export type { SimUser } from './users';
export { SEED } from './seed';
export { SimClock } from './clock';

export const odooSimulator: SimulatorDefinition<OdooConfig> = {
  summary:
    'Odoo 17-like server (19 on request): XML-RPC common/object and JSON-2, res.partner / sale.order / account.move / account.payment / stock.picking with Odoo state machines, fault codes 1–4 and JSON-2 statuses, faults per "<model>.<method>".',
  start: (options) => startOdooSimulator(options),
  configFor: (handle: SimulatorHandle): OdooConfig => ({
    url: handle.baseUrl,
    database: SIM_DATABASE,
    login: SIM_USERS.integration.login,
    apiKey: SIM_USERS.integration.apiKey,
  }),
};
