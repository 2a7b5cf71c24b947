// The simulator's OAuth 2.0 token endpoint (client-credentials grant) and the check of the HS256 JWTs
// it issues: iss, sub, exp and logistics_agent_uri, as ONE Record's security chapter describes.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET, SIMULATOR_SIGNING_KEY } from './credentials';

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

const b64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const sign = (data: string) => createHmac('sha256', SIMULATOR_SIGNING_KEY).update(data).digest('base64url');

export class TokenIssuer {
  issued = 0;
  /** Tokens with a sequence number below this are refused: "revoke everything issued so far". */
  private firstValid = 0;

  constructor(private readonly issuer: string, private readonly agentUri: string) {}

  /** Answer a token request: form body, client authenticated by HTTP Basic or form fields. */
  answer(authorization: string | undefined, form: URLSearchParams, ttlSeconds: number): TokenAnswer {
    if (form.get('grant_type') !== 'client_credentials') {
      return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'only grant_type=client_credentials is supported' } };
    }
    let clientId = form.get('client_id');
    let clientSecret = form.get('client_secret');
    if (authorization?.toLowerCase().startsWith('basic ')) {
      const [id = '', secret = ''] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
      clientId = decodeURIComponent(id);
      clientSecret = decodeURIComponent(secret);
    }
    if (clientId !== SIMULATOR_CLIENT_ID || clientSecret !== SIMULATOR_CLIENT_SECRET) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'unknown client or wrong secret' } };
    }
    const now = Math.floor(Date.now() / 1000);
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const payload = b64({ iss: this.issuer, sub: clientId, iat: now, exp: now + ttlSeconds, logistics_agent_uri: this.agentUri, jti: String(this.issued) });
    this.issued += 1;
    return { status: 200, body: { access_token: `${header}.${payload}.${sign(`${header}.${payload}`)}`, token_type: 'Bearer', expires_in: ttlSeconds } };
  }

  /** undefined for a valid token, else why it is not. */
  problem(token: string): string | undefined {
    const [header = '', payload = '', signature = ''] = token.split('.');
    const expected = Buffer.from(sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'the token signature is not valid';
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: number; jti?: string };
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return 'the token has expired';
    if (Number(claims.jti) < this.firstValid) return 'the token was revoked';
    return undefined;
  }

  revokeAll(): void {
    this.firstValid = this.issued;
  }
}
