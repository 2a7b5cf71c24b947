// The GDS client: one soap-package client built from the connector's WSDL (created once, cached),
// calls that carry per-call SoapHeader 4 headers, and session flows (Start → InSeries → End) that
// start over in a new session when the GDS reports the session lost (expired, out of sequence).
import path from 'node:path';
import { createClientAsync } from 'soap';
import type { Client } from 'soap';
import type { ConnectorState, HealthResult, Logger } from '@interline/hub';
import { DEFAULT_AUTHORITY_PARTNER, DEFAULT_POLL_INTERVAL_MS, DEFAULT_QUEUE_NUMBER, DEFAULT_TIMEOUT_MS } from './config';
import type { GdsConfig } from './config';
import { wsdlPath } from './package-root';
import { SessionLostError } from './soap/faults';
import { FetchSoapTransport } from './soap/http-transport';
import type { CallOptions } from './soap/http-transport';
import { GdsSession } from './soap/session';
import type { SessionHeaderValues, TransactionStatus } from './soap/session';

export type GdsOperationName = 'PNR_Retrieve' | 'PNR_AddMultiElements' | 'Air_MultiAvailability' | 'Queue_List' | 'Queue_RemoveItem' | 'Security_SignOut';

type AsyncMethod = (args: unknown, options: Record<string, unknown>) => Promise<[unknown, string, Record<string, unknown> | undefined, string]>;

/** How many times one flow is started over in a new session after the GDS lost the session. */
export const SESSION_RESTARTS = 2;

export interface FlowContext {
  signal?: AbortSignal;
  logger?: Logger;
}

export class GdsClient {
  private soapClient: Promise<Client> | undefined;
  readonly transport = new FetchSoapTransport();
  /** Raw exchanges are handed here when set (tests, audit); secrets never appear in them except the digest. */
  onExchange: CallOptions['onExchange'];

  constructor(
    readonly config: GdsConfig,
    readonly logger: Logger,
    /** Durable connector state: PAXLST control references and delivery plans, seen PNRs of the queue source. */
    readonly state: ConnectorState,
  ) {}

  get timeoutMs(): number {
    return this.config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }
  get pollIntervalMs(): number {
    return this.config.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  }
  get queueNumber(): number {
    return this.config.queueNumber ?? DEFAULT_QUEUE_NUMBER;
  }
  get authorityRoot(): string {
    return this.config.authorityOutboxDir ?? path.resolve(process.env.INTERLINE_DATA_DIR ?? '.interline', 'files');
  }
  get authorityPartner(): string {
    return this.config.authorityPartner ?? DEFAULT_AUTHORITY_PARTNER;
  }

  /** The soap client, created from the WSDL once: parsing a WSDL is slow, so it is shared by every call. */
  soap(): Promise<Client> {
    this.soapClient ??= createClientAsync(wsdlPath(), { endpoint: this.config.endpoint, httpClient: this.transport, disableCache: false }).catch((error: unknown) => {
      this.soapClient = undefined;
      throw error;
    });
    return this.soapClient;
  }

  newSession(): GdsSession {
    return new GdsSession({ username: this.config.username, password: this.config.password, officeId: this.config.officeId, endpoint: this.config.endpoint });
  }

  /** One call in a session; the header is built for this call only, so concurrent flows never share one. */
  async call<T>(session: GdsSession, operation: GdsOperationName, body: unknown, ctx: FlowContext & { what: string; status?: TransactionStatus }): Promise<T> {
    const client = await this.soap();
    const method = (client as unknown as Record<string, AsyncMethod>)[`${operation}Async`];
    if (!method) throw new Error(`the GDS WSDL ${wsdlPath()} has no operation ${operation}`);
    const header = session.header(operation, ctx.status);
    const gds: CallOptions = { what: ctx.what, timeoutMs: this.timeoutMs, ...(ctx.signal ? { signal: ctx.signal } : {}), ...(this.onExchange ? { onExchange: this.onExchange } : {}) };
    const [result, , soapHeader] = await method.call(client, body, {
      gds,
      // The envelope is built synchronously inside the call, so this header belongs to this call alone.
      postProcess: (xml: string) => xml.replace(/<soap:Body>/, `<soap:Header>${header}</soap:Header><soap:Body>`),
    });
    session.update(soapHeader?.Session as SessionHeaderValues | undefined, ctx.status ?? (session.started ? 'InSeries' : 'Start'));
    return (result ?? {}) as T;
  }

  /** Close a session (Security_SignOut with End); a failure only costs the GDS a session that times out. */
  async end(session: GdsSession, ctx: FlowContext): Promise<void> {
    if (!session.started || session.ended) return;
    try {
      await this.call(session, 'Security_SignOut', {}, { ...ctx, what: 'Security_SignOut', status: 'End' });
    } catch (error) {
      (ctx.logger ?? this.logger).debug({ err: error }, 'GDS sign-out failed; the session will time out on the GDS');
    }
  }

  /**
   * Run a flow in a fresh session and end it. When the GDS reports the session lost, the whole flow
   * runs again in a new session: the flow must be safe to redo (createPnr searches before it books).
   */
  async inSession<T>(what: string, ctx: FlowContext, flow: (session: GdsSession) => Promise<T>): Promise<T> {
    for (let restart = 0; ; restart++) {
      const session = this.newSession();
      try {
        const result = await flow(session);
        await this.end(session, ctx);
        return result;
      } catch (error) {
        if (error instanceof SessionLostError && restart < SESSION_RESTARTS) {
          (ctx.logger ?? this.logger).warn({ what, restart: restart + 1, fault: error.fault.text }, `${what}: GDS session lost (${error.fault.text.trim()}); starting over in a new session`);
          continue;
        }
        if (!(error instanceof SessionLostError)) await this.end(session, ctx);
        throw error;
      }
    }
  }

  async health(): Promise<HealthResult> {
    const started = Date.now();
    await this.inSession('health check', {}, (session) => this.call(session, 'Queue_List', queueListBody(this.queueNumber), { what: 'health check (Queue_List)' }));
    return { status: 'up', latencyMs: Date.now() - started, detail: `signed in to office ${this.config.officeId} at ${this.config.endpoint}` };
  }
}

export function queueListBody(queueNumber: number): unknown {
  return { queueNumber: { queueDetails: { number: String(queueNumber) } }, categoryDetails: { subQueueInfoDetails: { identificationType: 'C', itemNumber: '0' } } };
}
