// Shared test wiring: a client connected to a running simulator's folders with real (in-memory)
// connector state and bindings, and the contexts the hub hands to operations and sources.
import { silentLogger } from '@interline/hub';
import type { Binding, ConnectorContext, ConnectorState, FileSourceEvent, OperationContext } from '@interline/hub';
import { MemoryBindingStore, MemoryConnectorState, collectEmitted, testOperationContext } from '@interline/hub/testing';
import { customsEdiConnector } from '../src';
import type { CustomsEdiClient, CustomsEdiConfig } from '../src';

export { MemoryConnectorState as MemoryState, rejectionOf as failure } from '@interline/hub/testing';

/** The customs connector's bindings; `rows` is what the tests assert on. */
export class MemoryBindings extends MemoryBindingStore {
  constructor() {
    super('customs');
  }
  get rows(): Binding[] {
    return this.all();
  }
}

export function connectorContext(state: ConnectorState = new MemoryConnectorState()): ConnectorContext {
  return { logger: silentLogger(), state };
}

export async function connect(config: CustomsEdiConfig, state: ConnectorState = new MemoryConnectorState()): Promise<CustomsEdiClient> {
  return customsEdiConnector.connect(config, connectorContext(state));
}

let counter = 0;

/** The correlation id differs from the message id, so a test tells correlationid and causationid apart. */
export function operationContext(overrides: Partial<OperationContext> = {}): OperationContext {
  counter++;
  const context = testOperationContext({
    bindings: new MemoryBindings(),
    route: 'customs-declare',
    step: 2,
    envelope: { type: 'customs.declaration-submitted', time: '2025-03-12T07:30:00.000Z', correlationid: `corr-${counter}` },
  });
  return { ...context, ...overrides };
}

export async function runOperation(client: CustomsEdiClient, name: 'sendDeclaration' | 'sendManifest', input: unknown, ctx: OperationContext = operationContext()): Promise<unknown> {
  const operation = customsEdiConnector.operations[name];
  if (!operation) throw new Error(`no operation ${name}`);
  return operation.run(client, input as never, ctx);
}

/** Call the file source as the exchange would, collecting what it emits. */
export async function receive(client: CustomsEdiClient, file: { name: string; bytes: Buffer; partner?: string }, state?: ConnectorState): Promise<FileSourceEvent[]> {
  const source = customsEdiConnector.sources?.responses;
  if (source?.kind !== 'file') throw new Error('no file source');
  const { emit, events } = collectEmitted();
  await source.receive(client, { partner: client.config.partner, ...file }, { ...connectorContext(state ?? client.state), emit });
  return events as FileSourceEvent[];
}

export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
