// The airlines connector's simulator: the cargo SOAP service on loopback, served from the packaged WSDL.
import type { SimulatorDefinition, SimulatorHandle } from '@interline/hub';
import type { AirlinesConfig } from '../config';
import { BINDING_PATHS } from '../wsdl-path';
import { SIMULATOR_PASSWORD, SIMULATOR_USERNAME } from './credentials';
import { startAirlineSimulator } from './server';

export * from './credentials';
export * from './server';
export { AirlineState, SimFault } from './airline-state';
export type { SimBooking, Effect } from './airline-state';
export { seedSchedule, OPEN_SCHEDULE_CAPACITY } from './seed';
export { digest as passwordDigestOf } from './ws-security';
export { faultEnvelope } from './soap-fault-bodies';

export const airlinesSimulator: SimulatorDefinition<AirlinesConfig> = {
  summary: 'Cargo airline SOAP service (SOAP 1.1 and 1.2 bindings of the packaged WSDL): seeded schedules, capacity per dated flight, idempotent bookings by client reference, WS-Security UsernameToken checks, SOAP faults, DOCTYPE refusal.',
  start: (options) => startAirlineSimulator(options),
  configFor: (handle: SimulatorHandle): AirlinesConfig => ({
    endpoint: `${handle.baseUrl}${BINDING_PATHS['1.1']}`,
    username: SIMULATOR_USERNAME,
    password: SIMULATOR_PASSWORD,
    soapVersion: '1.1',
  }),
};
