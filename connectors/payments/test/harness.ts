// Shared test wiring: a connected client against a running simulator, and the contexts the hub
// hands to operations and sources, with real in-memory bindings and state (no mocked components).
import Stripe from 'stripe';
import { silentLogger } from '@interline/hub';
import type { Binding, BindingStore, ConnectorContext, EmitEvent, OperationContext, WebhookRequest, WebhookResponse } from '@interline/hub';
import { paymentsConnector } from '../src';
import type { PaymentsClient, PaymentsConfig } from '../src';
import { SIMULATOR_SECRET_KEY, SIMULATOR_WEBHOOK_SECRET, paymentsSimulator, startStripeSimulator } from '../src/testing';
import type { StripeSimulatorHandle } from '../src/testing';

export type OperationName = 'createPaymentIntent' | 'confirmPaymentIntent' | 'capturePaymentIntent' | 'cancelPaymentIntent' | 'createRefund';

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

/** Bindings as the journal keeps them: unique per canonical id and per external id. */
export function memoryBindings(): BindingStore & { all(): Binding[] } {
  const rows: Binding[] = [];
  return {
    all: () => rows.map((row) => ({ ...row })),
    get: async (entity, canonicalId) => rows.find((row) => row.entity === entity && row.canonicalId === canonicalId),
    getByExternal: async (entity, externalId) => rows.find((row) => row.entity === entity && row.externalId === externalId),
    put: async (entity, canonicalId, externalId, extra = {}) => {
      const clash = rows.find((row) => row.entity === entity && row.externalId === externalId && row.canonicalId !== canonicalId);
      if (clash) throw new Error(`duplicate key value violates unique constraint (external id ${externalId})`);
      const existing = rows.find((row) => row.entity === entity && row.canonicalId === canonicalId);
      const row: Binding = { connector: 'payments', entity, canonicalId, externalId, tenant: 'default', syncedAt: new Date().toISOString(), extra };
      if (existing) Object.assign(existing, row);
      else rows.push(row);
    },
  };
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

let keySeq = 0;

export function operationContext(overrides: Partial<OperationContext> = {}): OperationContext {
  keySeq += 1;
  const id = `0190a4b2-0000-7000-8000-${String(keySeq).padStart(12, '0')}`;
  return {
    idempotencyKey: `${id}:route-pay:1`,
    attempt: 1,
    signal: new AbortController().signal,
    envelope: {
      specversion: '1.0',
      id,
      source: 'interline/test',
      type: 'payment.requested',
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

/** Run one operation the way the delivery engine does (input checked against its schema first). */
export async function runOperation<T = unknown>(client: PaymentsClient, name: OperationName, input: unknown, ctx: OperationContext = operationContext()): Promise<T> {
  const operation = paymentsConnector.operations[name];
  if (operation === undefined) throw new Error(`no operation ${name}`);
  return (await operation.run(client, input as never, ctx)) as T;
}

export type Emitted = Parameters<EmitEvent>[0];

/** Call the webhook source with a real emit that collects what it is given. */
export async function callWebhook(
  client: PaymentsClient,
  request: Partial<WebhookRequest> & { rawBody: Buffer },
  context: ConnectorContext = connectorContext(),
): Promise<{ response: WebhookResponse; emitted: Emitted[] }> {
  const source = paymentsConnector.sources?.webhook;
  if (source?.kind !== 'webhook') throw new Error('the payments connector has no webhook source');
  const emitted: Emitted[] = [];
  const response = await source.handle(client, { method: 'POST', path: '/webhooks/payments/webhook', headers: {}, ...request }, { ...context, emit: async (event) => void emitted.push(event) });
  return { response, emitted };
}

/** A body and Stripe-Signature header made with the stripe package's own test helper. */
export function signed(body: string, options: { secret?: string; timestamp?: number } = {}): { rawBody: Buffer; headers: Record<string, string> } {
  const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? SIMULATOR_WEBHOOK_SECRET, ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}) });
  return { rawBody: Buffer.from(body), headers: { 'stripe-signature': header } };
}

/** Capture a rejection to assert on its class and message. */
export async function failure(promise: Promise<unknown>): Promise<Error & { details?: Record<string, unknown>; retryAfterMs?: number }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export function paymentInput(paymentId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { paymentId, amount: { amountMinor: 12_500, currency: 'EUR' }, links: { orderId: `order-${paymentId}` }, ...extra };
}
