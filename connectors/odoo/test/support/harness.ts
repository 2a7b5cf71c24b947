// Shared test wiring: clients against a running simulator, and the contexts the hub hands to
// operations and sources — with a binding store and connector state that behave like the journal's
// (kept in memory), and a logger whose lines the tests can read.
import { Writable } from 'node:stream';
import { createLogger, silentLogger } from '@interline/hub';
import type { Binding, BindingStore, ConnectorContext, EmitEvent, Logger, OperationContext } from '@interline/hub';
import { OdooClient, odooConnector } from '../../src';
import type { OdooConfig } from '../../src';
import { odooSimulator } from '../../src/testing';
import type { OdooSimulatorHandle, SimUser } from '../../src/testing';

export function clientFor(sim: OdooSimulatorHandle, overrides: Partial<OdooConfig> = {}, user?: SimUser): OdooClient {
  const config: OdooConfig = { ...odooSimulator.configFor(sim), ...(user ? { login: user.login, apiKey: user.apiKey } : {}), ...overrides };
  return new OdooClient(config);
}

export function memoryBindings(): BindingStore & { all(): Binding[] } {
  const rows = new Map<string, Binding>();
  return {
    async get(entity, canonicalId) {
      return rows.get(`${entity}|${canonicalId}`);
    },
    async getByExternal(entity, externalId) {
      return [...rows.values()].find((b) => b.entity === entity && b.externalId === externalId);
    },
    async put(entity, canonicalId, externalId, extra = {}) {
      rows.set(`${entity}|${canonicalId}`, { connector: 'odoo', entity, canonicalId, externalId, tenant: 'default', syncedAt: new Date().toISOString(), extra });
    },
    all: () => [...rows.values()],
  };
}

export function operationContext(overrides: Partial<OperationContext> = {}): OperationContext {
  return {
    idempotencyKey: 'msg-1:route-odoo:step-2',
    attempt: 1,
    signal: new AbortController().signal,
    envelope: {
      specversion: '1.0',
      id: '0190a4b2-0000-7000-8000-000000000001',
      source: 'interline/test',
      type: 'party.registered',
      time: '2025-01-15T10:00:00.000Z',
      datacontenttype: 'application/json',
      data: {},
      correlationid: '0190a4b2-0000-7000-8000-000000000001',
      tenant: 'default',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    },
    logger: silentLogger(),
    bindings: memoryBindings(),
    emit: () => undefined,
    ...overrides,
  };
}

/** A logger that keeps its lines, for asserting on warnings. */
export function recordingLogger(): { logger: Logger; lines: Array<{ level: number; msg: string }> } {
  const lines: Array<{ level: number; msg: string }> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

export interface SourceHarness {
  ctx: ConnectorContext & { emit: EmitEvent; signal: AbortSignal };
  emitted: Array<Parameters<EmitEvent>[0]>;
  state: Map<string, unknown>;
  lines: Array<{ level: number; msg: string }>;
}

/** The context the hub's poller gives a source: durable state (here a Map) and an emit that records. */
export function sourceContext(state = new Map<string, unknown>()): SourceHarness {
  const { logger, lines } = recordingLogger();
  const emitted: Array<Parameters<EmitEvent>[0]> = [];
  return {
    emitted,
    state,
    lines,
    ctx: {
      logger,
      signal: new AbortController().signal,
      state: {
        get: async <T>(key: string) => structuredClone(state.get(key)) as T | undefined,
        set: async <T>(key: string, value: T) => {
          state.set(key, structuredClone(value));
        },
      },
      emit: async (event) => {
        emitted.push(event);
      },
    },
  };
}

type OperationName = keyof typeof odooConnector.operations;

/** Run one of the connector's operations the way the delivery engine does. */
export async function runOperation<T = unknown>(client: OdooClient, name: OperationName, input: unknown, ctx: OperationContext = operationContext()): Promise<T> {
  const operation = odooConnector.operations[name];
  if (!operation) throw new Error(`the odoo connector has no operation ${name}`);
  return (await operation.run(client, input as never, ctx)) as T;
}

/** Capture a rejection to assert on its class and message. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
}
