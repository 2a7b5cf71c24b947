// JSON-2 transport (Odoo 19+): POST /json/2/<model>/<method> with "Authorization: bearer <api key>",
// named arguments in a JSON body, errors as real HTTP statuses. Each call is its own transaction.
import { AuthError, PermanentError, errorForStatus } from '@interline/hub';
import { exchange, excerpt } from './http-exchange';
import { json2Body } from './json2-arguments';
import { errorForJson2Status } from './odoo-errors';
import { withTrailingSlash } from './xmlrpc-transport';
import type { CallOptions, CallPlace, OdooEndpoint, OdooServerVersion, OdooTransport } from './transport';

export class Json2Transport implements OdooTransport {
  readonly protocol = 'json2' as const;
  readonly #endpoint: OdooEndpoint;
  #uid: Promise<number> | undefined;

  constructor(endpoint: OdooEndpoint) {
    this.#endpoint = endpoint;
  }

  /** GET /web/version: {version_info: [19, 0, 0, "final", 0, ""], version: "19.0"}. */
  async version(options: CallOptions = {}): Promise<OdooServerVersion> {
    return fetchWebVersion(this.#endpoint, options);
  }

  /**
   * JSON-2 has no login call: the bearer key is the identity. The user id (needed to recognise the
   * connector's own writes) is that of the configured login, read with the key itself — which also
   * proves the key works.
   */
  authenticate(options: CallOptions = {}): Promise<number> {
    this.#uid ??= this.lookupUid(options).catch((error: unknown) => {
      this.#uid = undefined;
      throw error;
    });
    return this.#uid;
  }

  async call<T = unknown>(model: string, method: string, args: readonly unknown[], kwargs: Record<string, unknown> = {}, options: CallOptions = {}): Promise<T> {
    const body = json2Body(model, method, args, kwargs);
    const result = await this.post(model, method, body, options);
    // XML-RPC's create returns one id for one mapping; JSON-2 always returns the list. Keep one meaning.
    if (method === 'create' && args.length > 0 && !Array.isArray(args[0]) && Array.isArray(result)) return result[0] as T;
    return result as T;
  }

  private async lookupUid(options: CallOptions): Promise<number> {
    const { login, database } = this.#endpoint;
    const rows = await this.post('res.users', 'search_read', { domain: [['login', '=', login]], fields: ['id'], limit: 1 }, options);
    const id = Array.isArray(rows) ? (rows[0] as { id?: unknown } | undefined)?.id : undefined;
    if (typeof id !== 'number') {
      throw new AuthError(`the API key works, but Odoo has no user with login "${login}" on database "${database}"; set login to the key owner's login`, { login, database });
    }
    return id;
  }

  private async post(model: string, method: string, body: Record<string, unknown>, options: CallOptions): Promise<unknown> {
    const { baseUrl, database, login, apiKey, timeoutMs } = this.#endpoint;
    const place: CallPlace = { model, method, database, login };
    const what = `JSON-2 ${model}.${method}`;
    let text: string;
    try {
      text = JSON.stringify(body);
    } catch (error) {
      throw new PermanentError(`${what}: the arguments cannot be encoded as JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const response = await exchange({
      method: 'POST',
      url: new URL(`json/2/${encodeURIComponent(model)}/${encodeURIComponent(method)}`, withTrailingSlash(baseUrl)),
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `bearer ${apiKey}`, 'x-odoo-database': database },
      body: text,
      timeoutMs,
      what,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (response.status !== 200) throw errorForJson2Status(response.status, response.text, response.headers, place);
    try {
      return JSON.parse(response.text) as unknown;
    } catch {
      throw new PermanentError(`${what}: Odoo answered 200 with a body that is not JSON (${excerpt(response.text, 200)}); is url really an Odoo 19+ server?`);
    }
  }
}

export async function fetchWebVersion(endpoint: Pick<OdooEndpoint, 'baseUrl' | 'timeoutMs'>, options: CallOptions = {}): Promise<OdooServerVersion> {
  const response = await exchange({
    method: 'GET',
    url: new URL('web/version', withTrailingSlash(endpoint.baseUrl)),
    headers: { accept: 'application/json' },
    timeoutMs: endpoint.timeoutMs,
    what: 'GET /web/version',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (response.status !== 200) throw errorForStatus(response.status, 'GET /web/version', response.text, response.headers);
  let body: { version_info?: unknown; version?: unknown };
  try {
    body = JSON.parse(response.text) as typeof body;
  } catch {
    throw new PermanentError(`GET /web/version answered with a body that is not JSON (${excerpt(response.text, 200)})`);
  }
  const major = Array.isArray(body.version_info) ? body.version_info[0] : undefined;
  if (typeof major !== 'number') throw new PermanentError(`GET /web/version answered without version_info: ${excerpt(response.text, 200)}`);
  return { serverVersion: typeof body.version === 'string' ? body.version : String(major), major };
}
