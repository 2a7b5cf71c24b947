// The portal connector's simulator: a stand-in for the portal's internal endpoints (the real portal
// needs a hub and a database, so it cannot be the simulator of a connector the hub starts). It
// checks the bearer token, records each distinct delivery (replaying the first answer for a repeated
// Idempotency-Key), and takes faults from the shared /__sim control plane.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultPlan, applyHttpFault, handleControlRequest, readBody, sendJson } from '@interline/hub';
import type { SimulatorHandle } from '@interline/hub';

export const STAND_IN_TOKEN = 'portal-stand-in-service-token';

export interface StandInEffect {
  path: string;
  idempotencyKey: string;
  body: unknown;
}

export interface StandInState {
  effects: StandInEffect[];
  requests: number;
}

/** Fault plans name the internal endpoint's last path segment (tracking-events, saga-steps, …). */
export function operationOf(path: string): string {
  return path.split('/').filter(Boolean).pop() ?? '';
}

export async function startPortalStandIn(options: { host?: string; port?: number } = {}): Promise<SimulatorHandle & { inspect(): StandInState }> {
  const faults = new FaultPlan();
  let effects: StandInEffect[] = [];
  let requests = 0;
  const answers = new Map<string, unknown>();
  const control = { faults, inspect: (): StandInState => ({ effects, requests }), reset: () => ((effects = []), answers.clear(), (requests = 0)) };

  const server = createServer((request, response) => {
    void (async () => {
      if (await handleControlRequest(control, request, response)) return;
      const url = new URL(request.url ?? '/', 'http://stand-in');
      if (request.method === 'GET' && url.pathname === '/healthz') return sendJson(response, 200, { status: 'ok' });
      requests += 1;
      const body = await readBody(request, 1024 * 1024);
      const operation = operationOf(url.pathname);
      const before = faults.take(operation, 'before');
      if (before && (await applyHttpFault(before, response))) return;
      if (request.headers.authorization !== `Bearer ${STAND_IN_TOKEN}`) return sendJson(response, 401, { title: 'Unauthorized', detail: 'token is not valid for this portal' });
      if (request.method !== 'POST' || !url.pathname.startsWith('/internal/v1/')) return sendJson(response, 404, { title: 'Not Found' });
      const key = String(request.headers['idempotency-key'] ?? '');
      let answer = answers.get(key);
      if (answer === undefined) {
        effects.push({ path: url.pathname, idempotencyKey: key, body: JSON.parse(body.toString('utf8') || 'null') as unknown });
        answer = { outcome: 'recorded' };
        answers.set(key, answer);
      }
      const after = faults.take(operation, 'after');
      if (after && (await applyHttpFault(after, response))) return;
      sendJson(response, 200, answer);
    })().catch((error: unknown) => sendJson(response, 500, { title: 'stand-in failure', detail: String(error) }));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://${host}:${port}`,
    inspect: control.inspect,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
