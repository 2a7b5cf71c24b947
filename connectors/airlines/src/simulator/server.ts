// The simulated cargo airline on loopback: the packaged WSDL served by the `soap` package's server
// (one per SOAP version, both bindings at their port paths, the version taken from the Content-Type),
// WS-Security checked through server.authenticate, DOCTYPE requests refused unparsed, faults
// injected through the shared /__sim control plane (before or after the effect), /__sim/state
// showing bookings and capacity, and schedules loadable (SSIM text or canonical Flights).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen } from 'soap';
import type { Server as SoapServer } from 'soap';
import { FaultPlan, handleControlRequest, listenOnLoopback, readBody, sendJson, ssim } from '@interline/hub';
import type { Fault, Flight, SimulatorHandle } from '@interline/hub';
import { BINDING_PATHS, SERVICE, PORTS, WSDL_FILE } from '../wsdl-path';
import type { SoapVersion } from '../wsdl-path';
import { doctypeProblem } from '../xml-guard';
import { AirlineState } from './airline-state';
import { SIMULATOR_PASSWORD, SIMULATOR_USERNAME } from './credentials';
import { airlineServices } from './services';
import { ENVELOPE_NS, contentType, faultEnvelope, soapLibFault } from './soap-fault-bodies';
import type { FaultSpec } from './soap-fault-bodies';
import { UsernameTokenVerifier } from './ws-security';

export interface AirlineSimulatorOptions {
  host?: string;
  port?: number;
  /** Unknown flights get default space (true, the default) or a FLIGHT_NOT_OPERATED fault. */
  openSchedule?: boolean;
  users?: Record<string, string>;
}

export interface RecordedCall {
  seq: number;
  operation: string;
  soapVersion: SoapVersion | null;
  status: number | null;
  fault: string | null;
}

export interface AirlineSimulatorHandle extends SimulatorHandle {
  state: AirlineState;
  faults: FaultPlan;
  users: Record<string, string>;
  /** Where each binding is served. */
  endpoints: Record<SoapVersion, string>;
  inspect(): ReturnType<AirlineState['inspect']> & { calls: RecordedCall[] };
}

const OPERATIONS = ['FlightScheduleQuery', 'CapacityCheck', 'CargoBookingCreate', 'CargoBookingCancel', 'CargoBookingStatus'];

function soapVersionOf(request: IncomingMessage): SoapVersion | undefined {
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/soap+xml')) return '1.2';
  if (type.startsWith('text/xml')) return '1.1';
  return undefined;
}

/** The operation a request names: SOAPAction (1.1), the action parameter (1.2), else the body element. */
function operationOf(request: IncomingMessage, xml: string): string {
  const action = `${request.headers.soapaction ?? ''} ${request.headers['content-type'] ?? ''}`;
  const named = OPERATIONS.find((op) => action.includes(`/${op}`));
  if (named) return named;
  return OPERATIONS.find((op) => xml.includes(`${op}Request`)) ?? 'unknown';
}

async function startSoapServer(version: SoapVersion, services: Record<string, unknown>, xml: string): Promise<SoapServer> {
  return new Promise((resolve, reject) => {
    const server = listen(null, {
      path: BINDING_PATHS[version],
      services: { [SERVICE]: { [PORTS['1.1']]: services, [PORTS['1.2']]: services } } as never,
      xml,
      forceSoap12Headers: version === '1.2',
      suppressStack: true,
      callback: (error: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(server)),
    });
  });
}

