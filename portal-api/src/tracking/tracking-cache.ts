// The tracking read cache with correct invalidation across processes. Each AWB has a version token
// (a long-lived key) and one cached history stamped with the token that was current when its rows
// were read. Recording an event sets a new token after its transaction commits, so a history read
// before the commit (even one stored after it) no longer matches: the next read goes to the database.
// A plain delete would not do: a reader that loaded old rows could store them after the delete.
import { randomUUID } from 'node:crypto';
import type { Cache } from '../cache/cache';

/** How long a history is served without a change (a safety net; invalidation is what keeps it fresh). */
const ENTRY_TTL_MS = 30_000;
/** Outlives every entry, so an expired token can never bring an old entry back. */
const VERSION_TTL_MS = 24 * 60 * 60 * 1000;
const NO_VERSION = '-';

interface Stamped<T> {
  version: string;
  value: T;
}

export class TrackingCache {
  constructor(private readonly cache: Cache) {}

  /** The cached value for `awb`, or `load()` (stored under the version seen before loading). */
  async read<T>(awb: string, load: () => Promise<T>): Promise<T> {
    let version: string;
    let entry: Stamped<T> | undefined;
    try {
      const [current, stored] = await Promise.all([this.cache.get<string>(versionKey(awb)), this.cache.get<Stamped<T>>(entryKey(awb))]);
      version = current ?? NO_VERSION;
      entry = stored;
    } catch {
      // The cache is down: the database answers (correct, only slower).
      return load();
    }
    if (entry && entry.version === version) return entry.value;
    const value = await load();
    await this.cache.set(entryKey(awb), { version, value } satisfies Stamped<T>, ENTRY_TTL_MS).catch(() => undefined);
    return value;
  }

  /** After a change to `awb` has committed: every history cached before it stops matching. */
  async invalidate(awb: string): Promise<void> {
    await this.cache.set(versionKey(awb), randomUUID(), VERSION_TTL_MS);
  }
}

function versionKey(awb: string): string {
  return `tracking:version:${awb}`;
}

function entryKey(awb: string): string {
  return `tracking:${awb}`;
}
