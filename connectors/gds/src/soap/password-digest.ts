// WS-Security UsernameToken PasswordDigest as Amadeus SoapHeader 4 wants it:
// Base64( SHA-1( nonce bytes + created + SHA-1(password) ) ) — the password is hashed once first.
import { createHash, randomBytes } from 'node:crypto';

export interface UsernameTokenParts {
  nonce: string;
  created: string;
  digest: string;
}

function sha1(...parts: Buffer[]): Buffer {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** Digest for a given base64 nonce and created timestamp (the simulator recomputes it the same way). */
export function passwordDigest(nonceBase64: string, created: string, password: string): string {
  return sha1(Buffer.from(nonceBase64, 'base64'), Buffer.from(created, 'utf8'), sha1(Buffer.from(password, 'utf8'))).toString('base64');
}

export function newUsernameToken(password: string, now: Date = new Date()): UsernameTokenParts {
  const nonce = randomBytes(16).toString('base64');
  const created = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { nonce, created, digest: passwordDigest(nonce, created, password) };
}
