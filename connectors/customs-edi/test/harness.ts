// Shared test wiring: a client connected to a running simulator's folders with real (in-memory)
// connector state and bindings, and the contexts the hub hands to operations and sources.
import { silentLogger } from '@interline/hub';
import type { Binding, BindingStore, ConnectorContext, ConnectorState, EmitEvent, FileSourceEvent, OperationContext } from '@interline/hub';
import { customsEdiConnector } from '../src';
import type { CustomsEdiClient, CustomsEdiConfig } from '../src';

export class MemoryState implements ConnectorState {
  readonly values = new Map<string, unknown>();
  async get<T>(key: string): Promise<T | undefined> {
    return structuredClone(this.values.get(key)) as T | undefined;
  }
  async set<T>(key: string, value: T): Promise<void> {
    this.values.set(key, structuredClone(value));
  }
}

export class MemoryBindings implements BindingStore {
  readonly rows: Binding[] = [];
  async get(entity: string, canonicalId: string) {
    return this.rows.find((b) => b.entity === entity && b.canonicalId === canonicalId);
  }
  async getByExternal(entity: string, externalId: string) {
    return this.rows.find((b) => b.entity === entity && b.externalId === externalId);
  }
  async put(entity: string, canonicalId: string, externalId: string, extra: Record<string, unknown> = {}) {
    const row = { connector: 'customs', entity, canonicalId, externalId, tenant: 'default', syncedAt: new Date().toISOString(), extra };
    const at = this.rows.findIndex((b) => b.entity === entity && b.canonicalId === canonicalId);
    if (at >= 0) this.rows[at] = row;
    else this.rows.push(row);
  }
}

export function connectorContext(state: ConnectorState = new MemoryState()): ConnectorContext {
  return { logger: silentLogger(), state };
}

export async function connect(config: CustomsEdiConfig, state: ConnectorState = new MemoryState()): Promise<CustomsEdiClient> {
  return customsEdiConnector.connect(config, connectorContext(state));
}

let counter = 0;

export function operationContext(overrides: Partial<OperationContext> = {}): OperationContext {
  counter++;
  const id = `0190a4b2-0000-7000-8000-${String(counter).padStart(12, '0')}`;
  return {
    idempotencyKey: `${id}:customs-declare:2`,
    attempt: 1,
    signal: new AbortController().signal,
    envelope: {
      specversion: '1.0',
      id,
      source: 'interline/test',
      type: 'customs.declaration-submitted',
      time: '2025-03-12T07:30:00.000Z',
      datacontenttype: 'application/json',
      data: {},
      correlationid: `corr-${counter}`,
      tenant: 'default',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    },
    logger: silentLogger(),
    bindings: new MemoryBindings(),
    emit: () => undefined,
    ...overrides,
  };
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
  const emitted: FileSourceEvent[] = [];
  const emit: EmitEvent = async (event) => {
    emitted.push(event as FileSourceEvent);
  };
  await source.receive(client, { partner: client.config.partner, ...file }, { ...connectorContext(state ?? client.state), emit });
  return emitted;
}

export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
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
