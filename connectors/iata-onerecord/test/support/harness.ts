// Test harness: the simulator on loopback, a client configured for it, and an OperationContext with
// in-memory bindings and a record of emitted events — so operations run exactly as the hub runs them.
import { silentLogger } from '@interline/hub';
import type { MappingContext } from '@interline/hub';
import { MemoryBindingStore, MemoryConnectorState, testOperationContext } from '@interline/hub/testing';
import type { TestOperationContext } from '@interline/hub/testing';
import { OneRecordClient } from '../../src/client';
import type { OneRecordConfig } from '../../src/config';
import { oneRecordSimulator, startOneRecordSimulator } from '../../src/simulator';
import type { OneRecordSimulatorHandle, SimulatorSettings } from '../../src/simulator';

export { MemoryConnectorState as MemoryState };
export type { EmittedOperationEvent as Emitted } from '@interline/hub/testing';

export const mappingContext: MappingContext = { envelope: { id: 'm1', type: 'test', tenant: 'default', correlationid: 'c1', time: '2025-03-14T10:00:00Z' } };

export class MemoryBindings extends MemoryBindingStore {
  constructor() {
    super('iata-onerecord');
  }
}

export function operationContext(options: { bindings?: MemoryBindings; attempt?: number } = {}): TestOperationContext<MemoryBindings> {
  return testOperationContext({
    bindings: options.bindings ?? new MemoryBindings(),
    idempotencyKey: 'msg-1:route:step',
    envelope: { id: 'msg-1', type: 'shipment.booked', data: null },
    attempt: options.attempt,
  });
}

export interface Harness {
  simulator: OneRecordSimulatorHandle;
  config: OneRecordConfig;
  client(overrides?: Partial<OneRecordConfig>): OneRecordClient;
  settings(update: Partial<SimulatorSettings>): Promise<void>;
  state<T = Record<string, unknown>>(): Promise<T>;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const simulator = await startOneRecordSimulator({ host: '127.0.0.1', port: 0 });
  const config = oneRecordSimulator.configFor(simulator);
  return {
    simulator,
    config,
    client: (overrides = {}) => new OneRecordClient({ ...config, ...overrides }, { logger: silentLogger(), state: new MemoryConnectorState() }),
    settings: async (update) => {
      const response = await fetch(`${simulator.baseUrl}/__sim/onerecord/settings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(update) });
      if (response.status !== 200) throw new Error(`simulator refused settings: ${await response.text()}`);
    },
    state: async <T>() => (await (await fetch(`${simulator.baseUrl}/__sim/state`)).json()) as T,
    stop: () => simulator.stop(),
  };
}

/** Reset the simulator between tests (objects, events, settings, faults). */
export async function reset(harness: Harness): Promise<void> {
  await fetch(`${harness.simulator.baseUrl}/__sim/reset`, { method: 'POST' });
}
