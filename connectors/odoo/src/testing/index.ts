// Test helpers for code that uses the Odoo connector: its simulator, the simulated users and the
// canonical ids already bound in the simulator's seed data.
export { odooSimulator, startOdooSimulator, SIM_DATABASE, SIM_USERS, SEED, SimClock } from '../simulator';
export type { OdooSimulatorHandle, OdooSimulatorOptions, OdooSimulatorState, CallRecord, SimUser } from '../simulator';
