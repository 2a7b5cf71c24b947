// Shared test wiring: a connected GDS client against a running simulator, and the contexts the hub
// hands to operations and sources, with real in-memory bindings and state (no mocked components).
import { silentLogger } from '@interline/hub';
import type { OperationContext } from '@interline/hub';
import { memoryBindings as connectorBindings, memoryConnectorState as memoryState, rejectionOf, testOperationContext } from '@interline/hub/testing';
import type { MemoryBindingStore } from '@interline/hub/testing';
import { gdsConnector } from '../src';
import type { CreatePnrInput, GdsClient, GdsConfig } from '../src';
import { simulatorConfig, startGdsSimulator } from '../src/testing';
import type { GdsSimulatorHandle } from '../src/testing';

export { memoryState };
export type { EmittedEvent as Emitted } from '@interline/hub/testing';

export function memoryBindings(): MemoryBindingStore {
  return connectorBindings('gds');
}

export interface Rig {
  sim: GdsSimulatorHandle;
  client: GdsClient;
  config: GdsConfig;
  state: ReturnType<typeof memoryState>;
  stop(): Promise<void>;
}

export async function startRig(overrides: Partial<GdsConfig> = {}): Promise<Rig> {
  const sim = await startGdsSimulator();
  const config = { ...simulatorConfig(sim), ...overrides };
  const state = memoryState();
  const client = await gdsConnector.connect(config, { logger: silentLogger(), state });
  return { sim, client, config, state, stop: () => sim.stop() };
}

export function operationContext(overrides: Partial<OperationContext> = {}): OperationContext {
  return { ...testOperationContext({ bindings: memoryBindings(), route: 'route-gds', envelope: { type: 'pnr.requested' } }), ...overrides };
}

export type OperationName = keyof typeof gdsConnector.operations;

/** Run one operation the way the delivery engine does. */
export async function runOperation<T = unknown>(client: GdsClient, name: OperationName, input: unknown, ctx: OperationContext = operationContext()): Promise<T> {
  const operation = gdsConnector.operations[name];
  if (operation === undefined) throw new Error(`no operation ${String(name)}`);
  return (await operation.run(client, input as never, ctx)) as T;
}

/** Capture a rejection to assert on its class, message and the details the connector attached. */
export function failure(promise: Promise<unknown>): Promise<Error & { details?: Record<string, unknown>; errorClass?: string }> {
  return rejectionOf(promise);
}

/** A createPnr input: two adults and an infant on LH400 FRA-JFK, DOCS for the first adult. */
export function bookingInput(pnrId: string, surname = 'MUSTERMANN', segments?: CreatePnrInput['segments']): CreatePnrInput {
  return {
    pnrId,
    passengers: [
      { id: 'P1', type: 'ADT', title: 'MRS', surname, givenNames: 'ERIKA', dateOfBirth: '1982-08-12', gender: 'F', documents: [{ type: 'passport', number: 'C01X00T47', issuingCountry: 'DE', nationality: 'DE', expiryDate: '2030-08-11' }] },
      { id: 'P2', type: 'ADT', title: 'MR', surname, givenNames: 'MAX', dateOfBirth: '1980-02-03', gender: 'M' },
      { id: 'P3', type: 'INF', surname, givenNames: 'LINA', dateOfBirth: '2024-06-30', gender: 'F', infantOf: 'P1' },
    ],
    segments: segments ?? [{ id: 'S1', carrier: 'LH', flightNumber: '400', classOfService: 'K', origin: 'FRA', destination: 'JFK', departure: '2026-03-14T10:35' }],
    contacts: [{ type: 'email', value: 'erika@example.com', passengerId: 'P1' }],
    remarks: [{ type: 'general', text: 'BASSINET REQUESTED' }],
    ticketingTimeLimit: '2026-03-12T22:59:00Z',
  };
}

/** Letters only (surnames): a nonce-derived name that no other test uses. */
export function uniqueSurname(seed: string): string {
  return `T${seed.replace(/[^a-z0-9]/gi, '').toUpperCase().replace(/[0-9]/g, (d) => 'ABCDEFGHIJ'[Number(d)] ?? 'X')}`;
}
