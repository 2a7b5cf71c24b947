// The HTTP client the soap package sends through: fetch with a time limit and the operation's abort
// signal, raw bodies checked for DOCTYPE before anything parses them, and faults turned into typed
// hub errors here (the soap package would only say "Error http status codes").
import { PermanentError, errorForNetworkFailure, errorForStatus } from '@interline/hub';
import type { IHttpClient } from 'soap';
import { errorForFault, readFault } from './faults';
import { hasDoctype } from './xml-guard';

/** Per-call options the client passes through the soap package to the transport. */
export interface CallOptions {
  what: string;
  signal?: AbortSignal;
  timeoutMs: number;
  /** Sees the raw exchange (for audit and tests); bodies are never logged by the transport. */
  onExchange?: (exchange: { request: string; response: string; status: number }) => void;
}

type Callback = (error: unknown, response?: unknown, body?: unknown) => void;

export class FetchSoapTransport implements IHttpClient {
  request(url: string, data: unknown, callback: Callback, headers?: Record<string, unknown>, options?: Record<string, unknown>): never {
    const call = (options?.gds as CallOptions | undefined) ?? { what: `SOAP request to ${url}`, timeoutMs: 20_000 };
    void this.send(url, String(data), headers ?? {}, call).then(
      ({ status, headers: responseHeaders, body }) => callback(null, { status, statusCode: status, headers: responseHeaders }, body),
      (error: unknown) => callback(error),
    );
    // The soap package ignores the return value of request(); it only uses the callback.
    return undefined as never;
  }

  private async send(url: string, body: string, headers: Record<string, unknown>, call: CallOptions): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const timeout = AbortSignal.timeout(call.timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { method: 'POST', body, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])), signal });
      text = await response.text();
    } catch (error) {
      throw errorForNetworkFailure(error, call.what, timeout.aborted);
    }
    call.onExchange?.({ request: body, response: text, status: response.status });
    if (hasDoctype(text)) {
      throw new PermanentError(`${call.what}: the answer from ${url} carries a DOCTYPE/ENTITY declaration, which SOAP forbids (entity expansion attack); it was refused unread — check the endpoint`, { status: response.status });
    }
    const fault = readFault(text, response.status);
    if (fault) throw errorForFault(fault, call.what);
    if (response.status >= 300) throw errorForStatus(response.status, call.what, text, response.headers);
    return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: text };
  }
}
