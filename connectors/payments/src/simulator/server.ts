// A Stripe-like API on loopback that the real `stripe` package talks to: API-key auth, form-encoded
// bodies, idempotency, rate limiting, Stripe-shaped errors, signed webhooks, and the shared /__sim
// control plane for faults (before or after the effect) and inspection.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback, FaultPlan, handleControlRequest, readBody, sendJson } from '@interline/hub';
import type { SimulatorHandle } from '@interline/hub';
import { STRIPE_API_VERSION } from '../config';
import { invalidRequest, stripeError, stripeId } from './api-result';
import type { ApiResult } from './api-result';
import { handleSimulatorControl, visibleSettings } from './control';
import { apiKeyProblem } from './credentials';
import { applyStripeFault, rateLimited } from './faults';
import { FormError, decodeForm } from './form';
import type { FormObject } from './form';
import { IdempotencyStore, fingerprint } from './idempotency';
import { StripeLedger } from './ledger';
import type { Effect, IntentJson, RefundJson } from './ledger';
import { ParamProblem } from './params';
import { failRefund } from './refunds';
import { matchRoute, unrecognized } from './routes';
import { RateLimiter, defaultSettings } from './settings';
import type { SettingsPatch, SimulatorSettings } from './settings';
import { WebhookSender } from './webhook-sender';
import type { DeliveryAttempt, StripeEventJson } from './webhook-sender';

export interface RecordedRequest {
  seq: number;
  at: string;
  operation: string;
  method: string;
  path: string;
  idempotencyKey: string | null;
  stripeVersion: string | null;
  status: number | null;
  replayed: boolean;
  fault: string | null;
}

export interface StripeSimulatorState {
  paymentIntents: IntentJson[];
  refunds: RefundJson[];
  effects: Effect[];
  events: Array<{ id: string; type: string; created: number; objectId: string; status: string }>;
  deliveries: DeliveryAttempt[];
  requests: RecordedRequest[];
  idempotencyKeys: number;
  settings: Record<string, unknown>;
}

export interface StripeSimulatorHandle extends SimulatorHandle {
  faults: FaultPlan;
  configure(patch: SettingsPatch): void;
  inspect(): StripeSimulatorState;
  event(eventId: string): StripeEventJson | undefined;
  reset(): void;
}

const MAX_RECORDED_REQUESTS = 2_000;

