// Durations ("30m", "2h", "1d", "1h30m") and time bounds ("2h" = two hours ago, or an ISO time).

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g;

/** Milliseconds in a duration such as "30m", "2h", "1d" or "1h30m"; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART)) total += Number(amount) * (UNIT_MS[unit ?? ''] ?? 0);
  return total;
}

// Date.parse accepts too much ("1", "May 5"); a bound must look like an ISO 8601 date or time.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An ISO time for a --since/--until value: a duration means that long before `now`. */
export function parseTimeBound(text: string, now: number): string | undefined {
  const duration = parseDuration(text);
  if (duration !== undefined) return new Date(now - duration).toISOString();
  if (!ISO_TIME.test(text.trim())) return undefined;
  const at = Date.parse(text.trim());
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

/** "just now", "45s ago", "5m ago", "3h ago", "2d ago" (or "in 5m" for a time ahead). */
export function relativeTime(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const delta = now - at;
  const abs = Math.abs(delta);
  if (abs < 5_000) return 'just now';
  const text =
    abs < 60_000
      ? `${Math.floor(abs / 1000)}s`
      : abs < 3_600_000
        ? `${Math.floor(abs / 60_000)}m`
        : abs < 86_400_000
          ? `${Math.floor(abs / 3_600_000)}h`
          : `${Math.floor(abs / 86_400_000)}d`;
  return delta >= 0 ? `${text} ago` : `in ${text}`;
}
