// Shared test wiring: a connected client against a running simulator and the contexts the hub
// would hand to operations and sources (real values, no mocked components).
import { silentLogger } from '@interline/hub';
import type { ConnectorContext, EmitEvent, OperationContext, WebhookRequest, WebhookResponse } from '@interline/hub';
import { httpConnector } from '../src';
import type { HttpClient, HttpConfig } from '../src';

export function connectorContext(): ConnectorContext {
  const values = new Map<string, unknown>();
  return {
    logger: silentLogger(),
    state: {
      get: async <T>(key: string) => values.get(key) as T | undefined,
      set: async <T>(key: string, value: T) => {
        values.set(key, value);
      },
    },
  };
}

export async function connect(config: HttpConfig): Promise<HttpClient> {
  return httpConnector.connect(config, connectorContext());
}

export function operationContext(overrides: Partial<OperationContext> = {}): OperationContext {
  return {
    idempotencyKey: 'msg-1:route-a:step-2',
    attempt: 1,
    signal: new AbortController().signal,
    envelope: {
      specversion: '1.0',
      id: '0190a4b2-0000-7000-8000-000000000001',
      source: 'interline/test',
      type: 'shipment.status-changed',
      subject: '020-12345675',
      time: '2025-01-15T10:00:00.000Z',
      datacontenttype: 'application/json',
      data: {},
      correlationid: '0190a4b2-0000-7000-8000-000000000001',
      tenant: 'default',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    },
    logger: silentLogger(),
    bindings: {
      get: async () => undefined,
      getByExternal: async () => undefined,
      put: async () => undefined,
    },
    emit: () => undefined,
    ...overrides,
  };
}

/** Run one of the connector's operations the way the delivery engine does. */
export async function runOperation(client: HttpClient, name: 'deliver' | 'get', input: unknown, ctx: OperationContext = operationContext()): Promise<unknown> {
  const operation = httpConnector.operations[name];
  if (operation === undefined) throw new Error(`no operation ${name}`);
  return operation.run(client, input as never, ctx);
}

/** Call the webhook source with a fake emit that collects what it is given. */
export async function callWebhook(
  client: HttpClient,
  request: Partial<WebhookRequest> & { rawBody: Buffer },
): Promise<{ response: WebhookResponse; emitted: Parameters<EmitEvent>[0][] }> {
  const source = httpConnector.sources?.webhook;
  if (source?.kind !== 'webhook') throw new Error('the http connector has no webhook source');
  const emitted: Parameters<EmitEvent>[0][] = [];
  const response = await source.handle(
    client,
    { method: 'POST', path: '/webhooks/http/webhook', headers: {}, ...request },
    {
      ...connectorContext(),
      emit: async (event) => {
        emitted.push(event);
      },
    },
  );
  return { response, emitted };
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
