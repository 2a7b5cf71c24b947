// A real node:http server on loopback that plays a generic JSON REST API: it checks credentials,
// stores what it receives, serves it back, and takes faults per operation from the shared control plane.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback, FaultPlan, applyHttpFault, handleControlRequest, readBody, sendJson } from '@interline/hub';
import type { Fault, SimulatorHandle } from '@interline/hub';
import { authorizationProblem } from './credentials';
import { RestSink } from './rest-sink';
import type { HttpSimulatorState, RecordedRequest, SimulatedOperation } from './rest-sink';

export interface HttpSimulatorHandle extends SimulatorHandle {
  /** Faults queued in process; tests over the wire use POST /__sim/faults instead. */
  faults: FaultPlan;
  inspect(): HttpSimulatorState;
  reset(): void;
}

const HIDDEN_HEADERS = new Set(['authorization', 'proxy-authorization']);

export async function startHttpSimulator(options: { host?: string; port?: number } = {}): Promise<HttpSimulatorHandle> {
  const sink = new RestSink();
  const faults = new FaultPlan();
  const control = { faults, inspect: () => sink.inspect(), reset: () => sink.reset() };

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: 'simulator_failure', message: error instanceof Error ? error.message : String(error) });
      else response.destroy();
    });
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (await handleControlRequest(control, request, response)) return;
    const url = new URL(request.url ?? '/', 'http://simulator');
    const method = (request.method ?? 'GET').toUpperCase();
    const operation = operationFor(method, url.pathname);

    let rawBody: Buffer;
    try {
      rawBody = await readBody(request, 1024 * 1024);
    } catch (error) {
      sendJson(response, 413, { error: 'payload_too_large', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    const idempotencyKey = single(request.headers['idempotency-key']);
    const decoded = decodeJson(rawBody);
    const recorded = sink.record({
      operation,
      method,
      path: url.pathname,
      query: url.search,
      headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => !HIDDEN_HEADERS.has(name))),
      body: decoded.ok ? decoded.value : rawBody.toString('utf8'),
      idempotencyKey,
    });
    response.on('finish', () => {
      recorded.status = response.statusCode;
    });

    if (await faulted(faults.take(operation, 'before'), recorded, response)) return;

    if (operation !== 'health') {
      const problem = authorizationProblem(single(request.headers.authorization) ?? undefined);
      if (problem !== undefined) {
        sendJson(response, 401, { error: 'unauthorized', message: problem }, { 'www-authenticate': 'Bearer realm="http-simulator", Basic realm="http-simulator"' });
        return;
      }
    }

    let answer: { status: number; body: unknown; headers: Record<string, string> };
    if (operation === 'health') {
      answer = { status: 200, body: { status: 'up' }, headers: {} };
    } else if (operation === 'get') {
      answer = sink.read(url.pathname);
    } else {
      if (!decoded.ok) {
        sendJson(response, 400, { error: 'invalid_json', message: 'the request body is not valid JSON' });
        return;
      }
      const written = sink.write(method, url.pathname, decoded.value, rawBody, idempotencyKey);
      recorded.replayed = written.replayed;
      answer = written;
    }

    // After the effect: the response is lost (reset) or replaced (503) while the effect stays.
    if (await faulted(faults.take(operation, 'after'), recorded, response)) return;
    sendJson(response, answer.status, answer.body, answer.headers);
  }

  const host = options.host ?? '127.0.0.1';
  const baseUrl = await listenOnLoopback(server, { host, ...(options.port !== undefined ? { port: options.port } : {}) });

  return {
    baseUrl,
    faults,
    inspect: () => sink.inspect(),
    reset: () => {
      faults.clear();
      sink.reset();
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from fetch's pool would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

async function faulted(fault: Fault | undefined, recorded: RecordedRequest, response: ServerResponse): Promise<boolean> {
  if (fault === undefined) return false;
  recorded.fault = `${fault.kind}${fault.afterEffect ? ' (after effect)' : ''}`;
  return applyHttpFault(fault, response);
}

/** Fault plans name operations; map each request onto the connector operation that makes it. */
function operationFor(method: string, path: string): SimulatedOperation {
  if (method === 'GET' && path === '/health') return 'health';
  if (method === 'GET' || method === 'HEAD') return 'get';
  return 'deliver';
}

function single(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/** An empty body reads as null; anything else must be JSON. */
function decodeJson(raw: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (raw.length === 0) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}
