// Readers and writers of SSIM field values: DDMMMYY dates, HHMM times, ±HHMM UTC variations,
// days of operation and date variations. Readers return a value or a problem text (with the fix).
export const SSIM_MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

export type FieldResult<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const bad = <T>(problem: string): FieldResult<T> => ({ ok: false, problem });

/** SSIM's "open end" date (00XXX00): the period runs until the end of the schedule validity. */
export const OPEN_DATE = '00XXX00';

/** DDMMMYY → YYYY-MM-DD; two-digit years are 2000–2099 (schedules are never for the last century). */
export function readSsimDate(text: string, what: string): FieldResult<string> {
  const match = /^(\d{2})([A-Z]{3})(\d{2})$/.exec(text);
  const month = match ? SSIM_MONTHS.indexOf(match[2] as (typeof SSIM_MONTHS)[number]) : -1;
  if (!match || month < 0) return bad(`${what} '${text}' is not a date DDMMMYY (e.g. 14MAR25)`);
  const day = Number(match[1]);
  const year = 2000 + Number(match[3]);
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month) return bad(`${what} '${text}' is not a date DDMMMYY: ${match[2]} ${year} has no day ${match[1]}`);
  return ok(date.toISOString().slice(0, 10));
}

export function writeSsimDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}${SSIM_MONTHS[Number(month) - 1] ?? '???'}${(year ?? '').slice(2)}`;
}

/** HHMM (0000–2359) → HH:MM. */
export function readSsimTime(text: string, what: string): FieldResult<string> {
  const match = /^([01]\d|2[0-3])([0-5]\d)$/.exec(text);
  if (!match) return bad(`${what} '${text}' is not a time HHMM between 0000 and 2359`);
  return ok(`${match[1]}:${match[2]}`);
}

/** ±HHMM → ±HH:MM, at most 14 hours either way. */
export function readUtcVariation(text: string, what: string): FieldResult<string> {
  const match = /^([+-])(0\d|1[0-4])([0-5]\d)$/.exec(text);
  if (!match) return bad(`${what} '${text}' is not a UTC/local time variation ±HHMM (e.g. +0100, -0500)`);
  return ok(`${match[1]}${match[2]}:${match[3]}`);
}

export function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/** Seven positions, position n holds digit n or a space: '1 3 5 7' → [1, 3, 5, 7]. */
export function readDaysOfOperation(text: string): FieldResult<number[]> {
  const days: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    const char = text[i];
    if (char === ' ') continue;
    if (char !== String(i + 1)) return bad(`days of operation '${text}': position ${i + 1} must be '${i + 1}' or a space, not '${char ?? ''}' (e.g. '1 3 5 7' for Mon, Wed, Fri, Sun)`);
    days.push(i + 1);
  }
  if (days.length === 0) return bad(`days of operation '${text}' name no day; give at least one of 1 (Monday) … 7 (Sunday)`);
  return ok(days);
}

export function writeDaysOfOperation(days: readonly number[]): string {
  return [1, 2, 3, 4, 5, 6, 7].map((day) => (days.includes(day) ? String(day) : ' ')).join('');
}

/** One date variation character: blank or 0 = same day, 1–9 = days later, A = the day before. */
export function readDateVariation(char: string, what: string): FieldResult<number> {
  if (char === ' ' || char === '0') return ok(0);
  if (/^[1-9]$/.test(char)) return ok(Number(char));
  if (char === 'A') return ok(-1);
  return bad(`${what} '${char}' is not a date variation (blank or 0 = same day, 1-9 = days later, A = day before)`);
}

export function writeDateVariation(days: number): string {
  return days === -1 ? 'A' : String(days);
}

/** Add days to a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** ISO weekday of a YYYY-MM-DD date: 1 = Monday … 7 = Sunday. */
export function weekday(isoDate: string): number {
  return ((new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}
