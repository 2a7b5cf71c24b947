// Small conversions for values as the two drivers return them: numeric arrives as text from
// node-postgres and PGlite alike, timestamps as Date, jsonb as parsed JSON (or text, defensively).

export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export function isoTime(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}

export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A calendar date column (date) as YYYY-MM-DD, whatever the driver made of it. */
export function isoDate(value: unknown): string {
  if (value instanceof Date) {
    // node-postgres builds a local-midnight Date for a date column; read it back in local time.
    const y = value.getFullYear();
    const m = String(value.getMonth() + 1).padStart(2, '0');
    const d = String(value.getDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  return String(value).slice(0, 10);
}
