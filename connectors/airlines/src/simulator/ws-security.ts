// WS-Security UsernameToken checking as a service does it: the user is known, the password is a
// PasswordDigest = Base64(SHA-1(nonce bytes + Created + password)), Created is fresh, and a nonce
// is never accepted twice (replay). Failures are answered with the wsse fault codes.
import { createHash, timingSafeEqual } from 'node:crypto';
import { TIMESTAMP_TOLERANCE_MS } from './credentials';

export interface SecurityVerdict {
  ok: boolean;
  /** FailedAuthentication, InvalidSecurity or MessageExpired when not ok. */
  code?: string;
  reason?: string;
}

type Node = string | { $value?: string; attributes?: Record<string, string> } | undefined;

function value(node: Node): string | undefined {
  if (typeof node === 'string') return node;
  return node?.$value;
}

export function digest(nonceBase64: string, created: string, password: string): string {
  return createHash('sha1').update(Buffer.concat([Buffer.from(nonceBase64, 'base64'), Buffer.from(created, 'utf8'), Buffer.from(password, 'utf8')])).digest('base64');
}

export class UsernameTokenVerifier {
  private readonly seenNonces = new Map<string, number>();

  constructor(
    private readonly users: () => Record<string, string>,
    private readonly now: () => number = Date.now,
  ) {}

  verify(security: unknown): SecurityVerdict {
    const header = security as { UsernameToken?: Record<string, Node>; Timestamp?: Record<string, Node> } | undefined;
    const token = header?.UsernameToken;
    if (!token) return { ok: false, code: 'InvalidSecurity', reason: 'the request has no wsse:Security/wsse:UsernameToken header' };
    const username = value(token.Username);
    const password = token.Password;
    const type = typeof password === 'object' ? password.attributes?.Type ?? '' : '';
    const nonce = value(token.Nonce);
    const created = value(token.Created) ?? value(header?.Timestamp?.Created);
    if (!type.endsWith('#PasswordDigest')) return { ok: false, code: 'InvalidSecurity', reason: 'the UsernameToken password must be a PasswordDigest; plain-text passwords are refused' };
    if (!username || !nonce || !created) return { ok: false, code: 'InvalidSecurity', reason: 'the UsernameToken needs Username, Nonce and Created' };
    const createdAt = Date.parse(created);
    if (!Number.isFinite(createdAt) || Math.abs(this.now() - createdAt) > TIMESTAMP_TOLERANCE_MS) {
      return { ok: false, code: 'MessageExpired', reason: `the security timestamp ${created} is more than ${TIMESTAMP_TOLERANCE_MS / 60000} minutes from the service clock` };
    }
    const expected = this.users()[username];
    const given = Buffer.from(value(password) ?? '', 'utf8');
    const wanted = Buffer.from(expected === undefined ? '' : digest(nonce, created, expected), 'utf8');
    if (expected === undefined || given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      return { ok: false, code: 'FailedAuthentication', reason: 'the security token could not be authenticated: unknown user or wrong password' };
    }
    this.forgetOld();
    if (this.seenNonces.has(nonce)) return { ok: false, code: 'FailedAuthentication', reason: 'the nonce was already used (replayed request)' };
    this.seenNonces.set(nonce, createdAt);
    return { ok: true };
  }

  private forgetOld(): void {
    const cutoff = this.now() - 2 * TIMESTAMP_TOLERANCE_MS;
    for (const [nonce, at] of this.seenNonces) if (at < cutoff) this.seenNonces.delete(nonce);
  }
}
