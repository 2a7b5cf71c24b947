// The hot idempotency cache in front of the journal: message ids ingress has journaled, kept in the
// shared cache (Redis) so a partner's retried webhook or a relay's republished event is answered
// "duplicate" without a journal round trip. The journal stays the authority — its insert ignores a
// known id anyway — so a cache miss, an eviction or Redis being down only costs that round trip.
import type { Cache } from '../cache';
import type { Logger } from '../observability/logger';

export interface SeenMessages {
  /** True only when the id was certainly journaled before. */
  seen(id: string): Promise<boolean>;
  remember(id: string): Promise<void>;
}

const PREFIX = 'ingress:seen:';
/** Retries and republishes come within hours; a day keeps Redis memory bounded by the daily volume. */
const TTL_MS = 24 * 60 * 60 * 1000;
/** One warning per this long while the cache fails, not one per message. */
const WARN_EVERY_MS = 10_000;

export function seenMessagesIn(cache: Cache, logger: Logger): SeenMessages {
  let lastWarning = 0;
  const degrade = (error: unknown, doing: string): void => {
    if (Date.now() - lastWarning < WARN_EVERY_MS) return;
    lastWarning = Date.now();
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, `ingress idempotency cache unavailable while ${doing}; the journal still de-duplicates`);
  };
  return {
    async seen(id) {
      try {
        return (await cache.get(`${PREFIX}${id}`)) !== undefined;
      } catch (error) {
        degrade(error, 'checking a message id');
        return false;
      }
    },
    async remember(id) {
      try {
        await cache.set(`${PREFIX}${id}`, '1', TTL_MS);
      } catch (error) {
        degrade(error, 'remembering a message id');
      }
    },
  };
}
