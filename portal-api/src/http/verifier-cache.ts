// Verifying a JWT costs an HMAC or a signature check per request; a verified token is remembered
// until it expires (at most a minute), so hot read paths pay for verification once per client.
import type { Principal, TokenVerifier } from '@interline/hub';

const MAX_ENTRIES = 10_000;
const MAX_REMEMBER_MS = 60_000;

function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

export function cachingVerifier(inner: TokenVerifier, now: () => number = Date.now): TokenVerifier {
  const cache = new Map<string, { principal: Principal; until: number }>();
  return {
    async verify(token) {
      const hit = cache.get(token);
      if (hit && hit.until > now()) return hit.principal;
      if (hit) cache.delete(token);
      const principal = await inner.verify(token);
      const expires = expiryOf(token);
      // A token without exp is verified every time: nothing says how long it stays good.
      if (expires !== undefined) {
        if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
        cache.set(token, { principal, until: Math.min(expires, now() + MAX_REMEMBER_MS) });
      }
      return principal;
    },
  };
}
