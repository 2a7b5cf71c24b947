// Test helpers for code that uses the GDS connector: its simulator and credentials.
export { gdsSimulator, startGdsSimulator, simulatorConfig, SIMULATOR_USERNAME, SIMULATOR_PASSWORD, SIMULATOR_OFFICE, SIMULATOR_PATH, SEEDED_FLIGHTS, GdsWorld } from '../simulator';
export type { GdsSimulatorHandle, GdsSimulatorOptions, SimFlight } from '../simulator';
