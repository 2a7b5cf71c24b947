// Shared test wiring: a connected client against a running simulator and the contexts the hub
// would hand to operations and sources (real values, no mocked components).
import { silentLogger } from '@interline/hub';
import type { ConnectorContext, OperationContext, WebhookRequest, WebhookResponse } from '@interline/hub';
import { collectEmitted, memoryBindings, memoryConnectorState, testOperationContext } from '@interline/hub/testing';
import type { EmittedEvent } from '@interline/hub/testing';
import { httpConnector } from '../src';
import type { HttpClient, HttpConfig } from '../src';

export { rejectionOf as failure } from '@interline/hub/testing';

export function connectorContext(): ConnectorContext {
  return { logger: silentLogger(), state: memoryConnectorState() };
}

export async function connect(config: HttpConfig): Promise<HttpClient> {
  return httpConnector.connect(config, connectorContext());
}

/** Fixed key, message id and subject: the tests read them back from the requests the simulator saw. */
export function operationContext(overrides: Partial<OperationContext> = {}): OperationContext {
  const context = testOperationContext({
    bindings: memoryBindings('http'),
    idempotencyKey: 'msg-1:route-a:step-2',
    envelope: { id: '0190a4b2-0000-7000-8000-000000000001', type: 'shipment.status-changed', subject: '020-12345675', time: '2025-01-15T10:00:00.000Z' },
  });
  return { ...context, ...overrides };
}

/** Run one of the connector's operations the way the delivery engine does. */
export async function runOperation(client: HttpClient, name: 'deliver' | 'get', input: unknown, ctx: OperationContext = operationContext()): Promise<unknown> {
  const operation = httpConnector.operations[name];
  if (operation === undefined) throw new Error(`no operation ${name}`);
  return operation.run(client, input as never, ctx);
}

/** Call the webhook source with an emit that collects what it is given. */
export async function callWebhook(
  client: HttpClient,
  request: Partial<WebhookRequest> & { rawBody: Buffer },
): Promise<{ response: WebhookResponse; emitted: EmittedEvent[] }> {
  const source = httpConnector.sources?.webhook;
  if (source?.kind !== 'webhook') throw new Error('the http connector has no webhook source');
  const { emit, events: emitted } = collectEmitted();
  const response = await source.handle(client, { method: 'POST', path: '/webhooks/http/webhook', headers: {}, ...request }, { ...connectorContext(), emit });
  return { response, emitted };
}
