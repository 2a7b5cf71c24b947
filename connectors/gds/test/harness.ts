// Shared test wiring: a connected GDS client against a running simulator, and the contexts the hub
// hands to operations and sources, with real in-memory bindings and state (no mocked components).
import { silentLogger } from '@interline/hub';
import type { Binding, BindingStore, ConnectorContext, EmitEvent, OperationContext } from '@interline/hub';
import { gdsConnector } from '../src';
import type { CreatePnrInput, GdsClient, GdsConfig } from '../src';
import { simulatorConfig, startGdsSimulator } from '../src/testing';
import type { GdsSimulatorHandle } from '../src/testing';

export function memoryState(): ConnectorContext['state'] & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: async <T>(key: string) => structuredClone(values.get(key)) as T | undefined,
    set: async <T>(key: string, value: T) => {
      values.set(key, structuredClone(value));
    },
  };
}

export function memoryBindings(): BindingStore & { all(): Binding[] } {
  const rows: Binding[] = [];
  return {
    all: () => rows.map((row) => ({ ...row })),
    get: async (entity, canonicalId) => rows.find((row) => row.entity === entity && row.canonicalId === canonicalId),
    getByExternal: async (entity, externalId) => rows.find((row) => row.entity === entity && row.externalId === externalId),
    put: async (entity, canonicalId, externalId, extra = {}) => {
      const existing = rows.find((row) => row.entity === entity && row.canonicalId === canonicalId);
      const row: Binding = { connector: 'gds', entity, canonicalId, externalId, tenant: 'default', syncedAt: new Date().toISOString(), extra };
      if (existing) Object.assign(existing, row);
      else rows.push(row);
    },
  };
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

let keySeq = 0;

export function operationContext(overrides: Partial<OperationContext> = {}): OperationContext {
  keySeq += 1;
  const id = `0190a4b2-0000-7000-8000-${String(keySeq).padStart(12, '0')}`;
  return {
    idempotencyKey: `${id}:route-gds:1`,
    attempt: 1,
    signal: new AbortController().signal,
    envelope: {
      specversion: '1.0',
      id,
      source: 'interline/test',
      type: 'pnr.requested',
      time: '2025-03-12T10:00:00.000Z',
      datacontenttype: 'application/json',
      data: {},
      correlationid: id,
      tenant: 'default',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    },
    logger: silentLogger(),
    bindings: memoryBindings(),
    emit: () => undefined,
    ...overrides,
  };
}

export type OperationName = keyof typeof gdsConnector.operations;

/** Run one operation the way the delivery engine does. */
export async function runOperation<T = unknown>(client: GdsClient, name: OperationName, input: unknown, ctx: OperationContext = operationContext()): Promise<T> {
  const operation = gdsConnector.operations[name];
  if (operation === undefined) throw new Error(`no operation ${String(name)}`);
  return (await operation.run(client, input as never, ctx)) as T;
}

export type Emitted = Parameters<EmitEvent>[0];

export async function failure(promise: Promise<unknown>): Promise<Error & { details?: Record<string, unknown>; errorClass?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${JSON.stringify(error)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
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
