// Odoo's date and datetime strings: "YYYY-MM-DD" and "YYYY-MM-DD HH:MM:SS", always UTC, never a
// local time. Conversions to and from the canonical model's RFC 3339 instants live here only.

const ODOO_DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const ODOO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An RFC 3339 instant (any offset) → Odoo's UTC datetime string, seconds precision. */
export function toOdooDatetime(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime()) || (typeof instant === 'string' && !/(Z|[+-]\d{2}:\d{2})$/i.test(instant))) {
    throw new RangeError(`"${String(instant)}" is not an RFC 3339 instant with an offset (2025-03-14T09:30:00Z)`);
  }
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** Odoo's UTC datetime string → RFC 3339 with Z; false (Odoo's empty) → undefined. */
export function fromOdooDatetime(value: unknown): string | undefined {
  if (value === false || value === null || value === undefined) return undefined;
  if (typeof value !== 'string' || !ODOO_DATETIME.test(value)) throw new RangeError(`"${String(value)}" is not an Odoo datetime (YYYY-MM-DD HH:MM:SS)`);
  return `${value.replace(' ', 'T')}Z`;
}

/** Odoo's date string, checked; false → undefined. */
export function fromOdooDate(value: unknown): string | undefined {
  if (value === false || value === null || value === undefined) return undefined;
  if (typeof value !== 'string' || !ODOO_DATE.test(value)) throw new RangeError(`"${String(value)}" is not an Odoo date (YYYY-MM-DD)`);
  return value;
}

/** Shift an Odoo datetime string by whole seconds (for poll overlap windows). */
export function shiftOdooDatetime(value: string, seconds: number): string {
  return toOdooDatetime(new Date(new Date(`${value.replace(' ', 'T')}Z`).getTime() + seconds * 1000));
}
