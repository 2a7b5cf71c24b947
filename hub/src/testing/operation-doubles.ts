// In-memory stand-ins for what the hub hands a connector (state, bindings, an operation's context,
// an emit), so connector tests run operations without a journal. They live here, once, because
// every connector's test harness had grown its own copy, and the copies drifted from the journal:
// some let two canonical ids share one external id, some handed back the very object they stored.
// These follow the journal's rules instead (hub/src/journal/bindings.ts, migrations/001_journal.sql).
import { inspect } from 'node:util';
import type { Binding, BindingStore, ConnectorState, EmitEvent, OperationContext } from '../connector/define-connector';
import type { Envelope } from '../envelope';
import { silentLogger } from '../observability/logger';
import type { Logger } from '../observability/logger';

/** What a JSONB column gives back for a value: a deep copy, undefined (and functions) stored as null. */
function throughJson<T>(value: T): T {
  const text = JSON.stringify(value) as string | undefined;
  return (text === undefined ? null : JSON.parse(text)) as T;
}

/**
 * Connector state kept in a Map, copied in and out through JSON as the journal's connector_state
 * table does, so a test that mutates what it read (or what it wrote) sees what production would.
 * `get` and `set` are bound: tests detach them to wrap them (`const set = state.set`).
 */
export class MemoryConnectorState implements ConnectorState {
  constructor(readonly values: Map<string, unknown> = new Map()) {}

  get = async <T>(key: string): Promise<T | undefined> => (this.values.has(key) ? throughJson(this.values.get(key) as T) : undefined);

  set = async <T>(key: string, value: T): Promise<void> => {
    this.values.set(key, throughJson(value));
  };
}

export function memoryConnectorState(values?: Map<string, unknown>): MemoryConnectorState {
  return new MemoryConnectorState(values);
}

/**
 * Bindings for one connector and tenant, with the journal's two constraints: one row per
 * (entity, canonical id) — a second put re-binds it — and one canonical id per (entity, external
 * id) — binding an external id that another canonical id holds is refused, as the UNIQUE
 * constraint refuses it. Rows come back as copies, like rows read from the table.
 */
export class MemoryBindingStore implements BindingStore {
  readonly #rows = new Map<string, Binding>();

  constructor(
    readonly connector: string,
    readonly tenant = 'default',
  ) {}

  get = async (entity: string, canonicalId: string): Promise<Binding | undefined> => {
    const row = this.#rows.get(keyOf(entity, canonicalId));
    return row && throughJson(row);
  };

  getByExternal = async (entity: string, externalId: string): Promise<Binding | undefined> => {
    const row = this.#find(entity, externalId);
    return row && throughJson(row);
  };

  put = async (entity: string, canonicalId: string, externalId: string, extra: Record<string, unknown> = {}): Promise<void> => {
    const holder = this.#find(entity, externalId);
    if (holder && holder.canonicalId !== canonicalId) {
      throw new Error(
        `binding ${this.connector}/${entity} ${canonicalId} → ${externalId} clashes with ${holder.canonicalId}, which holds that external id ` +
          `(the journal's bindings table is unique per connector, entity, tenant and external id); bind another external id, or re-bind ${holder.canonicalId} first`,
      );
    }
    const row: Binding = { connector: this.connector, entity, canonicalId, externalId, tenant: this.tenant, syncedAt: new Date().toISOString(), extra: throughJson(extra) };
    this.#rows.set(keyOf(entity, canonicalId), row);
  };

  /** Every row, in the order first bound, for asserting on what an operation recorded. */
  all(): Binding[] {
    return [...this.#rows.values()].map((row) => throughJson(row));
  }

  #find(entity: string, externalId: string): Binding | undefined {
    return [...this.#rows.values()].find((row) => row.entity === entity && row.externalId === externalId);
  }
}

function keyOf(entity: string, canonicalId: string): string {
  return `${entity}\u0000${canonicalId}`;
}

export function memoryBindings(connector: string, tenant?: string): MemoryBindingStore {
  return new MemoryBindingStore(connector, tenant);
}

/** One follow-up event an operation passed to `ctx.emit`. */
export interface EmittedOperationEvent {
  type: string;
  data: unknown;
  subject?: string;
  partitionkey?: string;
}

export interface TestOperationContextOptions<Bindings extends BindingStore = MemoryBindingStore> {
  /** The connector the default bindings belong to (it is written into every binding row). */
  connector?: string;
  bindings?: Bindings;
  signal?: AbortSignal;
  attempt?: number;
  /** Defaults to `<envelope id>:<route>:<step>`, the shape the delivery engine uses. */
  idempotencyKey?: string;
  route?: string;
  step?: number | string;
  /** Laid over a test.ping envelope with a new id per context (correlation id = id unless given). */
  envelope?: Partial<Envelope>;
  logger?: Logger;
}

export type TestOperationContext<Bindings extends BindingStore = MemoryBindingStore> = OperationContext & {
  bindings: Bindings;
  /** What the operation emitted, in order. */
  emitted: EmittedOperationEvent[];
};

let contexts = 0;

/** The context the delivery engine hands an operation, with in-memory bindings and a recording emit. */
export function testOperationContext<Bindings extends BindingStore = MemoryBindingStore>(options: TestOperationContextOptions<Bindings> = {}): TestOperationContext<Bindings> {
  contexts += 1;
  const id = options.envelope?.id ?? `0190a4b2-0000-7000-8000-${String(contexts).padStart(12, '0')}`;
  const envelope: Envelope = {
    specversion: '1.0',
    id,
    source: 'interline/test',
    type: 'test.ping',
    time: '2025-03-12T10:00:00.000Z',
    datacontenttype: 'application/json',
    data: {},
    correlationid: id,
    tenant: 'default',
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    ...options.envelope,
  };
  const emitted: EmittedOperationEvent[] = [];
  return {
    idempotencyKey: options.idempotencyKey ?? `${id}:${options.route ?? 'route-test'}:${options.step ?? 1}`,
    attempt: options.attempt ?? 1,
    signal: options.signal ?? new AbortController().signal,
    envelope,
    logger: options.logger ?? silentLogger(),
    // Without bindings given, Bindings is its default, MemoryBindingStore.
    bindings: options.bindings ?? (memoryBindings(options.connector ?? 'test') as BindingStore as Bindings),
    emit(type, data, emitOptions) {
      emitted.push({
        type,
        data,
        ...(emitOptions?.subject !== undefined ? { subject: emitOptions.subject } : {}),
        ...(emitOptions?.partitionkey !== undefined ? { partitionkey: emitOptions.partitionkey } : {}),
      });
    },
    emitted,
  };
}

/** An event a source handed to the hub's ingress. */
export type EmittedEvent = Parameters<EmitEvent>[0];

/** The `emit` a source gets (webhook, poll, file), recording each event instead of journaling it. */
export function collectEmitted(): { emit: EmitEvent; events: EmittedEvent[] } {
  const events: EmittedEvent[] = [];
  return {
    events,
    emit: async (event) => {
      events.push(event);
    },
  };
}

/** Await a promise that must reject, and hand back its error for assertions on class and message. */
export async function rejectionOf<E extends Error = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error as E;
    throw new Error(`expected a rejection with an Error, but it rejected with ${inspect(error)}; reject with an Error subclass`);
  }
  throw new Error('expected the call to reject, but it resolved');
}