export async function startAirlineSimulator(options: AirlineSimulatorOptions = {}): Promise<AirlineSimulatorHandle> {
  const state = new AirlineState(options.openSchedule ?? true);
  const faults = new FaultPlan();
  const users: Record<string, string> = { [SIMULATOR_USERNAME]: SIMULATOR_PASSWORD, ...(options.users ?? {}) };
  const verifier = new UsernameTokenVerifier(() => users);
  const wsdl = readFileSync(WSDL_FILE, 'utf8');
  const calls: RecordedCall[] = [];
  const soapServers = {} as Record<SoapVersion, SoapServer>;
  for (const version of ['1.1', '1.2'] as const) {
    const server = await startSoapServer(version, airlineServices(version, state, () => new Date()), wsdl);
    server.authenticate = (security: unknown): boolean => {
      const verdict = verifier.verify(security);
      // Thrown synchronously, a { Fault } reaches soap's fault writer as a proper SOAP fault.
      if (!verdict.ok) throw { Fault: soapLibFault(version, { side: 'client', security: verdict.code ?? 'FailedAuthentication', reason: verdict.reason ?? 'not authenticated' }) };
      return true;
    };
    soapServers[version] = server;
  }
  const inspect = (): ReturnType<AirlineSimulatorHandle['inspect']> => ({ ...state.inspect(), calls: calls.slice(-500) });
  const control = { faults, inspect, reset: () => { state.reset(); calls.length = 0; } };

  const sendFault = (response: ServerResponse, version: SoapVersion, spec: FaultSpec, status = 500): void => {
    const body = faultEnvelope(version, spec);
    response.writeHead(status, { 'content-type': contentType(version), 'content-length': Buffer.byteLength(body) });
    response.end(body);
  };

  /** Answer as the injected fault says; true when it answered. */
  async function applyFault(fault: Fault, version: SoapVersion, response: ServerResponse, call: RecordedCall): Promise<void> {
    call.fault = `${fault.kind}${fault.afterEffect ? ' (after effect)' : ''}`;
    switch (fault.kind) {
      case 'transient':
        if (fault.status !== undefined && fault.status !== 500) {
          call.status = fault.status;
          response.writeHead(fault.status, { 'content-type': 'text/html', 'retry-after': '0' });
          response.end('<html><body><h1>Service Unavailable</h1></body></html>');
          return;
        }
        call.status = 500;
        return sendFault(response, version, { side: 'server', reason: 'The capacity system is busy; try again shortly', airline: { Code: 'SYSTEM_BUSY', Message: 'capacity system busy (simulated)', RetryAfterSeconds: 0 } });
      case 'permanent':
        call.status = fault.status ?? 500;
        return sendFault(response, version, { side: 'client', reason: 'The request failed validation (simulated)', airline: { Code: 'VALIDATION', Message: 'simulated validation failure' } }, call.status);
      case 'auth':
        call.status = fault.status ?? 500;
        return sendFault(response, version, { side: 'client', security: 'FailedAuthentication', reason: 'The security token could not be authenticated or authorized (simulated)' }, call.status);
      case 'timeout':
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 30_000));
        call.status = 504;
        if (!response.writableEnded && !response.destroyed) sendFault(response, version, { side: 'server', reason: 'gateway timeout (simulated)' }, 504);
        return;
      case 'reset':
        response.socket?.destroy();
        return;
    }
  }

  async function loadSchedules(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = (await readBody(request)).toString('utf8');
    try {
      const flights: Flight[] = (request.headers['content-type'] ?? '').includes('json') ? (JSON.parse(body) as Flight[]) : ssim.ssimToFlights(ssim.parseSsim(body));
      state.load(flights);
      sendJson(response, 201, { loaded: flights.length, schedules: state.schedules.length });
    } catch (error) {
      sendJson(response, 400, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://simulator');
    if (url.pathname === '/__sim/schedules' && request.method === 'POST') return loadSchedules(request, response);
    if (await handleControlRequest(control, request, response)) return;
    const path = url.pathname.replace(/\/$/, '');
    if (request.method === 'GET' && url.search.toLowerCase() === '?wsdl') {
      response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      response.end(wsdl);
      return;
    }
    if (request.method !== 'POST' || !Object.values(BINDING_PATHS).includes(path as never)) {
      sendJson(response, 404, { error: `no SOAP endpoint at ${request.method} ${url.pathname}; POST to ${Object.values(BINDING_PATHS).join(' or ')} (GET ?wsdl for the description)` });
      return;
    }
    const version = soapVersionOf(request);
    if (!version) {
      response.writeHead(415, { 'content-type': 'text/plain' });
      response.end('SOAP requests are text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2)');
      return;
    }
    const xml = (await readBody(request, 2 * 1024 * 1024)).toString('utf8');
    const call: RecordedCall = { seq: calls.length + 1, operation: operationOf(request, xml), soapVersion: version, status: null, fault: null };
    calls.push(call);
    const bomb = doctypeProblem(xml);
    if (bomb) {
      call.status = 400;
      call.fault = 'doctype refused';
      return sendFault(response, version, { side: 'client', reason: `request refused: ${bomb}` }, 400);
    }
    if (!xml.includes(ENVELOPE_NS[version])) {
      call.status = 500;
      call.fault = 'version mismatch';
      // The envelope is in the other SOAP version than the Content-Type says.
      const body = faultEnvelope('1.1', { side: 'client', reason: `the envelope is not a SOAP ${version} envelope (${ENVELOPE_NS[version]}) as the Content-Type says` }).replace('<faultcode>env:Client</faultcode>', '<faultcode>env:VersionMismatch</faultcode>');
      response.writeHead(500, { 'content-type': contentType('1.1') });
      response.end(body);
      return;
    }
    const before = faults.take(call.operation, 'before');
    if (before) return applyFault(before, version, response, call);
    const result = await soapServers[version].processRequest(xml, { url: BINDING_PATHS[version], method: 'POST', headers: request.headers as never });
    const after = faults.take(call.operation, 'after');
    if (after) return applyFault(after, version, response, call);
    call.status = result.statusCode;
    response.writeHead(result.statusCode, { 'content-type': contentType(version) });
    response.end(result.body);
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) });
      else response.destroy();
    });
  });
  const baseUrl = await listenOnLoopback(server, { host: options.host ?? '127.0.0.1', ...(options.port !== undefined ? { port: options.port } : {}) });
  return {
    baseUrl,
    state,
    faults,
    users,
    endpoints: { '1.1': `${baseUrl}${BINDING_PATHS['1.1']}`, '1.2': `${baseUrl}${BINDING_PATHS['1.2']}` },
    inspect,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
