// The customs connector's simulator: a customs authority that collects interchange files from the
// outbox and answers with CONTRL and CUSRES in the inbox, with the shared /__sim control plane.
import type { SimulatorDefinition, SimulatorHandle } from '@interline/hub';
import type { CustomsEdiConfig } from '../config';
import { SIMULATED_AUTHORITY, SIMULATED_COUNTRY, SIMULATED_DECLARANT, SIMULATED_OFFICE, SIMULATED_PARTNER, SIMULATED_PASSWORD, SIMULATED_SYSTEM } from './identity';
import { startCustomsSimulator } from './server';
import type { CustomsSimulatorHandle } from './server';

export * from './identity';
export * from './server';
export type { Acknowledgement, Answer, AuthorityState, Lodged, ReceivedFile } from './authority-state';
export { declarationVerdict, manifestVerdict } from './verdicts';

export function simulatorConfig(handle: Pick<CustomsSimulatorHandle, 'root' | 'partner'>): CustomsEdiConfig {
  return {
    root: handle.root,
    partner: handle.partner,
    sender: { ...SIMULATED_DECLARANT },
    recipient: { ...SIMULATED_AUTHORITY },
    password: SIMULATED_PASSWORD,
    ackRequested: true,
    authority: { countryCode: SIMULATED_COUNTRY, system: SIMULATED_SYSTEM, officeCode: SIMULATED_OFFICE },
  };
}

export const customsSimulator: SimulatorDefinition<CustomsEdiConfig> = {
  summary: 'A customs authority on files: collects CUSDEC/CUSCAR from the outbox, checks password, syntax and duplicates with the engine, answers CONTRL and CUSRES (accepted, rejected with error codes, held for inspection) in the inbox.',
  start: (options) => startCustomsSimulator(options),
  configFor: (handle: SimulatorHandle): CustomsEdiConfig => {
    const own = handle as Partial<CustomsSimulatorHandle>;
    if (typeof own.root !== 'string') throw new Error('customs simulator: configFor needs the handle returned by its own start()');
    return simulatorConfig({ root: own.root, partner: own.partner ?? SIMULATED_PARTNER });
  },
};
