// The cargo airline SOAP client: one `soap` client per connector instance, built once from the
// packaged WSDL, signing every request with a WS-Security UsernameToken (PasswordDigest, nonce,
// timestamp); each call time-limited and abortable, its failure classified, its raw exchange kept
// (redacted) in a bounded ring for audit.
import { randomUUID } from 'node:crypto';
import { WSSecurity, createClientAsync } from 'soap';
import type { Client } from 'soap';
import type { HealthResult, Logger } from '@interline/hub';
import { ExchangeRing, redactSoap } from './audit';
import type { SoapExchange } from './audit';
import { DEFAULT_TIMEOUT_MS } from './config';
import type { AirlinesConfig } from './config';
import { GuardedHttpClient } from './guarded-http-client';
import type { RawExchange } from './guarded-http-client';
import { errorForSoapCall } from './soap-faults';
import { PORTS, SERVICE, WSDL_FILE } from './wsdl-path';
import type { SoapVersion } from './wsdl-path';

/** The service's operations (wsdl:operation names). */
export type SoapOperation = 'FlightScheduleQuery' | 'CapacityCheck' | 'CargoBookingCreate' | 'CargoBookingCancel' | 'CargoBookingStatus';

type PortMethod = (args: unknown, callback: (error: unknown, result: unknown) => void, options: Record<string, unknown>) => void;

export interface CallOptions {
  /** For error messages: "createCargoBooking for booking 0195…". */
  what: string;
  signal?: AbortSignal;
}

export class AirlinesClient {
  readonly endpoint: string;
  readonly soapVersion: SoapVersion;
  readonly timeoutMs: number;
  /** The last exchanges with the service, secrets removed. */
  readonly exchanges = new ExchangeRing(200);
  readonly #username: string;
  readonly #password: string;
  readonly #logger: Logger | undefined;
  readonly #pending = new Map<string, { operation: SoapOperation; started: number }>();
  #client: Promise<Client> | undefined;

  constructor(config: AirlinesConfig, options: { logger?: Logger } = {}) {
    this.endpoint = config.endpoint;
    this.soapVersion = config.soapVersion ?? '1.1';
    this.timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#username = config.username;
    this.#password = config.password;
    this.#logger = options.logger;
  }

  /** The `soap` client, created on first use and then reused (parsing the WSDL is the slow part). */
  soapClient(): Promise<Client> {
    this.#client ??= this.createClient().catch((error: unknown) => {
      // A failed creation is not cached: the next call tries again.
      this.#client = undefined;
      throw error;
    });
    return this.#client;
  }

  private async createClient(): Promise<Client> {
    const client = await createClientAsync(WSDL_FILE, {
      endpoint: this.endpoint,
      forceSoap12Headers: this.soapVersion === '1.2',
      httpClient: new GuardedHttpClient((exchange) => this.record(exchange)),
      disableCache: true,
    });
    client.setSecurity(new WSSecurity(this.#username, this.#password, { passwordType: 'PasswordDigest', hasTimeStamp: true, hasNonce: true, mustUnderstand: true }));
    return client;
  }

  /** Call one operation on the configured binding; resolves the response element as an object. */
  async call<T>(operation: SoapOperation, args: Record<string, unknown>, options: CallOptions): Promise<T> {
    const client = await this.soapClient();
    const port = (client as unknown as Record<string, Record<string, Record<string, PortMethod>>>)[SERVICE]?.[PORTS[this.soapVersion]];
    const method = port?.[operation];
    if (!method) throw new Error(`the packaged WSDL has no operation ${operation} on port ${PORTS[this.soapVersion]}`);
    const exchangeId = randomUUID();
    this.#pending.set(exchangeId, { operation, started: performance.now() });
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      return await new Promise<T>((resolve, reject) => {
        method(args, (error, result) => (error ? reject(error) : resolve(result as T)), { exchangeId, signal, timeout: this.timeoutMs });
      });
    } catch (error) {
      throw errorForSoapCall(error, `${options.what} (${operation} at ${this.endpoint})`, timeout.aborted);
    } finally {
      this.#pending.delete(exchangeId);
    }
  }

  private record(raw: RawExchange): void {
    const pending = raw.exchangeId ? this.#pending.get(raw.exchangeId) : undefined;
    const exchange: SoapExchange = {
      at: new Date().toISOString(),
      operation: pending?.operation ?? 'unknown',
      endpoint: raw.url,
      soapVersion: this.soapVersion,
      durationMs: pending ? Math.round(performance.now() - pending.started) : 0,
      request: redactSoap(raw.request, [this.#password]),
    };
    if (raw.status !== undefined) exchange.status = raw.status;
    if (raw.response !== undefined) exchange.response = redactSoap(raw.response, [this.#password]);
    if (raw.error !== undefined) exchange.error = redactSoap(raw.error instanceof Error ? raw.error.message : String(raw.error), [this.#password]);
    this.exchanges.add(exchange);
    this.#logger?.debug({ operation: exchange.operation, status: exchange.status, durationMs: exchange.durationMs, failed: raw.error !== undefined }, 'airline SOAP exchange');
  }

  /** An authenticated one-day schedule query: proves the network path, the WSDL binding and the credentials. */
  async health(): Promise<HealthResult> {
    const today = new Date().toISOString().slice(0, 10);
    try {
      await this.call('FlightScheduleQuery', { Origin: 'ZZZ', DateFrom: today, DateTo: today }, { what: 'health check' });
      return { status: 'up', detail: `SOAP ${this.soapVersion} at ${this.endpoint}` };
    } catch (error) {
      return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
