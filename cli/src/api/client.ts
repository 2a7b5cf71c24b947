// The HTTP client for a hub's admin API: one method per endpoint, and every failure turned into
// one line that names what was attempted, where, and what to do about it.
import { CliError, oneLine } from '../errors';
import type {
  ConnectorDescription,
  ConnectorSummary,
  DeadLetterPage,
  MessagePage,
  MessageQuery,
  DeadLetterQuery,
  DiscardRequest,
  DiscardResult,
  EnvelopeInput,
  EventTypeInfo,
  HealthResult,
  IngressResult,
  MessageDetail,
  MessageTrace,
  Problem,
  ReplayRequest,
  ReplayResult,
  Role,
} from './types';

export const DEFAULT_HUB_URL = 'http://127.0.0.1:8080';

/** Supplies the bearer token when a request first needs one (a local token is signed lazily). */
export type TokenSource = () => Promise<string | undefined>;

export interface ApiClientOptions {
  url: string;
  /** Where the URL came from, so the "cannot reach" line points at the right knob. */
  urlSource?: 'flag' | 'env' | 'default';
  token?: TokenSource;
  timeoutMs?: number;
}

export interface ApiCall {
  /** What the request does, for error lines: "list dead letters", "discard dead letters". */
  action: string;
  /** The role the call needs, named when the hub answers 401 or 403. */
  role?: Role;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** False for endpoints that take no token (/healthz). */
  auth?: boolean;
}

/** The hub answered with an error status; `problem` is its RFC 9457 body. */
export class ApiError extends CliError {
  constructor(
    message: string,
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** No HTTP answer at all: nothing listening, DNS, TLS, timeout. */
export class HubUnreachableError extends CliError {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'HubUnreachableError';
  }
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the other side',
  UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
};

export function parseHubUrl(raw: string, source: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(`${source} '${raw}' is not a URL; use the hub's base URL, e.g. ${DEFAULT_HUB_URL}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`${source} '${raw}' must be an http:// or https:// URL, e.g. ${DEFAULT_HUB_URL}`);
  }
  return url;
}

export class ApiClient {
  readonly baseUrl: string;
  private readonly urlSource: 'flag' | 'env' | 'default';
  private readonly tokenSource: TokenSource | undefined;
  private readonly timeoutMs: number;
  private token: Promise<string | undefined> | undefined;

  constructor(options: ApiClientOptions) {
    this.urlSource = options.urlSource ?? 'flag';
    const source = this.urlSource === 'env' ? 'INTERLINE_URL' : '--url';
    this.baseUrl = parseHubUrl(options.url, source).href.replace(/\/+$/, '');
    this.tokenSource = options.token;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  health(): Promise<{ status: string }> {
    return this.request('GET', '/healthz', { action: 'check health', auth: false });
  }

  listDeadLetters(query: DeadLetterQuery): Promise<DeadLetterPage> {
    return this.request('GET', '/v1/admin/dead-letters', { action: 'list dead letters', role: 'support', query: { ...query } });
  }

  deadLetter(id: string): Promise<MessageDetail> {
    return this.request('GET', `/v1/admin/dead-letters/${encodeURIComponent(id)}`, { action: `show dead letter '${id}'`, role: 'support' });
  }

  listMessages(query: MessageQuery): Promise<MessagePage> {
    return this.request('GET', '/v1/admin/messages', { action: 'list messages', role: 'support', query: { ...query } });
  }

  message(id: string): Promise<MessageDetail> {
    return this.request('GET', `/v1/admin/messages/${encodeURIComponent(id)}`, { action: `show message '${id}'`, role: 'support' });
  }

  trace(id: string): Promise<MessageTrace> {
    return this.request('GET', `/v1/admin/messages/${encodeURIComponent(id)}/trace`, { action: `trace message '${id}'`, role: 'support' });
  }

  replay(body: ReplayRequest): Promise<{ results: ReplayResult[] }> {
    return this.request('POST', '/v1/admin/dead-letters/replay', { action: 'replay', role: 'support', body });
  }

  discard(body: DiscardRequest): Promise<{ results: DiscardResult[] }> {
    return this.request('POST', '/v1/admin/dead-letters/discard', { action: 'discard', role: 'admin', body });
  }

  /** 202 with the ingress result; a rejection comes back as an ApiError (400) whose problem has `messageId`. */
  send(envelope: EnvelopeInput): Promise<IngressResult> {
    return this.request('POST', '/v1/admin/messages', { action: `send a ${envelope.type} event`, role: 'admin', body: envelope });
  }

  connectors(): Promise<{ items: ConnectorSummary[] }> {
    return this.request('GET', '/v1/admin/connectors', { action: 'list connectors', role: 'support' });
  }

  connector(name: string): Promise<ConnectorDescription> {
    return this.request('GET', `/v1/admin/connectors/${encodeURIComponent(name)}`, { action: `describe connector '${name}'`, role: 'support' });
  }

  connectorHealth(name: string): Promise<HealthResult> {
    return this.request('GET', `/v1/admin/connectors/${encodeURIComponent(name)}/health`, { action: `check connector '${name}'`, role: 'support' });
  }

  eventTypes(): Promise<{ items: EventTypeInfo[] }> {
    return this.request('GET', '/v1/admin/event-types', { action: 'list event types', role: 'support' });
  }

  /** Any admin API call; `path` starts with '/'. */
  async request<T>(method: string, path: string, call: ApiCall): Promise<T> {
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.auth !== false) {
      const token = await this.bearer();
      if (token) headers.authorization = `Bearer ${token}`;
    }
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: call.body === undefined ? null : JSON.stringify(call.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw this.unreachable(error);
    }
    const json = isJson(response.headers.get('content-type')) ? parseOrUndefined(text) : undefined;
    if (!response.ok) {
      const problem: Problem =
        json !== undefined && typeof json === 'object' && json !== null
          ? (json as Problem)
          : { status: response.status, title: response.statusText, detail: text.slice(0, 200) };
      throw new ApiError(this.describeProblem(response.status, problem, call), response.status, problem);
    }
    if (json === undefined) {
      const kind = response.headers.get('content-type') ?? 'no content type';
      throw new CliError(`the server at ${this.baseUrl} answered ${call.action} with ${kind}, not JSON; check that --url / INTERLINE_URL points at an Interline hub`);
    }
    return json as T;
  }

