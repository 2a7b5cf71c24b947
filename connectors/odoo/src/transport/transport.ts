// The one client interface both Odoo protocols implement: XML-RPC (/xmlrpc/2, up to Odoo 21) and
// JSON-2 (/json/2, Odoo 19+). Operations and sources only ever see this interface.

export type OdooProtocol = 'xmlrpc' | 'json2';

export interface OdooServerVersion {
  /** "17.0", "19.0", "saas~18.3" … as the server reports it. */
  serverVersion: string;
  /** The major version number (17, 19, …). */
  major: number;
}

export interface CallOptions {
  /** The step's signal: aborting it abandons the request. */
  signal?: AbortSignal;
}

export interface OdooTransport {
  readonly protocol: OdooProtocol;
  version(options?: CallOptions): Promise<OdooServerVersion>;
  /** Log in with the configured login and API key; returns the user id. AuthError when Odoo refuses. */
  authenticate(options?: CallOptions): Promise<number>;
  /**
   * Call `model.method`. `args` are positional as in XML-RPC execute_kw (record methods take the ids
   * first); `kwargs` are named, `context` among them. `create` with one mapping returns one id on
   * both protocols.
   */
  call<T = unknown>(model: string, method: string, args: readonly unknown[], kwargs?: Record<string, unknown>, options?: CallOptions): Promise<T>;
}

/** Where and as whom the transports talk; the API key stays inside the transports. */
export interface OdooEndpoint {
  baseUrl: URL;
  database: string;
  login: string;
  apiKey: string;
  timeoutMs: number;
}

/** The model and method a failure belongs to, for error messages. */
export interface CallPlace {
  model: string;
  method: string;
  database: string;
  login: string;
}
