// A small JSON-over-HTTP client on the global fetch: one time limit per call (combined with the
// step's own signal), credentials and the step's Idempotency-Key on every request, and failures
// classified with the hub's HTTP error helpers. Secrets live in private fields and never reach a log.
import { ConfigError, PermanentError, errorForNetworkFailure, errorForStatus, readCappedBody } from '@interline/hub';
import type { HealthResult, Logger } from '@interline/hub';
import { DEFAULT_HEALTH_PATH, DEFAULT_TIMEOUT_MS } from './config';
import type { HttpConfig } from './config';
import { verifyWebhookSignature } from './webhook-signature';
import type { SignatureCheck } from './webhook-signature';

/** Responses larger than this are refused instead of buffered (parsers are hardened with limits). */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
const USER_AGENT = 'interline-connector-http/1.0.0';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

export interface HttpRequest {
  method: HttpMethod;
  /** Relative to baseUrl; must start with "/". */
  path: string;
  /** JSON-encoded as the request body (methods other than GET; undefined is sent as null). */
  body?: unknown;
  /** Extra headers for this call; they cannot override Authorization, Idempotency-Key or Content-Type. */
  headers?: Record<string, string>;
  idempotencyKey?: string;
  /** The step's signal: the hub aborts it when the step's own time runs out or the worker stops. */
  signal?: AbortSignal;
}

export interface HttpResult {
  status: number;
  /** Parsed JSON for JSON responses, null for an empty body, the text otherwise. */
  body: unknown;
}

export class HttpClient {
  readonly baseUrl: URL;
  readonly timeoutMs: number;
  readonly healthPath: string;
  readonly deliverPath: string | undefined;
  readonly #headers: Record<string, string>;
  readonly #authorization: string | undefined;
  readonly #webhookSecret: string | undefined;
  readonly #logger: Logger | undefined;

