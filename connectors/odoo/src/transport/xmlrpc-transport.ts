// XML-RPC transport: /xmlrpc/2/common (version, authenticate) and /xmlrpc/2/object (execute_kw),
// with the connector's own codec. Faults come back as HTTP 200 with a <fault>; other statuses are
// the web server's (a proxy's 502, a 404 where XML-RPC was removed).
import { AuthError, PermanentError, errorForStatus } from '@interline/hub';
import { encodeMethodCall, XmlRpcEncodeError } from '../xmlrpc/encode';
import { decodeMethodResponse } from '../xmlrpc/decode';
import { XmlRpcFormatError } from '../xmlrpc/values';
import type { XmlRpcValue } from '../xmlrpc/values';
import { exchange, excerpt } from './http-exchange';
import { errorForFault } from './odoo-errors';
import type { CallOptions, CallPlace, OdooEndpoint, OdooServerVersion, OdooTransport } from './transport';

const EXECUTE_KW_LABELS = ['database', 'uid', 'apiKey', 'model', 'method', 'args', 'kwargs'];

export class XmlRpcTransport implements OdooTransport {
  readonly protocol = 'xmlrpc' as const;
  readonly #endpoint: OdooEndpoint;
  #uid: Promise<number> | undefined;

  constructor(endpoint: OdooEndpoint) {
    this.#endpoint = endpoint;
  }

  async version(options: CallOptions = {}): Promise<OdooServerVersion> {
    const result = await this.rpc('common', 'version', [], { model: 'common', method: 'version' }, options);
    return readVersion(result);
  }

  authenticate(options: CallOptions = {}): Promise<number> {
    // One login per transport; a failed one is forgotten so the next call tries again.
    this.#uid ??= this.login(options).catch((error: unknown) => {
      this.#uid = undefined;
      throw error;
    });
    return this.#uid;
  }

  /** Forget the cached uid (after Odoo denied access: the key may have been replaced). */
  forget(): void {
    this.#uid = undefined;
  }

  async call<T = unknown>(model: string, method: string, args: readonly unknown[], kwargs: Record<string, unknown> = {}, options: CallOptions = {}): Promise<T> {
    const uid = await this.authenticate(options);
    const { database, apiKey } = this.#endpoint;
    try {
      return (await this.rpc('object', 'execute_kw', [database, uid, apiKey, model, method, [...args], kwargs], { model, method }, options)) as T;
    } catch (error) {
      if (error instanceof AuthError) this.forget();
      throw error;
    }
  }

  private async login(options: CallOptions): Promise<number> {
    const { database, login, apiKey } = this.#endpoint;
    const result = await this.rpc('common', 'authenticate', [database, login, apiKey, {}], { model: 'common', method: 'authenticate' }, options);
    if (result === false) {
      throw new AuthError(
        `Odoo refused login "${login}" on database "${database}" (authenticate returned false): check login, database and apiKey — the key is made in Odoo under Preferences → Account Security → New API Key`,
        { login, database },
      );
    }
    if (typeof result !== 'number' || !Number.isInteger(result)) throw new PermanentError(`Odoo's authenticate answered ${JSON.stringify(result)} instead of a user id`);
    return result;
  }

  private async rpc(service: 'common' | 'object', method: string, params: unknown[], at: Pick<CallPlace, 'model' | 'method'>, options: CallOptions): Promise<XmlRpcValue> {
    const place: CallPlace = { ...at, database: this.#endpoint.database, login: this.#endpoint.login };
    const what = `XML-RPC ${service === 'object' ? `${at.model}.${at.method}` : `common.${method}`}`;
    let body: string;
    try {
      body = encodeMethodCall(method, params, service === 'object' ? EXECUTE_KW_LABELS : []);
    } catch (error) {
      if (error instanceof XmlRpcEncodeError) throw new PermanentError(`${what}: ${error.message}`);
      throw error;
    }
    const url = new URL(`xmlrpc/2/${service}`, withTrailingSlash(this.#endpoint.baseUrl));
    const response = await exchange({
      method: 'POST',
      url,
      headers: { 'content-type': 'text/xml; charset=utf-8', accept: 'text/xml' },
      body,
      timeoutMs: this.#endpoint.timeoutMs,
      what,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (response.status === 404) {
      throw new PermanentError(`${what}: ${url.pathname} does not exist on this server (HTTP 404); Odoo 22+ removed XML-RPC — set protocol: json2, or check url`, { status: 404 });
    }
    if (response.status !== 200) throw errorForStatus(response.status, what, response.text, response.headers);
    let decoded;
    try {
      decoded = decodeMethodResponse(response.text);
    } catch (error) {
      if (error instanceof XmlRpcFormatError) {
        throw new PermanentError(`${what}: the answer is not valid XML-RPC (${error.message}); is url really an Odoo server? Body: ${excerpt(response.text, 200)}`);
      }
      throw error;
    }
    if (decoded.kind === 'fault') throw errorForFault(decoded.faultCode, decoded.faultString, place);
    return decoded.value;
  }
}

export function withTrailingSlash(url: URL): URL {
  return url.pathname.endsWith('/') ? url : new URL(`${url.href}/`);
}

function readVersion(result: XmlRpcValue): OdooServerVersion {
  const struct = result as { server_version?: unknown; server_version_info?: unknown };
  const info = Array.isArray(struct.server_version_info) ? struct.server_version_info : [];
  const major = typeof info[0] === 'number' ? info[0] : Number.parseInt(String(struct.server_version ?? '').replace(/^saas~/, ''), 10);
  if (!Number.isInteger(major)) throw new PermanentError(`Odoo's version() answered without a version number: ${excerpt(JSON.stringify(result), 200)}`);
  return { serverVersion: String(struct.server_version ?? major), major };
}
