// OpenID Connect client-credentials tokens: fetched from the token endpoint, cached until shortly
// before they expire, fetched once for concurrent callers, and dropped when the server says 401.
import { AuthError, errorForNetworkFailure, parseRetryAfter, TransientError } from '@interline/hub';

export interface TokenClientConfig {
  /** The OAuth 2.0 token endpoint. */
  endpoint: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  /** client_secret_basic (default, RFC 6749 §2.3.1) or client_secret_post. */
  clientAuth?: 'basic' | 'post';
  /** Renew this many seconds before expiry, so a token never expires in flight. */
  refreshMarginSeconds?: number;
  timeoutMs: number;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

export class TokenClient {
  readonly #config: TokenClientConfig;
  #cached: CachedToken | undefined;
  #pending: Promise<CachedToken> | undefined;
  /** How many tokens were fetched (for health details and tests). */
  fetched = 0;

  constructor(config: TokenClientConfig, private readonly now: () => number = Date.now) {
    this.#config = config;
  }

  /** A valid access token, from cache when it has more than the margin left. */
  async token(signal?: AbortSignal): Promise<string> {
    const margin = (this.#config.refreshMarginSeconds ?? 30) * 1000;
    if (this.#cached !== undefined && this.#cached.expiresAt - margin > this.now()) return this.#cached.value;
    this.#pending ??= this.fetch(signal).finally(() => {
      this.#pending = undefined;
    });
    this.#cached = await this.#pending;
    return this.#cached.value;
  }

  /** Forget a token the server refused, so the next call fetches a fresh one. */
  invalidate(token: string): void {
    if (this.#cached?.value === token) this.#cached = undefined;
  }

  private async fetch(signal?: AbortSignal): Promise<CachedToken> {
    const { endpoint, clientId, clientSecret, scope, clientAuth } = this.#config;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (scope !== undefined) form.set('scope', scope);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (clientAuth === 'post') {
      form.set('client_id', clientId);
      form.set('client_secret', clientSecret);
    } else {
      headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
    }
    const what = `OIDC token request to ${new URL(endpoint).origin}${new URL(endpoint).pathname}`;
    const timer = AbortSignal.timeout(this.#config.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(endpoint, { method: 'POST', headers, body: form, signal: signal ? AbortSignal.any([signal, timer]) : timer, redirect: 'manual' });
      text = await response.text();
    } catch (error) {
      throw errorForNetworkFailure(error, what, timer.aborted);
    }
    const body = parseJson(text);
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      const code = typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`;
      throw new AuthError(`${what} was refused (${code}${typeof body?.error_description === 'string' ? `: ${body.error_description}` : ''}); check oauth.clientId, oauth.clientSecret and oauth.scope`, { status: response.status });
    }
    if (!response.ok) {
      throw new TransientError(`${what} failed with HTTP ${response.status}; will retry`, { status: response.status }, { retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) });
    }
    const accessToken = body?.access_token;
    if (typeof accessToken !== 'string' || accessToken === '') {
      throw new AuthError(`${what} answered without an access_token; check that the endpoint is an OAuth 2.0 token endpoint with the client-credentials grant`);
    }
    this.fetched += 1;
    const lifetime = typeof body?.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 300;
    return { value: accessToken, expiresAt: this.now() + lifetime * 1000 };
  }
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
