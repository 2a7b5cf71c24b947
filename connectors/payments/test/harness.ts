// Shared test wiring: a connected client against a running simulator, and the contexts the hub
// hands to operations and sources, with real in-memory bindings and state (no mocked components).
import Stripe from 'stripe';
import { silentLogger } from '@interline/hub';
import type { ConnectorContext, OperationContext, WebhookRequest, WebhookResponse } from '@interline/hub';
import { collectEmitted, memoryBindings as connectorBindings, memoryConnectorState as memoryState, rejectionOf, testOperationContext } from '@interline/hub/testing';
import type { EmittedEvent, MemoryBindingStore } from '@interline/hub/testing';
import { paymentsConnector } from '../src';
import type { PaymentsClient, PaymentsConfig } from '../src';
import { SIMULATOR_SECRET_KEY, SIMULATOR_WEBHOOK_SECRET, paymentsSimulator, startStripeSimulator } from '../src/testing';
import type { StripeSimulatorHandle } from '../src/testing';

export type OperationName = 'createPaymentIntent' | 'confirmPaymentIntent' | 'capturePaymentIntent' | 'cancelPaymentIntent' | 'createRefund';

export { memoryState };
export type Emitted = EmittedEvent;

/** Bindings as the journal keeps them: unique per canonical id and per external id. */
export function memoryBindings(): MemoryBindingStore {
  return connectorBindings('payments');
}

export function connectorContext(): ConnectorContext {
  return { logger: silentLogger(), state: memoryState() };
}

export interface TestRig {
  sim: StripeSimulatorHandle;
  client: PaymentsClient;
  config: PaymentsConfig;
  /** A plain stripe client on the simulator, to set things up the way a portal would. */
  stripe: Stripe;
}

export async function startRig(overrides: Partial<PaymentsConfig> = {}): Promise<TestRig> {
  const sim = await startStripeSimulator();
  const config = { ...paymentsSimulator.configFor(sim), ...overrides };
  const client = await paymentsConnector.connect(config, connectorContext());
  const url = new URL(sim.baseUrl);
  const stripe = new Stripe(SIMULATOR_SECRET_KEY, { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });
  return { sim, client, config, stripe };
}

export function operationContext(overrides: Partial<OperationContext> = {}): OperationContext {
  return { ...testOperationContext({ bindings: memoryBindings(), route: 'route-pay', envelope: { type: 'payment.requested' } }), ...overrides };
}

/** Run one operation the way the delivery engine does (input checked against its schema first). */
export async function runOperation<T = unknown>(client: PaymentsClient, name: OperationName, input: unknown, ctx: OperationContext = operationContext()): Promise<T> {
  const operation = paymentsConnector.operations[name];
  if (operation === undefined) throw new Error(`no operation ${name}`);
  return (await operation.run(client, input as never, ctx)) as T;
}

/** Call the webhook source with a real emit that collects what it is given. */
export async function callWebhook(
  client: PaymentsClient,
  request: Partial<WebhookRequest> & { rawBody: Buffer },
  context: ConnectorContext = connectorContext(),
): Promise<{ response: WebhookResponse; emitted: Emitted[] }> {
  const source = paymentsConnector.sources?.webhook;
  if (source?.kind !== 'webhook') throw new Error('the payments connector has no webhook source');
  const { emit, events: emitted } = collectEmitted();
  const response = await source.handle(client, { method: 'POST', path: '/webhooks/payments/webhook', headers: {}, ...request }, { ...context, emit });
  return { response, emitted };
}

/** A body and Stripe-Signature header made with the stripe package's own test helper. */
export function signed(body: string, options: { secret?: string; timestamp?: number } = {}): { rawBody: Buffer; headers: Record<string, string> } {
  const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? SIMULATOR_WEBHOOK_SECRET, ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}) });
  return { rawBody: Buffer.from(body), headers: { 'stripe-signature': header } };
}

/** Capture a rejection to assert on its class, message, details and retry hint. */
export function failure(promise: Promise<unknown>): Promise<Error & { details?: Record<string, unknown>; retryAfterMs?: number }> {
  return rejectionOf(promise);
}

export function paymentInput(paymentId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { paymentId, amount: { amountMinor: 12_500, currency: 'EUR' }, links: { orderId: `order-${paymentId}` }, ...extra };
}
