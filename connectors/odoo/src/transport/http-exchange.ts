// One HTTP exchange with Odoo on the global fetch: a time limit combined with the step's signal, a
// capped body read, no redirects followed (the API key must not travel elsewhere), and network
// failures turned into the hub's transient/timeout errors.
import { PermanentError, errorForNetworkFailure, readCappedBody } from '@interline/hub';

/** Responses larger than this are refused instead of buffered. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
const USER_AGENT = 'interline-connector-odoo/1.0.0';

export interface ExchangeRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** What the request is, for messages ("XML-RPC res.partner.create"); never holds secrets. */
  what: string;
}

export interface ExchangeResponse {
  status: number;
  headers: Headers;
  text: string;
}

export async function exchange(request: ExchangeRequest): Promise<ExchangeResponse> {
  const timer = new AbortController();
  const handle = setTimeout(() => timer.abort(new DOMException(`${request.what} took longer than ${request.timeoutMs} ms`, 'TimeoutError')), request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timer.signal]) : timer.signal;
  try {
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: { 'user-agent': USER_AGENT, ...request.headers },
        body: request.body,
        signal,
        redirect: 'manual',
      });
    } catch (error) {
      throw errorForNetworkFailure(error, request.what, timer.signal.aborted || isTimeout(request.signal?.reason));
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw new PermanentError(
        `${request.what} answered with a redirect (HTTP ${response.status} to ${response.headers.get('location') ?? 'nowhere'}); the connector does not follow redirects so the API key stays with url: set url to the final address (https?)`,
        { status: response.status },
      );
    }
    try {
      return { status: response.status, headers: response.headers, text: await readCappedBody(response, request.what, MAX_RESPONSE_BYTES, 'ask for fewer records per call') };
    } catch (error) {
      if (error instanceof PermanentError) throw error;
      throw errorForNetworkFailure(error, request.what, timer.signal.aborted || isTimeout(request.signal?.reason));
    }
  } finally {
    clearTimeout(handle);
  }
}

/** AbortSignal.timeout() aborts with a DOMException named TimeoutError (compared by name: other realms). */
function isTimeout(reason: unknown): boolean {
  return typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError';
}


export function excerpt(text: string, max = 300): string {
  const flat = text.trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