  private bearer(): Promise<string | undefined> {
    this.token ??= this.tokenSource ? this.tokenSource() : Promise.resolve(undefined);
    return this.token;
  }

  private unreachable(error: unknown): CliError {
    if (error instanceof CliError) return error;
    const reason = networkReason(error, this.timeoutMs);
    const fix = this.urlSource === 'flag' ? 'fix --url' : 'set INTERLINE_URL';
    return new HubUnreachableError(`cannot reach the hub at ${this.baseUrl} (${reason}); start it with \`npm start\` or ${fix}`, reason);
  }

  private describeProblem(status: number, problem: Problem, call: ApiCall): string {
    const detail = oneLine(problem.detail || problem.title || `HTTP ${status}`);
    const role = call.role ?? 'admin';
    const issue = `\`interline token issue --role ${role}\``;
    if (status === 401) {
      return `the hub at ${this.baseUrl} did not accept the token for ${call.action} (${detail}); pass --token, set INTERLINE_TOKEN or issue one with ${issue}`;
    }
    if (status === 403) {
      return `token lacks role '${role}' for ${call.action} at ${this.baseUrl} (${detail}); use a token with that role (--token or INTERLINE_TOKEN; ${issue})`;
    }
    if (status === 404) return `${detail} (hub at ${this.baseUrl})`;
    const fields = (problem.errors ?? []).map((e) => `${e.path}: ${oneLine(e.message)}`).filter((f) => !detail.includes(f));
    const extra = fields.length > 0 ? ` [${fields.join('; ')}]` : '';
    if (status >= 500) {
      const head = problem.title ? `${status} ${problem.title}` : String(status);
      return `the hub at ${this.baseUrl} failed to ${call.action} (${head}: ${detail}${extra}); see the hub's log, then retry`;
    }
    return `the hub at ${this.baseUrl} refused to ${call.action}: ${detail}${extra}`;
  }
}

function isJson(contentType: string | null): boolean {
  return contentType !== null && /[/+]json\b/i.test(contentType);
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const code = errorCode(error);
  if (code && NETWORK_REASONS[code]) return NETWORK_REASONS[code];
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  return oneLine(code ? `${code}: ${message}` : message);
}

/** The system error code, looked for through fetch's `cause` and Happy Eyeballs' AggregateError. */
function errorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof error !== 'object' || error === null) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  if (Array.isArray(errors)) for (const inner of errors) {
    const found = errorCode(inner, depth + 1);
    if (found) return found;
  }
  return errorCode(cause, depth + 1);
}