export async function startStripeSimulator(options: { host?: string; port?: number } = {}): Promise<StripeSimulatorHandle> {
  const settings: SimulatorSettings = defaultSettings();
  const webhooks = new WebhookSender(settings.webhook, () => STRIPE_API_VERSION);
  const ledger = new StripeLedger((type, object, request, created) => webhooks.record(type, object, request, created));
  const idempotency = new IdempotencyStore();
  const limiter = new RateLimiter();
  const faults = new FaultPlan();
  const refundTimers = new Set<NodeJS.Timeout>();
  let requests: RecordedRequest[] = [];

  const configure = (patch: SettingsPatch): void => {
    if (patch.webhook) Object.assign(settings.webhook, patch.webhook);
    if (patch.latencyMs !== undefined) settings.latencyMs = patch.latencyMs;
    if (patch.rateLimit !== undefined) settings.rateLimit = patch.rateLimit;
    if (patch.refundFailDelayMs !== undefined) settings.refundFailDelayMs = patch.refundFailDelayMs;
    if (patch.clockOffsetSeconds !== undefined) ledger.clockOffsetSeconds = patch.clockOffsetSeconds;
  };
  const target = { ledger, webhooks, settings, configure };
  const inspect = (): StripeSimulatorState =>
    structuredClone({
      paymentIntents: [...ledger.intents.values()],
      refunds: [...ledger.refunds.values()],
      effects: ledger.effects,
      events: webhooks.events.map((event) => ({ id: event.id, type: event.type, created: event.created, objectId: event.data.object.id, status: event.data.object.status })),
      deliveries: webhooks.attempts,
      requests,
      idempotencyKeys: idempotency.size,
      settings: visibleSettings(target),
    });
  const reset = (): void => {
    ledger.reset();
    idempotency.reset();
    limiter.reset();
    webhooks.reset();
    for (const timer of refundTimers) clearTimeout(timer);
    refundTimers.clear();
    // Knobs go back to their defaults; the webhook endpoint and secret (the wiring) stay.
    const { webhook: _webhook, ...knobs } = defaultSettings();
    Object.assign(settings, knobs);
    requests = [];
  };
  const failLater = (refundId: string): void => {
    const timer = setTimeout(() => {
      refundTimers.delete(timer);
      failRefund(ledger, refundId);
    }, settings.refundFailDelayMs);
    refundTimers.add(timer);
  };
  const control = { faults, inspect, reset };

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (await handleSimulatorControl(target, request, response)) return;
    if (await handleControlRequest(control, request, response)) return;
    const url = new URL(request.url ?? '/', 'http://simulator');
    const method = (request.method ?? 'GET').toUpperCase();
    const route = matchRoute(method, url.pathname);
    const idempotencyKey = single(request.headers['idempotency-key']);
    const stripeVersion = single(request.headers['stripe-version']);
    const recorded: RecordedRequest = {
      seq: requests.length + 1,
      at: new Date().toISOString(),
      operation: route?.operation ?? 'unknown',
      method,
      path: url.pathname,
      idempotencyKey,
      stripeVersion,
      status: null,
      replayed: false,
      fault: null,
    };
    requests.push(recorded);
    if (requests.length > MAX_RECORDED_REQUESTS) requests.shift();
    const requestId = stripeId('req', 14);
    const headers: Record<string, string> = { 'request-id': requestId, 'stripe-version': stripeVersion ?? STRIPE_API_VERSION };
    if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
    const answer = (result: ApiResult, replayed = false): void => {
      recorded.status = result.status;
      recorded.replayed = replayed;
      sendJson(response, result.status, result.body, { ...headers, ...(result.headers ?? {}), ...(replayed ? { 'idempotent-replayed': 'true' } : {}) });
    };

    const before = faults.take(recorded.operation, 'before');
    if (before) {
      recorded.fault = before.kind;
      recorded.status = await applyStripeFault(before, 'before', response, headers);
      return;
    }
    const keyProblem = apiKeyProblem(single(request.headers.authorization) ?? undefined);
    if (keyProblem !== undefined) return answer(stripeError(401, 'invalid_request_error', keyProblem, {}, { headers: { 'www-authenticate': 'Bearer realm="Stripe"' } }));
    if (!route) return answer(unrecognized(method, url.pathname));
    if (stripeVersion !== null && !/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(stripeVersion)) {
      return answer(invalidRequest(`Invalid Stripe API version: ${stripeVersion.slice(0, 40)}`, { code: 'api_version_invalid' }));
    }
    if (!limiter.allow(settings.rateLimit)) return answer(rateLimited());

    let params: FormObject;
    try {
      params = await readParams(request, method);
    } catch (error) {
      return answer(invalidRequest(error instanceof Error ? error.message : String(error), { code: 'parameter_invalid' }));
    }
    const print = fingerprint(method, url.pathname, params);
    const keyed = route.write && idempotencyKey !== null;
    if (keyed) {
      const admission = idempotency.admit(idempotencyKey, print);
      if (admission.kind === 'answer') return answer(admission.result, admission.replayed);
    }
    let result: ApiResult;
    try {
      if (route.write && settings.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.latencyMs));
      result = route.run({ ledger, webhooks, params, request: { id: requestId, idempotency_key: idempotencyKey }, failLater });
    } catch (error) {
      result = error instanceof ParamProblem ? error.result : stripeError(500, 'api_error', `The simulator failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Stored with the key before any after-effect fault: a lost response must replay, not re-run.
    if (keyed) idempotency.finish(idempotencyKey, print, result);
    const after = faults.take(recorded.operation, 'after');
    if (after) {
      recorded.fault = `${after.kind} (after effect)`;
      recorded.status = await applyStripeFault(after, 'after', response, headers);
      return;
    }
    answer(result);
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: { type: 'api_error', message: error instanceof Error ? error.message : String(error) } });
      else response.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  const baseUrl = await listenOnLoopback(server, { host, ...(options.port !== undefined ? { port: options.port } : {}) });
  return {
    baseUrl,
    faults,
    configure,
    inspect,
    event: (eventId) => webhooks.find(eventId),
    reset: () => {
      faults.clear();
      reset();
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        webhooks.stop();
        for (const timer of refundTimers) clearTimeout(timer);
        server.close((error) => (error ? reject(error) : resolve()));
        // The stripe package keeps sockets alive; they would hold close() open.
        server.closeAllConnections();
      }),
  };
}

async function readParams(request: IncomingMessage, method: string): Promise<FormObject> {
  const raw = (await readBody(request, 1024 * 1024)).toString('utf8');
  if (method !== 'POST' || raw === '') return {};
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new FormError(`Invalid request: Stripe takes form-encoded bodies (Content-Type: application/x-www-form-urlencoded), not ${type || 'no Content-Type'}`);
  }
  return decodeForm(raw);
}

function single(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}
