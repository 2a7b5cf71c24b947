// Test helpers for code that uses the customs connector: its simulator and its identities.
export { customsSimulator, simulatorConfig, startCustomsSimulator } from '../simulator';
export type { AuthorityState, CustomsSimulatorHandle, CustomsSimulatorOptions, Lodged } from '../simulator';
export { SIMULATED_AUTHORITY, SIMULATED_DECLARANT, SIMULATED_PARTNER, SIMULATED_PASSWORD } from '../simulator';
