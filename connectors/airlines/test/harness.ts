// Shared test wiring: a client on a running simulator, the contexts the hub hands to operations,
// with real in-memory bindings (no mocked components), and hand-written WS-Security headers.
import { randomBytes } from 'node:crypto';
import type { BindingStore, OperationContext } from '@interline/hub';
import { collectEmitted, memoryBindings as connectorBindings, testOperationContext } from '@interline/hub/testing';
import type { MemoryBindingStore } from '@interline/hub/testing';
import { AirlinesClient } from '../src';
import type { AirlinesConfig, SoapVersion } from '../src';
import { SIMULATOR_PASSWORD, SIMULATOR_USERNAME, passwordDigestOf, startAirlineSimulator } from '../src/testing';
import type { AirlineSimulatorHandle } from '../src/testing';

export function memoryBindings(): MemoryBindingStore {
  return connectorBindings('airline');
}

export function operationContext(bindings: BindingStore = memoryBindings(), signal: AbortSignal = new AbortController().signal): OperationContext {
  return testOperationContext({ bindings, signal });
}

export const emitter = collectEmitted;

export interface Rig {
  sim: AirlineSimulatorHandle;
  client: AirlinesClient;
  config: AirlinesConfig;
}

export async function startRig(soapVersion: SoapVersion = '1.1', overrides: Partial<AirlinesConfig> = {}): Promise<Rig> {
  const sim = await startAirlineSimulator();
  const config: AirlinesConfig = { endpoint: sim.endpoints[soapVersion], username: SIMULATOR_USERNAME, password: SIMULATOR_PASSWORD, soapVersion, timeoutMs: 3_000, ...overrides };
  return { sim, client: new AirlinesClient(config), config };
}

/** A wsse:Security header written by hand, the way another SOAP stack would. */
export function securityHeader(options: { password?: string; created?: string; username?: string } = {}): string {
  const nonce = randomBytes(16).toString('base64');
  const created = options.created ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const digest = passwordDigestOf(nonce, created, options.password ?? SIMULATOR_PASSWORD);
  return (
    '<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">' +
    `<wsse:UsernameToken><wsse:Username>${options.username ?? SIMULATOR_USERNAME}</wsse:Username>` +
    `<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">${digest}</wsse:Password>` +
    `<wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">${nonce}</wsse:Nonce>` +
    `<wsu:Created>${created}</wsu:Created></wsse:UsernameToken></wsse:Security>`
  );
}

export function envelope(version: SoapVersion, body: string, header = securityHeader()): string {
  const ns = version === '1.2' ? 'http://www.w3.org/2003/05/soap-envelope' : 'http://schemas.xmlsoap.org/soap/envelope/';
  return `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="${ns}" xmlns:c="urn:interline:cargo-airline:v1"><s:Header>${header}</s:Header><s:Body>${body}</s:Body></s:Envelope>`;
}

export async function postSoap(url: string, version: SoapVersion, operation: string, xml: string): Promise<{ status: number; text: string; contentType: string }> {
  const action = `urn:interline:cargo-airline:v1/${operation}`;
  const headers: Record<string, string> = version === '1.2' ? { 'content-type': `application/soap+xml; charset=utf-8; action="${action}"` } : { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action}"` };
  const response = await fetch(url, { method: 'POST', headers, body: xml });
  return { status: response.status, text: await response.text(), contentType: response.headers.get('content-type') ?? '' };
}
