// Test helpers for code that uses the ONE Record connector: its simulator and the test credentials.
export {
  oneRecordSimulator,
  startOneRecordSimulator,
  SIMULATOR_CLIENT_ID,
  SIMULATOR_CLIENT_SECRET,
  SIMULATOR_NOTIFICATION_TOKEN,
} from '../simulator';
export type { ChangeRequestPolicy, DeliveryRecord, OneRecordSimulatorHandle, SimulatorSettings } from '../simulator';
