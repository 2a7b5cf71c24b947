// Shared test wiring: clients against a running simulator, and the contexts the hub hands to
// operations and sources — with a binding store and connector state that behave like the journal's
// (kept in memory), and a logger whose lines the tests can read.
import { Writable } from 'node:stream';
import { createLogger } from '@interline/hub';
import type { ConnectorContext, EmitEvent, Logger, OperationContext } from '@interline/hub';
import { collectEmitted, memoryBindings as connectorBindings, memoryConnectorState, testOperationContext } from '@interline/hub/testing';
import type { EmittedEvent, MemoryBindingStore } from '@interline/hub/testing';
import { OdooClient, odooConnector } from '../../src';
import type { OdooConfig } from '../../src';
import { odooSimulator } from '../../src/testing';
import type { OdooSimulatorHandle, SimUser } from '../../src/testing';

export { rejectionOf as failure } from '@interline/hub/testing';

export function clientFor(sim: OdooSimulatorHandle, overrides: Partial<OdooConfig> = {}, user?: SimUser): OdooClient {
  const config: OdooConfig = { ...odooSimulator.configFor(sim), ...(user ? { login: user.login, apiKey: user.apiKey } : {}), ...overrides };
  return new OdooClient(config);
}

export function memoryBindings(): MemoryBindingStore {
  return connectorBindings('odoo');
}

export function operationContext(overrides: Partial<OperationContext> = {}): OperationContext {
  const context = testOperationContext({
    bindings: memoryBindings(),
    idempotencyKey: 'msg-1:route-odoo:step-2',
    envelope: { id: '0190a4b2-0000-7000-8000-000000000001', type: 'party.registered', time: '2025-01-15T10:00:00.000Z' },
  });
  return { ...context, ...overrides };
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
  emitted: EmittedEvent[];
  state: Map<string, unknown>;
  lines: Array<{ level: number; msg: string }>;
}

/** The context the hub's poller gives a source: durable state (here a Map) and an emit that records. */
export function sourceContext(state = new Map<string, unknown>()): SourceHarness {
  const { logger, lines } = recordingLogger();
  const { emit, events: emitted } = collectEmitted();
  return { emitted, state, lines, ctx: { logger, signal: new AbortController().signal, state: memoryConnectorState(state), emit } };
}

type OperationName = keyof typeof odooConnector.operations;

/** Run one of the connector's operations the way the delivery engine does. */
export async function runOperation<T = unknown>(client: OdooClient, name: OperationName, input: unknown, ctx: OperationContext = operationContext()): Promise<T> {
  const operation = odooConnector.operations[name];
  if (!operation) throw new Error(`the odoo connector has no operation ${name}`);
  return (await operation.run(client, input as never, ctx)) as T;
}
