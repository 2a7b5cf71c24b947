// The simulator's HTTP server: the SOAP service from the connector's own WSDL (soap.listen), with a
// DOCTYPE guard in front of the SOAP parser, the shared /__sim control plane (faults, state, reset)
// and the GDS-specific controls: PNRs made by another agent, session faults, busy commits.
import { readdirSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FaultPlan, handleControlRequest, listenOnLoopback, readBody, sendJson } from '@interline/hub';
import type { SimulatorHandle } from '@interline/hub';
import { listen } from 'soap';
import { DEFAULT_QUEUE_NUMBER } from '../config';
import { wsdlPath } from '../package-root';
import { hasDoctype } from '../soap/xml-guard';
import { SIMULATOR_OFFICE, SIMULATOR_PARTNER, SIMULATOR_PATH } from './credentials';
import { agentChange, agentPnr, gdsService } from './service';
import type { GateResult, SessionFault } from './sessions';
import { GdsWorld } from './world';

export interface GdsSimulatorHandle extends SimulatorHandle {
  /** The SOAP endpoint (baseUrl + /gds). */
  endpoint: string;
  /** The partner exchange root the simulated authority reads PAXLST files from. */
  authorityRoot: string;
  partner: string;
  world: GdsWorld;
  faults: FaultPlan;
}

export interface GdsSimulatorOptions {
  host?: string;
  port?: number;
  authorityRoot?: string;
}

const DOCTYPE_FAULT =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>' +
  '<faultcode>soap:Client</faultcode><faultstring>12|Presentation|DOCTYPE and ENTITY declarations are not allowed in SOAP messages; request refused unread</faultstring>' +
  '</soap:Fault></soap:Body></soap:Envelope>';

function authorityFiles(root: string, partner: string): string[] {
  try {
    return readdirSync(path.join(root, partner, 'outbox')).filter((name) => !name.startsWith('.')).sort();
  } catch {
    return [];
  }
}

async function json(request: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(request)).toString('utf8');
  return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
}

/** The GDS-specific control endpoints; false when the request is not one of them. */
async function gdsControl(world: GdsWorld, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://simulator');
  if (request.method !== 'POST') return false;
  const change = /^\/__sim\/pnrs\/([A-Z0-9]{5,8})\/changes$/.exec(url.pathname);
  try {
    if (url.pathname === '/__sim/pnrs') {
      const body = await json(request);
      sendJson(response, 201, agentPnr(world, SIMULATOR_OFFICE, body, Number(body.queue ?? DEFAULT_QUEUE_NUMBER)));
    } else if (change) {
      const body = await json(request);
      sendJson(response, 200, agentChange(world, change[1] as string, body, Number(body.queue ?? DEFAULT_QUEUE_NUMBER)));
    } else if (url.pathname === '/__sim/session-faults') {
      const body = await json(request);
      if (body.kind !== 'expired' && body.kind !== 'out-of-sequence') throw new Error('kind must be "expired" or "out-of-sequence"');
      const fault: SessionFault = { kind: body.kind, afterCalls: Number(body.afterCalls ?? 1), times: Number(body.times ?? 1), ...(typeof body.operation === 'string' ? { operation: body.operation } : {}) };
      world.sessions.faults.push(fault);
      sendJson(response, 201, { sessionFaults: world.sessions.faults });
    } else if (url.pathname === '/__sim/busy') {
      const body = await json(request);
      world.busyCommits += Number(body.times ?? 1);
      sendJson(response, 201, { busyCommits: world.busyCommits });
    } else {
      return false;
    }
  } catch (error) {
    sendJson(response, 400, { error: error instanceof Error ? error.message : String(error) });
  }
  return true;
}

