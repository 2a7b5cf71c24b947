// The connector SDK: one declarative definition per connector drives config validation,
// `interline connectors describe`, the delivery engine and the contract kit.
import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { Logger } from '../observability/logger';
import type { ErrorClass } from '../errors';
import type { Envelope } from '../envelope';

/** Stores that connect canonical ids with the ids of the external system. */
export interface BindingStore {
  get(entity: string, canonicalId: string): Promise<Binding | undefined>;
  getByExternal(entity: string, externalId: string): Promise<Binding | undefined>;
  put(entity: string, canonicalId: string, externalId: string, extra?: Record<string, unknown>): Promise<void>;
}

export interface Binding {
  connector: string;
  entity: string;
  canonicalId: string;
  externalId: string;
  tenant: string;
  syncedAt: string;
  extra: Record<string, unknown>;
}

/** Small durable key/value state per connector (poll cursors, tokens, control references). */
export interface ConnectorState {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
}

/** Hands new canonical events to the hub's ingress (journaled, then routed). */
export type EmitEvent = (event: { type: string; data: unknown; subject?: string; partitionkey?: string; tenant?: string; id?: string }) => Promise<void>;

export interface ConnectorContext {
  logger: Logger;
  state: ConnectorState;
}

export interface OperationContext {
  /** message id + route + step: the same on every redelivery of the same step. */
  idempotencyKey: string;
  attempt: number;
  signal: AbortSignal;
  envelope: Envelope;
  logger: Logger;
  bindings: BindingStore;
  /** Follow-up events, journaled together with the step's outcome so they are emitted exactly once. */
  emit(type: string, data: unknown, options?: { subject?: string; partitionkey?: string }): void;
}

export interface OperationDefinition<Client = unknown, Input = unknown, Output = unknown> {
  summary: string;
  input: TSchema;
  /** True when calling it changes the external system (the contract kit counts those effects). */
  sideEffect?: boolean;
  run(client: Client, input: Input, ctx: OperationContext): Promise<Output>;
  /** Classify an error the SDK helpers could not (a remote error code, a fault string). */
  classify?(error: unknown): ErrorClass | undefined;
}

export interface HealthResult {
  status: 'up' | 'down' | 'degraded';
  detail?: string;
  latencyMs?: number;
}

export interface WebhookRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body: signature checks must see the exact bytes. */
  rawBody: Buffer;
}

export interface WebhookResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An inbound source: the outside world pushes (webhook), the hub asks (poll), or files arrive. */
export type SourceDefinition<Client = unknown> =
  | {
      kind: 'webhook';
      summary: string;
      /**
       * Which HTTP methods reach `handle` (default POST only). A source that answers GET (ONE Record
       * publishers asking GET /subscriptions) lists it; other methods get 405 from the hub.
       */
      methods?: ReadonlyArray<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'>;
      /** Served at /webhooks/<connector>/<source>. Verify before anything else; emit canonical events. */
      handle(client: Client, request: WebhookRequest, ctx: ConnectorContext & { emit: EmitEvent }): Promise<WebhookResponse>;
    }
  | {
      kind: 'poll';
      summary: string;
      intervalMs: number;
      poll(client: Client, ctx: ConnectorContext & { emit: EmitEvent; signal: AbortSignal }): Promise<void>;
    }
  | {
      kind: 'file';
      summary: string;
      /** Called once per complete file picked up from the inbox; the raw bytes are archived first. */
      receive(client: Client, file: { name: string; bytes: Buffer; partner?: string }, ctx: ConnectorContext & { emit: EmitEvent }): Promise<void>;
    };

export interface SimulatorHandle {
  baseUrl: string;
  stop(): Promise<void>;
  /**
   * For a partner that exchanges files: the exchange root and partner folder the simulator serves,
   * so the hub's file exchange watches the simulator's folders instead of its own root.
   */
  fileExchange?: { root: string; partner: string };
}

export interface SimulatorHubContext {
  instance: string;
  hubUrl?: string;
}

export interface SimulatorDefinition<Config> {
  summary: string;
  start(options: { host?: string; port?: number }): Promise<SimulatorHandle>;
  /**
   * The connector configuration that points at a running simulator. `hub` names the instance and,
   * when known before the hub listens, the hub's ops URL — for simulators that call the hub back
   * (webhooks, notifications at <hubUrl>/webhooks/<instance>/<source>).
   */
  configFor(handle: SimulatorHandle, hub?: SimulatorHubContext): Config;
}

export interface ConnectorDefinition<ConfigSchema extends TObject = TObject, Client = unknown> {
  id: string;
  version: string;
  summary: string;
  /** Config schema; secret fields carry `secret: true` and are redacted wherever config is shown. */
  config: ConfigSchema;
  connect(config: Static<ConfigSchema>, ctx: ConnectorContext): Promise<Client> | Client;
  disconnect?(client: Client): Promise<void>;
  operations: Record<string, OperationDefinition<Client, never, unknown>>;
  sources?: Record<string, SourceDefinition<Client>>;
  health(client: Client, ctx: ConnectorContext): Promise<HealthResult>;
  simulator?: SimulatorDefinition<Static<ConfigSchema>>;
}

/** Identity function that gives a connector definition its types. */
export function defineConnector<ConfigSchema extends TObject, Client>(
  definition: ConnectorDefinition<ConfigSchema, Client>,
): ConnectorDefinition<ConfigSchema, Client> {
  return definition;
}

/** Give one operation its input type from its schema. */
export function defineOperation<Client, InputSchema extends TSchema, Output>(operation: {
  summary: string;
  input: InputSchema;
  sideEffect?: boolean;
  run(client: Client, input: Static<InputSchema>, ctx: OperationContext): Promise<Output>;
  classify?(error: unknown): ErrorClass | undefined;
}): OperationDefinition<Client, never, Output> {
  return operation as unknown as OperationDefinition<Client, never, Output>;
}
