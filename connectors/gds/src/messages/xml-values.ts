// Reading and writing the values of Amadeus-style message bodies as the soap package gives them:
// one element is an object, a repeated one an array, text is a string. Dates are DDMMYY (DDMMYYYY
// for birth dates), times HHMM.

/** Always an array: the soap package returns a single occurrence as the element itself. */
export function asArray<T = Record<string, unknown>>(value: unknown): T[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

/** Follow a path of element names; arrays take their first item. */
export function at(value: unknown, ...path: string[]): unknown {
  let cursor = value;
  for (const key of path) {
    if (Array.isArray(cursor)) cursor = cursor[0];
    if (cursor === null || typeof cursor !== 'object') return undefined;
    cursor = (cursor as Record<string, unknown>)[key];
  }
  return Array.isArray(cursor) ? cursor[0] : cursor;
}

/** Text at a path, trimmed; undefined when absent or empty. */
export function textAt(value: unknown, ...path: string[]): string | undefined {
  const found = at(value, ...path);
  if (found === undefined || found === null || typeof found === 'object') return undefined;
  const text = String(found).trim();
  return text === '' ? undefined : text;
}

/** 2025-03-14 → 140325 */
export function toDdmmyy(isoDate: string): string {
  return `${isoDate.slice(8, 10)}${isoDate.slice(5, 7)}${isoDate.slice(2, 4)}`;
}

/** 1982-08-12 → 12081982 (birth dates keep the century) */
export function toDdmmyyyy(isoDate: string): string {
  return `${isoDate.slice(8, 10)}${isoDate.slice(5, 7)}${isoDate.slice(0, 4)}`;
}

/** 140325 → 2025-03-14; 12081982 → 1982-08-12. Two-digit years are 2000–2099. */
export function fromAmadeusDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{8}$/.test(value)) return `${value.slice(4, 8)}-${value.slice(2, 4)}-${value.slice(0, 2)}`;
  if (/^\d{6}$/.test(value)) return `20${value.slice(4, 6)}-${value.slice(2, 4)}-${value.slice(0, 2)}`;
  return undefined;
}

/** 10:35 → 1035 */
export function toHhmm(localTime: string): string {
  return localTime.replace(':', '').slice(0, 4);
}

/** 1035 → 10:35 */
export function fromHhmm(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}$/.test(value)) return undefined;
  return `${value.slice(0, 2)}:${value.slice(2, 4)}`;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** 1982-08-12 → 12AUG82, as SSR DOCS free text writes dates. */
export function toDdmonyy(isoDate: string): string {
  return `${isoDate.slice(8, 10)}${MONTHS[Number(isoDate.slice(5, 7)) - 1] ?? 'JAN'}${isoDate.slice(2, 4)}`;
}

/** 01FEB25 → 2025-02-01 */
export function fromDdmonyy(value: string): string | undefined {
  const match = /^(\d{2})([A-Z]{3})(\d{2})$/.exec(value);
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[2] as string) + 1;
  if (month === 0) return undefined;
  return `20${match[3]}-${String(month).padStart(2, '0')}-${match[1]}`;
}
