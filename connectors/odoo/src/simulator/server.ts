// A real node:http server on loopback that speaks Odoo's external API: XML-RPC (/xmlrpc/2/common,
// /xmlrpc/2/object), JSON-2 (/json/2/<model>/<method>, when it plays Odoo 19+) and /web/version,
// with the shared /__sim control plane for faults (per "<model>.<method>" or "<model>"), state and reset.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback, FaultPlan, applyHttpFault, handleControlRequest, readBody } from '@interline/hub';
import type { Fault, SimulatorHandle } from '@interline/hub';
import { immediate, jsonAnswer, simVersion, versionInfo } from './backend';
import type { Answer, PreparedCall, SimBackend } from './backend';
import { odooRules } from './business-rules';
import { SimClock } from './clock';
import { Database } from './database';
import { CallLog, inspect } from './inspection';
import type { CallRecord, OdooSimulatorState } from './inspection';
import { httpError, prepareJson2, unauthorized } from './json2-endpoint';
import { accessDenied, accessError, serializationFailure, validationError } from './odoo-exceptions';
import { seed } from './seed';
import { prepareXmlRpc, xmlrpcFault } from './xmlrpc-endpoint';

export interface OdooSimulatorOptions {
  host?: string;
  port?: number;
  /** The Odoo version to play: "17.0" (default; XML-RPC only) or "19.0" (JSON-2 too). */
  version?: string;
}

