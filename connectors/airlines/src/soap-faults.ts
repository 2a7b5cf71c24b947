// SOAP 1.1 and 1.2 faults read into one shape and classified for the hub: security faults are auth
// failures, a busy or down back end (Server/Receiver, SYSTEM_BUSY) is transient, a refused request
// (Client/Sender, NO_CAPACITY, VALIDATION) is permanent; HTTP statuses and network failures otherwise.
import { AuthError, PermanentError, TimeoutError, TransientError, errorForNetworkFailure, errorForStatus } from '@interline/hub';
import type { HubError } from '@interline/hub';

export interface AirlineFaultDetail {
  Code?: string;
  Message?: string;
  Flight?: string;
  ShortfallKg?: number | string;
  ShortfallM3?: number | string;
  RetryAfterSeconds?: number | string;
}

export interface SoapFault {
  version: '1.1' | '1.2';
  /** Local name of the fault code (Client, Server, Sender, Receiver, VersionMismatch, FailedAuthentication…). */
  code: string;
  /** Local name of the SOAP 1.2 subcode, when present. */
  subcode?: string;
  reason: string;
  airline?: AirlineFaultDetail;
}

/** WS-Security fault codes (OASIS WSS 1.1 SOAP Message Security, §12). */
const SECURITY_CODES = new Set(['FailedAuthentication', 'InvalidSecurity', 'InvalidSecurityToken', 'FailedCheck', 'SecurityTokenUnavailable', 'MessageExpired', 'AuthenticationFailure']);
/** Airline fault codes a later attempt may cure. */
const TRANSIENT_AIRLINE_CODES = new Set(['SYSTEM_BUSY', 'CAPACITY_SYSTEM_DOWN', 'SERVICE_UNAVAILABLE', 'LOCKED']);

function local(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'object' && value !== null && '$value' in value ? String((value as { $value: unknown }).$value) : String(value ?? '');
  return text.includes(':') ? text.slice(text.lastIndexOf(':') + 1) : text;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && '$value' in value) return String((value as { $value: unknown }).$value);
  return value === undefined ? '' : JSON.stringify(value);
}

/** The fault of a parsed envelope (`soap` puts it on error.root), in either SOAP version. */
export function readFault(root: unknown): SoapFault | undefined {
  const fault = (root as { Envelope?: { Body?: { Fault?: Record<string, unknown> } } } | undefined)?.Envelope?.Body?.Fault;
  if (!fault || typeof fault !== 'object') return undefined;
  if ('faultcode' in fault) {
    const detail = fault.detail as { AirlineFault?: AirlineFaultDetail } | undefined;
    const result: SoapFault = { version: '1.1', code: local(fault.faultcode), reason: text(fault.faultstring) };
    if (detail?.AirlineFault) result.airline = detail.AirlineFault;
    return result;
  }
  const code = fault.Code as { Value?: unknown; Subcode?: { Value?: unknown } } | undefined;
  const reason = fault.Reason as { Text?: unknown } | undefined;
  const detail = fault.Detail as { AirlineFault?: AirlineFaultDetail } | undefined;
  const result: SoapFault = { version: '1.2', code: local(code?.Value), reason: text(reason?.Text) };
  if (code?.Subcode?.Value !== undefined) result.subcode = local(code.Subcode.Value);
  if (detail?.AirlineFault) result.airline = detail.AirlineFault;
  return result;
}

function describe(fault: SoapFault): string {
  const code = fault.subcode ? `${fault.code}/${fault.subcode}` : fault.code;
  const airline = fault.airline?.Code ? ` [${fault.airline.Code}]` : '';
  return `SOAP ${fault.version} fault ${code}${airline}: ${fault.reason || fault.airline?.Message || 'no reason given'}`;
}

export function errorForFault(fault: SoapFault, what: string, status: number | undefined): HubError {
  const details = { soapVersion: fault.version, faultCode: fault.code, faultSubcode: fault.subcode, airlineCode: fault.airline?.Code, status };
  const said = describe(fault);
  if (SECURITY_CODES.has(fault.code) || (fault.subcode !== undefined && SECURITY_CODES.has(fault.subcode))) {
    const clock = fault.code === 'MessageExpired' || fault.subcode === 'MessageExpired' ? ' and the clock of this host (the WS-Security timestamp was too old)' : '';
    return new AuthError(`${what} was refused by the airline's WS-Security check (${said}); check the connector's username and password${clock}`, details);
  }
  const airlineCode = fault.airline?.Code;
  if (airlineCode === 'NO_CAPACITY') {
    const flight = fault.airline?.Flight ?? 'the requested flight';
    return new PermanentError(
      `${what}: no capacity on flight ${flight}: short by ${fault.airline?.ShortfallKg ?? '?'} kg and ${fault.airline?.ShortfallM3 ?? '?'} m³ (${said}); book another flight or split the shipment`,
      { ...details, flight, shortfallKg: Number(fault.airline?.ShortfallKg), shortfallM3: Number(fault.airline?.ShortfallM3) },
    );
  }
  if (airlineCode !== undefined && TRANSIENT_AIRLINE_CODES.has(airlineCode)) {
    const seconds = Number(fault.airline?.RetryAfterSeconds);
    return new TransientError(`${what} failed: ${said}; will retry`, details, Number.isFinite(seconds) ? { retryAfterMs: seconds * 1000 } : {});
  }
  if (fault.code === 'VersionMismatch') {
    return new PermanentError(`${what}: the service does not take this SOAP version (${said}); set soapVersion to the version of the service's binding`, details);
  }
  if (fault.code === 'Server' || fault.code === 'Receiver') return new TransientError(`${what} failed on the airline's side: ${said}; will retry`, details);
  return new PermanentError(`${what} was rejected: ${said}; fix the request (see the fault) and replay`, details);
}

interface SoapClientError {
  message?: string;
  code?: string;
  root?: unknown;
  response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
  Fault?: { faultstring?: string; detail?: string };
}

/** Classify anything the `soap` client threw for one call. */
export function errorForSoapCall(raw: unknown, what: string, timedOut: boolean): HubError {
  if (raw instanceof AuthError || raw instanceof PermanentError || raw instanceof TransientError || raw instanceof TimeoutError) return raw;
  const error = (raw ?? {}) as SoapClientError;
  const status = error.response?.status;
  const fault = readFault(error.root);
  if (fault) return errorForFault(fault, what, status);
  if (timedOut || error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') return new TimeoutError(`${what} did not answer in time; will retry`, { code: error.code }, { cause: raw });
  if (status !== undefined) {
    const body = typeof error.response?.data === 'string' ? error.response.data : '';
    const headers = error.response?.headers ?? {};
    return errorForStatus(status, what, body, { get: (name) => (typeof headers[name] === 'string' ? (headers[name] as string) : null) });
  }
  if (error.Fault) return new PermanentError(`${what}: the airline answered with unreadable XML (${error.Fault.detail ?? error.Fault.faultstring ?? 'no detail'}); report it to the airline`, {});
  return errorForNetworkFailure(raw instanceof Error ? raw : new Error(error.message ?? String(raw)), what, false);
}
