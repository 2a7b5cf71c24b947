// The portal connector's HTTP client: JSON POSTs to the portal's internal endpoints with the
// service token and the hub step's Idempotency-Key, failures classified for the hub's retry rules.
import { PermanentError, errorForNetworkFailure, errorForStatus } from '@interline/hub';
import type { Envelope, HealthResult } from '@interline/hub';
import { DEFAULT_PORTAL_TIMEOUT_MS } from './config';
import type { PortalConnectorConfig } from './config';

/** The envelope attributes the portal needs with each event (tenant, saga subject, trace). */
export function eventRef(envelope: Envelope): Record<string, string> {
  return {
    id: envelope.id,
    type: envelope.type,
    ...(envelope.subject !== undefined ? { subject: envelope.subject } : {}),
    tenant: envelope.tenant,
    correlationid: envelope.correlationid,
    traceparent: envelope.traceparent,
  };
}

export class PortalClient {
  readonly baseUrl: string;
  readonly #token: string;
  readonly #timeoutMs: number;

  constructor(config: PortalConnectorConfig) {
    this.baseUrl = config.baseUrl.replace(/\/+$/, '');
    this.#token = config.token;
    this.#timeoutMs = config.timeoutMs ?? DEFAULT_PORTAL_TIMEOUT_MS;
  }

  async post(path: string, body: unknown, idempotencyKey: string, signal?: AbortSignal): Promise<unknown> {
    const what = `portal POST ${path}`;
    const timer = AbortSignal.timeout(this.#timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${this.#token}`, 'idempotency-key': idempotencyKey },
        body: JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timer]) : timer,
        redirect: 'manual',
      });
      text = await response.text();
    } catch (error) {
      throw errorForNetworkFailure(error, what, timer.aborted);
    }
    if (response.status === 409) {
      // The portal's 409s are state conflicts (a booking no longer in that step): retrying cannot help.
      throw new PermanentError(`${what} was refused with HTTP 409: ${problemDetail(text)}`, { status: 409 });
    }
    if (!response.ok) throw errorForStatus(response.status, what, text, response.headers);
    return text ? (JSON.parse(text) as unknown) : null;
  }

  async health(): Promise<HealthResult> {
    const started = Date.now();
    try {
      const response = await fetch(`${this.baseUrl}/healthz`, { signal: AbortSignal.timeout(this.#timeoutMs) });
      await response.text();
      return { status: response.ok ? 'up' : 'down', detail: `HTTP ${response.status}`, latencyMs: Date.now() - started };
    } catch (error) {
      return { status: 'down', detail: error instanceof Error ? error.message : String(error), latencyMs: Date.now() - started };
    }
  }
}

function problemDetail(text: string): string {
  try {
    const parsed = JSON.parse(text) as { detail?: unknown };
    return typeof parsed.detail === 'string' ? parsed.detail : text.slice(0, 300);
  } catch {
    return text.slice(0, 300);
  }
}
