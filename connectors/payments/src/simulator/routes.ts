// The Stripe API paths the simulator serves, each named after the connector operation that calls
// it (fault plans target those names), and what each runs against the ledger.
import { invalidRequest } from './api-result';
import type { ApiResult } from './api-result';
import type { FormObject } from './form';
import { cancelIntent, captureIntent, confirmIntent, createIntent, retrieveIntent } from './intents';
import type { RequestRef, StripeLedger } from './ledger';
import { createRefund, retrieveRefund } from './refunds';
import type { FailLater } from './refunds';
import type { WebhookSender } from './webhook-sender';

export interface RouteContext {
  ledger: StripeLedger;
  webhooks: WebhookSender;
  params: FormObject;
  request: RequestRef;
  failLater: FailLater;
}

export interface MatchedRoute {
  /** Operation name for fault injection and the request log. */
  operation: string;
  write: boolean;
  run(context: RouteContext): ApiResult;
}

type Handler = (context: RouteContext, id: string) => ApiResult;

const TABLE: Array<{ method: string; pattern: RegExp; operation: string; handler: Handler }> = [
  { method: 'POST', pattern: /^\/v1\/payment_intents$/, operation: 'createPaymentIntent', handler: (c) => createIntent(c.ledger, c.params, c.request) },
  { method: 'GET', pattern: /^\/v1\/payment_intents\/([^/]+)$/, operation: 'retrievePaymentIntent', handler: (c, id) => retrieveIntent(c.ledger, id) },
  { method: 'POST', pattern: /^\/v1\/payment_intents\/([^/]+)\/confirm$/, operation: 'confirmPaymentIntent', handler: (c, id) => confirmIntent(c.ledger, id, c.params, c.request) },
  { method: 'POST', pattern: /^\/v1\/payment_intents\/([^/]+)\/capture$/, operation: 'capturePaymentIntent', handler: (c, id) => captureIntent(c.ledger, id, c.params, c.request) },
  { method: 'POST', pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/, operation: 'cancelPaymentIntent', handler: (c, id) => cancelIntent(c.ledger, id, c.params, c.request) },
  { method: 'POST', pattern: /^\/v1\/refunds$/, operation: 'createRefund', handler: (c) => createRefund(c.ledger, c.params, c.request, c.failLater) },
  { method: 'GET', pattern: /^\/v1\/refunds\/([^/]+)$/, operation: 'retrieveRefund', handler: (c, id) => retrieveRefund(c.ledger, id) },
  { method: 'GET', pattern: /^\/v1\/balance$/, operation: 'health', handler: (c) => ({ status: 200, body: c.ledger.balance(), executed: true }) },
  {
    method: 'GET',
    pattern: /^\/v1\/events\/([^/]+)$/,
    operation: 'retrieveEvent',
    handler: (c, id) => {
      const event = c.webhooks.find(id);
      return event ? { status: 200, body: event, executed: true } : invalidRequest(`No such event: '${id}'`, { code: 'resource_missing', param: 'id' });
    },
  },
];

export function matchRoute(method: string, path: string): MatchedRoute | undefined {
  for (const route of TABLE) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    const id = decodeURIComponent(match[1] ?? '');
    return { operation: route.operation, write: method === 'POST', run: (context) => route.handler(context, id) };
  }
  return undefined;
}

export function unrecognized(method: string, path: string): ApiResult {
  return invalidRequest(`Unrecognized request URL (${method}: ${path}). The simulator serves /v1/payment_intents, /v1/refunds, /v1/balance and /v1/events.`, { code: 'resource_missing' });
}
