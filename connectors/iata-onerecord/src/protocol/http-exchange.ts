// One HTTP exchange with a ONE Record server: time limit combined with the step's signal, capped body,
// bearer token (refreshed once on 401), and failures classified into the hub's error taxonomy.
import { errorForNetworkFailure, PermanentError, readCappedBody } from '@interline/hub';
import type { Logger } from '@interline/hub';
import { errorForResponse, readApiError } from './api-error';
import { isJsonMediaType } from './media-type';
import type { TokenClient } from './token-client';

/** Responses larger than this are refused instead of buffered. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export interface ExchangeRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Statuses the caller handles itself (e.g. 409 on create) instead of getting an error. */
  accept?: number[];
}

export interface ExchangeResult {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON for JSON responses, undefined otherwise. */
  json: unknown;
}

export class HttpExchange {
  constructor(
    private readonly tokens: TokenClient | undefined,
    private readonly timeoutMs: number,
    private readonly logger: Logger | undefined,
  ) {}

  async send(request: ExchangeRequest): Promise<ExchangeResult> {
    const what = `${request.method} ${request.url.origin}${request.url.pathname}`;
    let token = await this.tokens?.token(request.signal);
    let result = await this.once(request, token, what);
    if (result.status === 401 && token !== undefined && this.tokens !== undefined && invalidToken(result.headers)) {
      // RFC 6750: the server says the token itself is bad (revoked, expired early): fetch a fresh one, try once more.
      this.tokens.invalidate(token);
      token = await this.tokens.token(request.signal);
      result = await this.once(request, token, what);
    }
    if (result.status >= 200 && result.status < 300) return result;
    if (request.accept?.includes(result.status)) return result;
    if (result.status >= 300 && result.status < 400) {
      throw new PermanentError(`${what} answered with a redirect (HTTP ${result.status} to ${result.headers.get('location') ?? 'nowhere'}); the connector does not follow redirects so its token stays with serverUrl`, { status: result.status });
    }
    throw errorForResponse(result.status, what, await readApiError(result.json), result.text, result.headers.get('retry-after'));
  }

  private async once(request: ExchangeRequest, token: string | undefined, what: string): Promise<ExchangeResult> {
    const headers = new Headers(request.headers);
    if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
    const timer = AbortSignal.timeout(this.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timer]) : timer;
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await fetch(request.url, { method: request.method, headers, body: request.body, signal, redirect: 'manual' });
      text = await readCappedBody(response, what, MAX_RESPONSE_BYTES);
    } catch (error) {
      if (error instanceof PermanentError) throw error;
      throw errorForNetworkFailure(error, what, timer.aborted || isTimeout(request.signal?.reason));
    }
    this.logger?.debug({ method: request.method, url: `${request.url.origin}${request.url.pathname}`, status: response.status, durationMs: Math.round(performance.now() - started) }, 'one record request');
    return { status: response.status, headers: response.headers, text, json: parseJson(text, response.headers.get('content-type'), what) };
  }
}

function invalidToken(headers: Headers): boolean {
  return /error="?invalid_token"?/i.test(headers.get('www-authenticate') ?? '');
}

function isTimeout(reason: unknown): boolean {
  return typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError';
}

function parseJson(text: string, contentType: string | null, what: string): unknown {
  if (text === '' || !isJsonMediaType(contentType)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PermanentError(`${what} answered with Content-Type ${contentType} but the body is not valid JSON (${(error as Error).message})`);
  }
}

