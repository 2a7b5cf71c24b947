// The GDS connector's simulator: an Amadeus-style SOAP GDS on loopback (sessions, PNRs, queues,
// seeded availability, waitlists, failed sells, busy PNRs, fault injection) and the folder of the
// border authority that receives PAXLST files.
import type { SimulatorDefinition, SimulatorHandle } from '@interline/hub';
import type { GdsConfig } from '../config';
import { SIMULATOR_OFFICE, SIMULATOR_PASSWORD, SIMULATOR_USERNAME } from './credentials';
import { startGdsSimulator } from './server';
import type { GdsSimulatorHandle } from './server';

export * from './credentials';
export * from './server';
export { SEEDED_FLIGHTS } from './inventory';
export type { SimFlight } from './inventory';
export { GdsWorld } from './world';

export function simulatorConfig(handle: Pick<GdsSimulatorHandle, 'endpoint' | 'authorityRoot' | 'partner'>): GdsConfig {
  return {
    endpoint: handle.endpoint,
    username: SIMULATOR_USERNAME,
    password: SIMULATOR_PASSWORD,
    officeId: SIMULATOR_OFFICE,
    pollIntervalMs: 250,
    authorityOutboxDir: handle.authorityRoot,
    authorityPartner: handle.partner,
  };
}

export const gdsSimulator: SimulatorDefinition<GdsConfig> = {
  summary: 'Amadeus-style SOAP GDS: SoapHeader 4 sessions (expiry and sequence faults), PasswordDigest sign-in, PNRs with seeded inventory (HK, HL when full, UNS when the flight does not operate), simultaneous-change commits, queues fed by other agents, DOCTYPE refusal; plus the authority folder for PAXLST.',
  start: (options) => startGdsSimulator(options),
  configFor: (handle: SimulatorHandle): GdsConfig => {
    const own = handle as Partial<GdsSimulatorHandle>;
    if (typeof own.endpoint !== 'string' || typeof own.authorityRoot !== 'string') throw new Error('gds simulator: configFor needs the handle returned by its own start()');
    return simulatorConfig({ endpoint: own.endpoint, authorityRoot: own.authorityRoot, partner: own.partner ?? 'api-authority' });
  },
};
