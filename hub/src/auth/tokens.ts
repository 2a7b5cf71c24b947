// Bearer tokens: JWTs signed with a local key in the embedded runtime (HS256), or verified
// against a JWKS URL in production. Either way a token becomes a Principal with roles and tenant.
import { SignJWT, createRemoteJWKSet, jwtVerify, errors as joseErrors } from 'jose';
import type { JWTPayload } from 'jose';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isRole } from './roles';
import type { Principal, Role } from './roles';

export const TOKEN_AUDIENCE = 'interline';
export const LOCAL_ISSUER = 'interline-embedded';

export class AuthenticationError extends Error {}

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

function keyPath(dataDir: string): string {
  return path.join(dataDir, 'signing-key');
}

/** Create the embedded runtime's signing key once; it never leaves the data directory. */
export function ensureLocalSigningKey(dataDir: string): Uint8Array {
  const file = keyPath(dataDir);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
}

export function readLocalSigningKey(dataDir: string): Uint8Array {
  const file = keyPath(dataDir);
  if (!existsSync(file)) {
    throw new Error(`no local signing key at ${file}: start the hub once (npm start) in this folder, or pass --token / set INTERLINE_TOKEN`);
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
}

export interface IssueOptions {
  role: Role | Role[];
  subject: string;
  tenant?: string;
  /** Lifetime in seconds. */
  ttlSeconds?: number;
}

export async function signLocalToken(key: Uint8Array, options: IssueOptions): Promise<string> {
  const roles = Array.isArray(options.role) ? options.role : [options.role];
  return new SignJWT({ roles, tenant: options.tenant ?? '*' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(options.subject)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (options.ttlSeconds ?? 3600))
    .sign(key);
}

/** Issue a token with the key of a local embedded runtime (development and the CLI). */
export async function issueLocalToken(options: IssueOptions & { dataDir?: string }): Promise<string> {
  const dataDir = options.dataDir ?? process.env.INTERLINE_DATA_DIR ?? '.interline';
  return signLocalToken(readLocalSigningKey(dataDir), options);
}

function principalFrom(payload: JWTPayload): Principal {
  const rawRoles = Array.isArray(payload.roles) ? payload.roles : typeof payload.role === 'string' ? [payload.role] : [];
  const roles = rawRoles.filter((r): r is Role => typeof r === 'string' && isRole(r));
  if (roles.length === 0) throw new AuthenticationError('token carries no known role (claim "roles": customer, agent, support, partner or admin)');
  if (!payload.sub) throw new AuthenticationError('token has no subject (claim "sub")');
  const tenant = typeof payload.tenant === 'string' ? payload.tenant : roles.includes('admin') || roles.includes('support') ? '*' : '';
  if (!tenant) throw new AuthenticationError('token has no tenant (claim "tenant")');
  return { subject: payload.sub, roles, tenant };
}

function explain(error: unknown): AuthenticationError {
  if (error instanceof AuthenticationError) return error;
  if (error instanceof joseErrors.JWTExpired) return new AuthenticationError('token has expired; issue a new one (interline token issue)');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return new AuthenticationError('token signature is not valid for this hub');
  if (error instanceof joseErrors.JWTClaimValidationFailed) return new AuthenticationError(`token claim '${error.claim}' is not acceptable: ${error.message}`);
  return new AuthenticationError(`token is not a valid JWT: ${error instanceof Error ? error.message : String(error)}`);
}

export function localVerifier(key: Uint8Array): TokenVerifier {
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: LOCAL_ISSUER, audience: TOKEN_AUDIENCE, algorithms: ['HS256'] });
        return principalFrom(payload);
      } catch (error) {
        throw explain(error);
      }
    },
  };
}

export function jwksVerifier(options: { jwksUrl: string; issuer: string; audience?: string }): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl));
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, keys, { issuer: options.issuer, audience: options.audience ?? TOKEN_AUDIENCE });
        return principalFrom(payload);
      } catch (error) {
        throw explain(error);
      }
    },
  };
}
