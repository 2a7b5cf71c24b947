// The control plane every simulator serves under /__sim: inject faults, inspect state, reset.
// Tests and the contract kit drive any simulator the same way, whatever protocol it speaks.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { check } from '../../validation';
import { FaultSchema } from './faults';
import type { Fault, FaultPlan } from './faults';

export const CONTROL_PREFIX = '/__sim';

export interface SimulatorControl {
  faults: FaultPlan;
  /** Simulator-specific state for inspection (records, calls, effects). Must be JSON. */
  inspect(): unknown;
  reset(): void;
}

export async function readBody(request: IncomingMessage, limitBytes = 5 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) throw new Error(`request body larger than ${limitBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** Serve /__sim requests; returns false when the request is not for the control plane. */
export async function handleControlRequest(control: SimulatorControl, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://simulator');
  if (!url.pathname.startsWith(CONTROL_PREFIX)) return false;
  const action = url.pathname.slice(CONTROL_PREFIX.length);
  if (action === '/faults' && request.method === 'POST') {
    const body = JSON.parse((await readBody(request)).toString('utf8') || '{}') as unknown;
    const result = check(FaultSchema, { times: 1, ...(body as object) });
    if (!result.ok) {
      sendJson(response, 400, { error: 'invalid fault', issues: result.issues });
      return true;
    }
    control.faults.add(result.value);
    sendJson(response, 201, { faults: control.faults.list() });
  } else if (action === '/faults' && request.method === 'DELETE') {
    control.faults.clear();
    sendJson(response, 200, { faults: [] });
  } else if (action === '/faults' && request.method === 'GET') {
    sendJson(response, 200, { faults: control.faults.list() });
  } else if (action === '/state' && request.method === 'GET') {
    sendJson(response, 200, control.inspect());
  } else if (action === '/reset' && request.method === 'POST') {
    control.faults.clear();
    control.reset();
    sendJson(response, 200, { reset: true });
  } else {
    sendJson(response, 404, { error: `no simulator control endpoint ${request.method} ${url.pathname}; use POST/GET/DELETE ${CONTROL_PREFIX}/faults, GET ${CONTROL_PREFIX}/state, POST ${CONTROL_PREFIX}/reset` });
  }
  return true;
}

/**
 * Answer a request the way the fault says. Returns true when the fault answered (the caller stops).
 * `timeout` holds the request open for delayMs (the client's timeout fires first); `reset` destroys the socket.
 */
export async function applyHttpFault(fault: Fault, response: ServerResponse, bodies: { transient?: unknown; permanent?: unknown; auth?: unknown } = {}): Promise<boolean> {
  switch (fault.kind) {
    case 'transient':
      sendJson(response, fault.status ?? 503, bodies.transient ?? { error: 'simulated transient failure' }, { 'retry-after': '0' });
      return true;
    case 'permanent':
      sendJson(response, fault.status ?? 422, bodies.permanent ?? { error: 'simulated permanent failure' });
      return true;
    case 'auth':
      sendJson(response, fault.status ?? 401, bodies.auth ?? { error: 'simulated authentication failure' });
      return true;
    case 'timeout':
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 30_000));
      if (!response.writableEnded && !response.destroyed) sendJson(response, 504, { error: 'simulated timeout' });
      return true;
    case 'reset':
      response.socket?.destroy();
      return true;
  }
}

/** The test side of the control plane. */
export class SimulatorControlClient {
  constructor(private readonly baseUrl: string) {}

  async fault(fault: Partial<Fault> & Pick<Fault, 'kind'>): Promise<void> {
    const response = await fetch(`${this.baseUrl}${CONTROL_PREFIX}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });
    if (response.status !== 201) throw new Error(`simulator refused fault: ${response.status} ${await response.text()}`);
  }

  async clearFaults(): Promise<void> {
    await fetch(`${this.baseUrl}${CONTROL_PREFIX}/faults`, { method: 'DELETE' });
  }

  async state<T = unknown>(): Promise<T> {
    const response = await fetch(`${this.baseUrl}${CONTROL_PREFIX}/state`);
    return (await response.json()) as T;
  }

  async reset(): Promise<void> {
    await fetch(`${this.baseUrl}${CONTROL_PREFIX}/reset`, { method: 'POST' });
  }
}