export interface OdooSimulatorHandle extends SimulatorHandle {
  /** Faults queued in process; tests over the wire use POST /__sim/faults instead. */
  faults: FaultPlan;
  clock: SimClock;
  serverVersion: string;
  inspect(): OdooSimulatorState;
  reset(): void;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const NOT_FOUND_HTML = '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server.</p>\n';

export async function startOdooSimulator(options: OdooSimulatorOptions = {}): Promise<OdooSimulatorHandle> {
  const version = simVersion(options.version ?? '17.0');
  const clock = new SimClock();
  const db = new Database(() => clock.now(), odooRules);
  seed(db);
  const backend: SimBackend = { db, version };
  const faults = new FaultPlan();
  const calls = new CallLog();
  const reset = (): void => {
    faults.clear();
    calls.clear();
    db.reset();
    seed(db);
  };
  const control = { faults, inspect: () => inspect(db, version.serverVersion, calls), reset };

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, jsonAnswer(500, { name: 'simulator', message: error instanceof Error ? error.message : String(error) }, 'simulator failure'));
      else response.destroy();
    });
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (await handleControlRequest(control, request, response)) return;
    const url = new URL(request.url ?? '/', 'http://simulator');
    const method = (request.method ?? 'GET').toUpperCase();
    let body: string;
    try {
      body = (await readBody(request, MAX_BODY_BYTES)).toString('utf8');
    } catch (error) {
      send(response, httpError(413, 'werkzeug.exceptions.RequestEntityTooLarge', error instanceof Error ? error.message : String(error)));
      return;
    }
    const prepared = route(method, url.pathname, request, body);
    const record = calls.add({ protocol: prepared.protocol, operation: prepared.operation, login: prepared.login });
    response.on('finish', () => {
      record.status = response.statusCode;
    });
    if (await faulted(takeFault(prepared.operation, 'before'), prepared, record, response)) return;
    const answer = prepared.execute();
    record.outcome = answer.outcome;
    // After the effect: the answer is lost or replaced while the change stays committed.
    if (await faulted(takeFault(prepared.operation, 'after'), prepared, record, response)) return;
    send(response, answer);
  }

  function route(method: string, path: string, request: IncomingMessage, body: string): PreparedCall {
    if (path === '/web/version' && (method === 'GET' || method === 'POST')) {
      return immediate('web', 'web.version', jsonAnswer(200, { version_info: versionInfo(version), version: version.serverVersion }, 'ok'));
    }
    const xmlrpc = /^\/xmlrpc\/2\/([a-z_]+)$/.exec(path);
    if (xmlrpc && method === 'POST') return prepareXmlRpc(xmlrpc[1] as string, body, backend);
    if ((path === '/json/2' || path.startsWith('/json/2/')) && version.major >= 19) return prepareJson2(method, path, request.headers, body, backend);
    return immediate('web', `${method} ${path}`, { status: 404, contentType: 'text/html; charset=utf-8', body: NOT_FOUND_HTML, outcome: 'HTTP 404' });
  }

  /** A fault for this exact operation ("res.partner.create"), else for its model ("res.partner"). */
  function takeFault(operation: string, phase: 'before' | 'after'): Fault | undefined {
    const model = operation.includes('.') ? operation.slice(0, operation.lastIndexOf('.')) : operation;
    return faults.take(operation, phase) ?? (model !== operation ? faults.take(model, phase) : undefined);
  }

  async function faulted(fault: Fault | undefined, prepared: PreparedCall, record: CallRecord, response: ServerResponse): Promise<boolean> {
    if (fault === undefined) return false;
    record.fault = `${fault.kind}${fault.afterEffect ? ' (after effect)' : ''}`;
    const answer = odooFaultAnswer(fault, prepared.protocol);
    if (answer) send(response, answer);
    else await applyHttpFault(fault, response);
    return true;
  }

  const host = options.host ?? '127.0.0.1';
  const baseUrl = await listenOnLoopback(server, { host, ...(options.port !== undefined ? { port: options.port } : {}) });
  return {
    baseUrl,
    faults,
    clock,
    serverVersion: version.serverVersion,
    inspect: control.inspect,
    reset,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from fetch's pool would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/**
 * Faults in Odoo's own words where Odoo has them: a transient fault with status 200 (XML-RPC) or
 * 500 (JSON-2) is PostgreSQL's serialization failure, 409 a LockError; permanent is a
 * ValidationError (fault 2 / 422); auth is Access Denied (fault 3 / 401) or, with status 403, an
 * AccessError (fault 4 / 403). Everything else is a plain HTTP fault (503 from a proxy, timeouts, resets).
 */
function odooFaultAnswer(fault: Fault, protocol: PreparedCall['protocol']): Answer | undefined {
  if (protocol === 'web') return undefined;
  const injected = 'simulated failure injected through /__sim/faults';
  if (fault.kind === 'transient') {
    if (protocol === 'xmlrpc' && fault.status === 200) return xmlrpcFault(serializationFailure());
    if (protocol === 'json2' && fault.status === 500) return jsonAnswer(500, serializationFailure().json2Body(), 'HTTP 500: serialization failure');
    if (protocol === 'json2' && fault.status === 409) {
      return jsonAnswer(409, { name: 'odoo.exceptions.LockError', message: 'Cannot obtain lock on the records, they are being modified by another transaction.', arguments: [], context: {}, debug: '' }, 'HTTP 409');
    }
    return undefined;
  }
  if (fault.kind === 'permanent' && (fault.status === undefined || (protocol === 'json2' && fault.status === 422))) {
    const error = validationError(`The operation cannot be completed: ${injected}`);
    return protocol === 'xmlrpc' ? xmlrpcFault(error) : jsonAnswer(422, error.json2Body(), 'HTTP 422');
  }
  if (fault.kind === 'auth') {
    if (fault.status === 403) {
      const error = accessError(`You are not allowed to modify these records (${injected}).`);
      return protocol === 'xmlrpc' ? xmlrpcFault(error) : jsonAnswer(403, error.json2Body(), 'HTTP 403');
    }
    return protocol === 'xmlrpc' ? xmlrpcFault(accessDenied()) : unauthorized('Invalid apikey');
  }
  return undefined;
}

function send(response: ServerResponse, answer: Answer): void {
  response.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': Buffer.byteLength(answer.body), ...(answer.headers ?? {}) });
  response.end(answer.body);
}
