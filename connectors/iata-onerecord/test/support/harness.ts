// Test harness: the simulator on loopback, a client configured for it, and an OperationContext with
// in-memory bindings and a record of emitted events — so operations run exactly as the hub runs them.
import { createEnvelope, silentLogger } from '@interline/hub';
import type { Binding, BindingStore, ConnectorState, MappingContext, OperationContext } from '@interline/hub';
import { OneRecordClient } from '../../src/client';
import type { OneRecordConfig } from '../../src/config';
import { oneRecordSimulator, startOneRecordSimulator } from '../../src/simulator';
import type { OneRecordSimulatorHandle, SimulatorSettings } from '../../src/simulator';

export const mappingContext: MappingContext = { envelope: { id: 'm1', type: 'test', tenant: 'default', correlationid: 'c1', time: '2025-03-14T10:00:00Z' } };

export class MemoryBindings implements BindingStore {
  readonly rows = new Map<string, Binding>();
  async get(entity: string, canonicalId: string): Promise<Binding | undefined> {
    return this.rows.get(`${entity}\u0000${canonicalId}`);
  }
  async getByExternal(entity: string, externalId: string): Promise<Binding | undefined> {
    return [...this.rows.values()].find((row) => row.entity === entity && row.externalId === externalId);
  }
  async put(entity: string, canonicalId: string, externalId: string, extra: Record<string, unknown> = {}): Promise<void> {
    this.rows.set(`${entity}\u0000${canonicalId}`, { connector: 'iata-onerecord', entity, canonicalId, externalId, tenant: 'default', syncedAt: new Date().toISOString(), extra });
  }
}

export class MemoryState implements ConnectorState {
  readonly values = new Map<string, unknown>();
  async get<T>(key: string): Promise<T | undefined> {
    return this.values.get(key) as T | undefined;
  }
  async set<T>(key: string, value: T): Promise<void> {
    this.values.set(key, value);
  }
}

export interface Emitted {
  type: string;
  data: unknown;
  subject?: string;
}

export function operationContext(options: { bindings?: MemoryBindings; attempt?: number } = {}): OperationContext & { emitted: Emitted[]; bindings: MemoryBindings } {
  const emitted: Emitted[] = [];
  return {
    idempotencyKey: 'msg-1:route:step',
    attempt: options.attempt ?? 1,
    signal: new AbortController().signal,
    envelope: createEnvelope({ id: 'msg-1', type: 'shipment.booked', source: 'interline/test', data: null }),
    logger: silentLogger(),
    bindings: options.bindings ?? new MemoryBindings(),
    emit(type, data, opts) {
      emitted.push({ type, data, ...(opts?.subject !== undefined ? { subject: opts.subject } : {}) });
    },
    emitted,
  };
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
    client: (overrides = {}) => new OneRecordClient({ ...config, ...overrides }, { logger: silentLogger(), state: new MemoryState() }),
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