export async function startGdsSimulator(options: GdsSimulatorOptions = {}): Promise<GdsSimulatorHandle> {
  const world = new GdsWorld();
  const faults = new FaultPlan();
  const ownRoot = options.authorityRoot === undefined;
  const authorityRoot = options.authorityRoot ?? (await mkdtemp(path.join(tmpdir(), 'interline-gds-sim-')));
  const control = {
    faults,
    inspect: () => ({
      pnrs: [...world.pnrs.values()].map((p) => ({
        locator: p.locator,
        createdBy: p.createdBy,
        version: p.version,
        passengers: p.passengers.map((n) => `${n.surname}/${n.firstName}`),
        segments: p.segments.map((s) => `${s.carrier}${s.flightNumber} ${s.classOfService} ${s.origin}${s.destination} ${s.depDate} ${s.status}`),
        remarks: p.elements.filter((e) => e.segmentName === 'RM').map((e) => e.text),
      })),
      effects: world.effects,
      queues: Object.fromEntries(world.queues),
      openSessions: world.sessions.sessions.size,
      calls: world.calls,
      authorityFiles: authorityFiles(authorityRoot, SIMULATOR_PARTNER),
    }),
    reset: () => world.reset(),
  };

  const server = createServer((request, response) => {
    void (async () => {
      if (await gdsControl(world, request, response)) return;
      if (await handleControlRequest(control, request, response)) return;
      sendJson(response, 404, { error: 'not_found', message: `the GDS simulator serves SOAP at POST ${SIMULATOR_PATH} (WSDL at GET ${SIMULATOR_PATH}?wsdl) and /__sim controls` });
    })().catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });

  const gates = new WeakMap<IncomingMessage, GateResult>();
  const wsdlXml = readFileSync(wsdlPath(), 'utf8');
  const soapServer = await new Promise<ReturnType<typeof listen>>((resolve, reject) => {
    const created = listen(server, {
      path: SIMULATOR_PATH,
      services: { GdsService: { GdsPort: gdsService(world, faults, gates, SIMULATOR_OFFICE) } },
      xml: wsdlXml,
      callback: (error: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(created)),
    } as unknown as Parameters<typeof listen>[1]);
  });
  // The session gate runs as the answer's header hook: soap calls it before the method, with the request headers.
  soapServer.addSoapHeader((methodName: string, _args: unknown, headers: Record<string, unknown> | undefined, request: IncomingMessage) => {
    const gate = world.sessions.gate(headers, methodName);
    gates.set(request, gate);
    return gate.ok ? gate.header : '';
  });

  // Put the DOCTYPE guard in front of soap's listener: soap reads a body it finds on req.body.
  const soapListener = server.listeners('request')[0] as RequestListener;
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage & { body?: Buffer }, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    if (request.method !== 'POST' || url.pathname.replace(/\/$/, '') !== SIMULATOR_PATH) return soapListener(request, response);
    readBody(request, 1024 * 1024).then(
      (body) => {
        if (hasDoctype(body.toString('utf8'))) {
          world.calls.push({ operation: '(doctype)', status: 'refused', fault: 'DOCTYPE' });
          response.writeHead(400, { 'content-type': 'text/xml; charset=utf-8' });
          response.end(DOCTYPE_FAULT);
          return;
        }
        if (body.length === 0) {
          response.writeHead(400, { 'content-type': 'text/xml; charset=utf-8' });
          response.end(DOCTYPE_FAULT.replace(/<faultstring>.*<\/faultstring>/, '<faultstring>12|Presentation|empty request body</faultstring>'));
          return;
        }
        request.body = body;
        soapListener(request, response);
      },
      (error: unknown) => sendJson(response, 413, { error: error instanceof Error ? error.message : String(error) }),
    );
  });

  // Idle connections outlive the clients' keep-alive (undici: 4 s), so a client never reuses a socket the server just closed.
  server.keepAliveTimeout = 30_000;
  const baseUrl = await listenOnLoopback(server, options);
  return {
    baseUrl,
    endpoint: `${baseUrl}${SIMULATOR_PATH}`,
    authorityRoot,
    partner: SIMULATOR_PARTNER,
    world,
    faults,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownRoot) await rm(authorityRoot, { recursive: true, force: true });
    },
  };
}
