// The simulator's state: a REST sink that keeps every request, the distinct side effects and the
// stored resources, and replays the first response for a repeated Idempotency-Key like real APIs do.
import { createHash } from 'node:crypto';

export type SimulatedOperation = 'deliver' | 'get' | 'health';

export interface RecordedRequest {
  seq: number;
  at: string;
  operation: SimulatedOperation;
  method: string;
  path: string;
  query: string;
  /** Request headers without Authorization / Proxy-Authorization. */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, the raw text when it is not JSON, null when empty. */
  body: unknown;
  idempotencyKey: string | null;
  /** The status answered; null when no answer was sent (connection reset, client gave up). */
  status: number | null;
  /** True when the answer was replayed from an earlier request with the same Idempotency-Key. */
  replayed: boolean;
  /** The injected fault that shaped this call, if any. */
  fault: string | null;
}

export interface RecordedEffect {
  seq: number;
  at: string;
  method: string;
  path: string;
  /** Where the resource now lives (GET it there). */
  resource: string;
  idempotencyKey: string | null;
  body: unknown;
}

export interface HttpSimulatorState {
  requests: RecordedRequest[];
  effects: RecordedEffect[];
}

export interface SinkResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

interface IdempotencyRecord {
  fingerprint: string;
  response: SinkResponse;
}

export class RestSink {
  private requests: RecordedRequest[] = [];
  private effects: RecordedEffect[] = [];
  private resources = new Map<string, unknown>();
  private idempotency = new Map<string, IdempotencyRecord>();

  record(request: Omit<RecordedRequest, 'seq' | 'at' | 'status' | 'replayed' | 'fault'>): RecordedRequest {
    const recorded: RecordedRequest = { ...request, seq: this.requests.length + 1, at: new Date().toISOString(), status: null, replayed: false, fault: null };
    this.requests.push(recorded);
    return recorded;
  }

  /**
   * A POST/PUT/PATCH. The same key with the same request replays the stored response (no new effect);
   * the same key with a different request is refused, as Stripe and the IETF Idempotency-Key draft do.
   */
  write(method: string, path: string, body: unknown, rawBody: Buffer, idempotencyKey: string | null): SinkResponse & { replayed: boolean } {
    const fingerprint = createHash('sha256').update(`${method} ${path}\n`).update(rawBody).digest('hex');
    if (idempotencyKey !== null) {
      const previous = this.idempotency.get(idempotencyKey);
      if (previous && previous.fingerprint === fingerprint) {
        return { ...previous.response, headers: { ...previous.response.headers, 'idempotent-replayed': 'true' }, replayed: true };
      }
      if (previous) {
        return {
          status: 422,
          body: { error: 'idempotency_key_reused', message: `Idempotency-Key "${idempotencyKey}" was already used with a different method, path or body` },
          headers: {},
          replayed: false,
        };
      }
    }
    const response = this.applyWrite(method, path, body, idempotencyKey);
    // Only successes are remembered: a refused request may be corrected and sent again with its key.
    if (idempotencyKey !== null && response.status < 300) this.idempotency.set(idempotencyKey, { fingerprint, response });
    return { ...response, replayed: false };
  }

  read(path: string): SinkResponse {
    if (this.resources.has(path)) return { status: 200, body: this.resources.get(path), headers: {} };
    const prefix = `${path.replace(/\/+$/, '')}/`;
    const items = [...this.resources.entries()]
      .filter(([resource]) => resource.startsWith(prefix) && !resource.slice(prefix.length).includes('/'))
      .map(([resource, body]) => ({ path: resource, body }));
    if (items.length > 0) return { status: 200, body: { items }, headers: {} };
    return { status: 404, body: { error: 'not_found', message: `no resource at ${path}; POST or PUT one first` }, headers: {} };
  }

  inspect(): HttpSimulatorState {
    return structuredClone({ requests: this.requests, effects: this.effects });
  }

  reset(): void {
    this.requests = [];
    this.effects = [];
    this.resources.clear();
    this.idempotency.clear();
  }

  private applyWrite(method: string, path: string, body: unknown, idempotencyKey: string | null): SinkResponse {
    let resource: string;
    let status: number;
    if (method === 'POST') {
      resource = `${path.replace(/\/+$/, '')}/${this.effects.length + 1}`;
      this.resources.set(resource, body);
      status = 201;
    } else if (method === 'PUT') {
      resource = path;
      status = this.resources.has(path) ? 200 : 201;
      this.resources.set(path, body);
    } else if (method === 'PATCH') {
      if (!this.resources.has(path)) return { status: 404, body: { error: 'not_found', message: `no resource at ${path} to PATCH; PUT it first` }, headers: {} };
      const current = this.resources.get(path);
      resource = path;
      status = 200;
      this.resources.set(path, isObject(current) && isObject(body) ? { ...current, ...body } : body);
    } else {
      return { status: 405, body: { error: 'method_not_allowed', message: `${method} is not supported; use GET, POST, PUT or PATCH` }, headers: { allow: 'GET, POST, PUT, PATCH' } };
    }
    const effect: RecordedEffect = { seq: this.effects.length + 1, at: new Date().toISOString(), method, path, resource, idempotencyKey, body };
    this.effects.push(effect);
    return { status, body: { id: String(effect.seq), resource }, headers: { location: resource } };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
