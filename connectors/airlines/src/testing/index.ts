// Test helpers for code that uses the airlines connector: its simulator and credentials.
export { airlinesSimulator, startAirlineSimulator, SIMULATOR_USERNAME, SIMULATOR_PASSWORD, AirlineState, seedSchedule, faultEnvelope, passwordDigestOf } from '../simulator';
export type { AirlineSimulatorHandle, AirlineSimulatorOptions, RecordedCall, SimBooking, Effect } from '../simulator';
