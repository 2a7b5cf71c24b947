// The simulator's own control endpoints beside the shared /__sim ones: settings (webhook target and
// secret, latency, rate limit, clock), the customer's 3-D Secure outcome, and re-sending an event.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { check, readBody, sendJson } from '@interline/hub';
import { authenticateIntent } from './intents';
import type { StripeLedger } from './ledger';
import { SettingsPatchSchema } from './settings';
import type { SettingsPatch, SimulatorSettings } from './settings';
import type { WebhookSender } from './webhook-sender';

export interface ControlTarget {
  ledger: StripeLedger;
  webhooks: WebhookSender;
  settings: SimulatorSettings;
  configure(patch: SettingsPatch): void;
}

/** Settings as shown: the webhook secret is a credential, so only whether it is set. */
export function visibleSettings(target: ControlTarget): Record<string, unknown> {
  const { webhook, ...rest } = target.settings;
  return { ...rest, webhook: { ...webhook, secret: '[set]' }, clockOffsetSeconds: target.ledger.clockOffsetSeconds };
}

async function jsonBody(request: IncomingMessage): Promise<unknown> {
  const text = (await readBody(request, 64 * 1024)).toString('utf8');
  return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
}

/** Serve the simulator-specific /__sim endpoints; false when the request is for another handler. */
export async function handleSimulatorControl(target: ControlTarget, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  try {
    return await route(target, request, response);
  } catch (error) {
    sendJson(response, 400, { error: `the control request could not be read: ${error instanceof Error ? error.message : String(error)}; send JSON` });
    return true;
  }
}

async function route(target: ControlTarget, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const path = new URL(request.url ?? '/', 'http://simulator').pathname;
  const method = request.method ?? 'GET';
  if (path === '/__sim/config' && method === 'GET') {
    sendJson(response, 200, visibleSettings(target));
    return true;
  }
  if (path === '/__sim/config' && method === 'POST') {
    const result = check(SettingsPatchSchema, await jsonBody(request));
    if (!result.ok) {
      sendJson(response, 400, { error: 'invalid simulator settings', issues: result.issues });
      return true;
    }
    target.configure(result.value);
    sendJson(response, 200, visibleSettings(target));
    return true;
  }
  const authenticate = /^\/__sim\/payment_intents\/([^/]+)\/authenticate$/.exec(path);
  if (authenticate && method === 'POST') {
    const body = (await jsonBody(request)) as { outcome?: unknown };
    if (body.outcome !== 'succeed' && body.outcome !== 'fail') {
      sendJson(response, 400, { error: 'send {"outcome": "succeed"} or {"outcome": "fail"}' });
      return true;
    }
    const result = authenticateIntent(target.ledger, decodeURIComponent(authenticate[1] ?? ''), body.outcome === 'succeed');
    sendJson(response, result.status, result.body);
    return true;
  }
  const deliver = /^\/__sim\/events\/([^/]+)\/deliver$/.exec(path);
  if (deliver && method === 'POST') {
    const event = target.webhooks.find(decodeURIComponent(deliver[1] ?? ''));
    if (!event) {
      sendJson(response, 404, { error: `no event ${deliver[1]}; list them with GET /__sim/state` });
      return true;
    }
    sendJson(response, 200, await target.webhooks.deliver(event, 1, false));
    return true;
  }
  return false;
}
