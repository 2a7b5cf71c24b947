// The connector's Odoo client: picks the transport once (by server version or config), knows its
// own user id, and offers the ORM calls operations and sources use. Holds no secret in a public field.
import type { HealthResult, Logger } from '@interline/hub';
import { DEFAULT_TIMEOUT_MS } from './config';
import type { OdooConfig, OdooPollConfig } from './config';
import { selectTransport } from './transport/select-transport';
import type { ProtocolChoice, SelectedTransport } from './transport/select-transport';
import type { CallOptions, OdooEndpoint, OdooProtocol, OdooTransport } from './transport/transport';

/** An Odoo domain: [field, operator, value] leaves and the prefix operators '&', '|', '!'. */
export type Domain = ReadonlyArray<string | readonly [string, string, unknown]>;

export type OdooRecord = Record<string, unknown> & { id: number };

export interface SearchOptions extends CallOptions {
  limit?: number;
  offset?: number;
  order?: string;
  context?: Record<string, unknown>;
}

export class OdooClient {
  readonly baseUrl: URL;
  readonly database: string;
  readonly login: string;
  readonly poll: OdooPollConfig;
  /** Reference data that hardly changes (country, currency, product ids by code), per client. */
  readonly lookups = new Map<string, number>();
  readonly #endpoint: OdooEndpoint;
  readonly #choice: ProtocolChoice;
  readonly #logger: Logger | undefined;
  #selected: Promise<SelectedTransport> | undefined;

  constructor(config: OdooConfig, options: { logger?: Logger } = {}) {
    this.baseUrl = new URL(config.url);
    this.database = config.database;
    this.login = config.login;
    this.poll = config.poll ?? {};
    this.#endpoint = { baseUrl: this.baseUrl, database: config.database, login: config.login, apiKey: config.apiKey, timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS };
    this.#choice = config.protocol ?? 'auto';
    this.#logger = options.logger;
  }

  /** The transport for this server; chosen at first use (Odoo may be down when the hub starts). */
  transport(options: CallOptions = {}): Promise<OdooTransport> {
    this.#selected ??= selectTransport(this.#endpoint, this.#choice, options).then(
      (selected) => {
        this.#logger?.info({ protocol: selected.transport.protocol, serverVersion: selected.version?.serverVersion, url: this.baseUrl.origin }, 'odoo transport selected');
        return selected;
      },
      (error: unknown) => {
        this.#selected = undefined;
        throw error;
      },
    );
    return this.#selected.then((selected) => selected.transport);
  }

  async protocol(options: CallOptions = {}): Promise<OdooProtocol> {
    return (await this.transport(options)).protocol;
  }

  /** The integration user's id: writes stamped with it are the connector's own. */
  async uid(options: CallOptions = {}): Promise<number> {
    return (await this.transport(options)).authenticate(options);
  }

  async call<T = unknown>(model: string, method: string, args: readonly unknown[], kwargs: Record<string, unknown> = {}, options: CallOptions = {}): Promise<T> {
    const transport = await this.transport(options);
    const started = performance.now();
    try {
      return await transport.call<T>(model, method, args, kwargs, options);
    } finally {
      this.#logger?.debug({ model, method, protocol: transport.protocol, durationMs: Math.round(performance.now() - started) }, 'odoo call');
    }
  }

  search(model: string, domain: Domain, options: SearchOptions = {}): Promise<number[]> {
    return this.call<number[]>(model, 'search', [domain], searchKwargs(options), options);
  }

  searchRead<T extends { id: number } = OdooRecord>(model: string, domain: Domain, fields: readonly string[], options: SearchOptions = {}): Promise<T[]> {
    return this.call<T[]>(model, 'search_read', [domain], { fields, ...searchKwargs(options) }, options);
  }

  read<T extends { id: number } = OdooRecord>(model: string, ids: readonly number[], fields: readonly string[], options: CallOptions & { context?: Record<string, unknown> } = {}): Promise<T[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.call<T[]>(model, 'read', [ids], { fields, ...(options.context ? { context: options.context } : {}) }, options);
  }

  create(model: string, vals: Record<string, unknown>, options: CallOptions & { context?: Record<string, unknown> } = {}): Promise<number> {
    return this.call<number>(model, 'create', [vals], options.context ? { context: options.context } : {}, options);
  }

  async write(model: string, ids: readonly number[], vals: Record<string, unknown>, options: CallOptions = {}): Promise<void> {
    await this.call<boolean>(model, 'write', [ids, vals], {}, options);
  }

  /** A business method on records (action_confirm, action_post, …). */
  action<T = unknown>(model: string, method: string, ids: readonly number[], options: CallOptions & { context?: Record<string, unknown> } = {}): Promise<T> {
    return this.call<T>(model, method, [ids], options.context ? { context: options.context } : {}, options);
  }

  /** up when Odoo answers its version and accepts the login, down otherwise (with the reason). */
  async health(): Promise<HealthResult> {
    const started = performance.now();
    try {
      const transport = await this.transport();
      const version = await transport.version();
      await transport.authenticate();
      return { status: 'up', latencyMs: Math.round(performance.now() - started), detail: `Odoo ${version.serverVersion} over ${transport.protocol}, database ${this.database}` };
    } catch (error) {
      return { status: 'down', latencyMs: Math.round(performance.now() - started), detail: error instanceof Error ? error.message : String(error) };
    }
  }
}

function searchKwargs(options: SearchOptions): Record<string, unknown> {
  const kwargs: Record<string, unknown> = {};
  if (options.limit !== undefined) kwargs.limit = options.limit;
  if (options.offset !== undefined) kwargs.offset = options.offset;
  if (options.order !== undefined) kwargs.order = options.order;
  if (options.context !== undefined) kwargs.context = options.context;
  return kwargs;
}

/** A many2one as read: [id, display name] or false. */
export function many2oneId(value: unknown): number | undefined {
  return Array.isArray(value) && typeof value[0] === 'number' ? value[0] : typeof value === 'number' ? value : undefined;
}

export function many2oneName(value: unknown): string | undefined {
  return Array.isArray(value) && typeof value[1] === 'string' ? value[1] : undefined;
}