  constructor(config: HttpConfig, options: { logger?: Logger } = {}) {
    if (config.bearerToken !== undefined && config.basic !== undefined) {
      throw new ConfigError('http connector config sets both bearerToken and basic; keep one of them');
    }
    this.baseUrl = new URL(config.baseUrl);
    this.timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.healthPath = config.healthPath ?? DEFAULT_HEALTH_PATH;
    this.deliverPath = config.deliverPath;
    this.#headers = { ...(config.headers ?? {}) };
    for (const name of Object.keys(this.#headers)) {
      try {
        new Headers({ [name]: this.#headers[name] ?? '' });
      } catch {
        // Caught here, at start, rather than as a failure on every delivery; the value is not echoed.
        throw new ConfigError(`http connector config headers["${name}"] is not a valid HTTP header (name or value has forbidden characters such as a line break)`);
      }
    }
    if (config.bearerToken !== undefined) this.#authorization = `Bearer ${config.bearerToken}`;
    else if (config.basic !== undefined) {
      const pair = `${config.basic.username}:${config.basic.password}`;
      this.#authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
    }
    this.#webhookSecret = config.webhookSecret;
    this.#logger = options.logger;
  }

  /** Whether inbound webhooks must carry a valid X-Interline-Signature. */
  get verifiesWebhooks(): boolean {
    return this.#webhookSecret !== undefined;
  }

  /** Check an inbound webhook's signature; undefined when no webhookSecret is configured. */
  checkWebhookSignature(header: string | string[] | undefined, rawBody: Buffer): SignatureCheck | undefined {
    if (this.#webhookSecret === undefined) return undefined;
    return verifyWebhookSignature(this.#webhookSecret, header, rawBody);
  }

  /** The absolute URL for a path, refusing anything that would leave baseUrl (credentials go with it). */
  urlFor(path: string): URL {
    if (!path.startsWith('/') || path.startsWith('//')) {
      throw new PermanentError(`http path "${path}" must start with a single "/" and is resolved against ${this.baseUrl.origin}${this.baseUrl.pathname}`);
    }
    const basePath = this.baseUrl.pathname.replace(/\/+$/, '');
    const url = new URL(`${this.baseUrl.origin}${basePath}${path}`);
    if (url.origin !== this.baseUrl.origin || !(url.pathname === basePath || url.pathname.startsWith(`${basePath}/`))) {
      throw new PermanentError(`http path "${path}" resolves outside baseUrl ${this.baseUrl.origin}${basePath || '/'}; remove ".." segments`);
    }
    return url;
  }

  async request(request: HttpRequest): Promise<HttpResult> {
    const url = this.urlFor(request.path);
    // Never the query string: it may carry an API key.
    const what = `HTTP ${request.method} ${url.origin}${url.pathname}`;
    const headers = new Headers({ 'user-agent': USER_AGENT, ...this.#headers, ...(request.headers ?? {}) });
    headers.set('accept', 'application/json');
    if (this.#authorization !== undefined) headers.set('authorization', this.#authorization);
    if (request.idempotencyKey !== undefined) headers.set('idempotency-key', request.idempotencyKey);
    let body: string | undefined;
    if (request.method !== 'GET') {
      body = encodeJson(request.body, what);
      headers.set('content-type', 'application/json');
    }

    const timer = new AbortController();
    const handle = setTimeout(() => timer.abort(new DOMException(`${what} took longer than ${this.timeoutMs} ms`, 'TimeoutError')), this.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timer.signal]) : timer.signal;
    const started = performance.now();
    try {
      let response: Response;
      let text: string;
      try {
        // Redirects are not followed: custom headers (API keys) would travel to wherever Location points.
        response = await fetch(url, { method: request.method, headers, body, signal, redirect: 'manual' });
        text = await readCappedBody(response, what, MAX_RESPONSE_BYTES);
      } catch (error) {
        if (error instanceof PermanentError) throw error;
        const timedOut = timer.signal.aborted || isTimeoutReason(request.signal?.reason);
        this.#logger?.debug({ method: request.method, url: `${url.origin}${url.pathname}`, timedOut, idempotencyKey: request.idempotencyKey }, 'http request failed');
        throw errorForNetworkFailure(error, what, timedOut);
      }
      this.#logger?.debug(
        { method: request.method, url: `${url.origin}${url.pathname}`, status: response.status, durationMs: Math.round(performance.now() - started), idempotencyKey: request.idempotencyKey },
        'http request',
      );
      if (response.status >= 300 && response.status < 400) throw redirectError(response, url, what);
      if (!response.ok) throw errorForStatus(response.status, what, text, response.headers);
      return { status: response.status, body: decodeBody(text, response.headers.get('content-type'), what) };
    } finally {
      clearTimeout(handle);
    }
  }

  /** GET healthPath: up on 2xx, down otherwise, with the round-trip time either way. */
  async health(): Promise<HealthResult> {
    const started = performance.now();
    try {
      const result = await this.request({ method: 'GET', path: this.healthPath });
      return { status: 'up', latencyMs: Math.round(performance.now() - started), detail: `HTTP ${result.status}` };
    } catch (error) {
      return { status: 'down', latencyMs: Math.round(performance.now() - started), detail: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** AbortSignal.timeout() aborts with a DOMException named TimeoutError (checked by name: it may come from another realm). */
function isTimeoutReason(reason: unknown): boolean {
  return typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError';
}

function redirectError(response: Response, url: URL, what: string): PermanentError {
  const location = response.headers.get('location');
  let target = 'no Location';
  if (location !== null) {
    try {
      const resolved = new URL(location, url);
      target = `${resolved.origin}${resolved.pathname}`;
    } catch {
      target = 'an invalid Location';
    }
  }
  return new PermanentError(
    `${what} answered with a redirect (HTTP ${response.status} to ${target}); the connector does not follow redirects so credentials stay with baseUrl: point baseUrl or the path at the final location`,
    { status: response.status },
  );
}

function encodeJson(value: unknown, what: string): string {
  try {
    return JSON.stringify(value ?? null);
  } catch (error) {
    throw new PermanentError(`${what}: the value to send cannot be encoded as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function decodeBody(text: string, contentType: string | null, what: string): unknown {
  if (text === '') return null;
  if (contentType === null || !/[/+]json\b/i.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PermanentError(`${what} answered with Content-Type ${contentType} but the body is not valid JSON (${error instanceof Error ? error.message : String(error)})`, {
      body: text.length > 300 ? `${text.slice(0, 300)}…` : text,
    });
  }
}
