// Small conversions the odoo/* mappings share (not a mapping itself: the loader only picks up
// *.mapping.ts): Odoo's UTC datetime strings, decimal amounts, language codes, empties as false.
import { fromMinorUnits } from '@interline/hub';
import type { Money } from '@interline/hub';

/** An RFC 3339 instant → Odoo's "YYYY-MM-DD HH:MM:SS" in UTC (Odoo stores UTC, never local time). */
export function odooDatetime(instant: string, what: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime()) || !/(Z|[+-]\d{2}:\d{2})$/i.test(instant)) throw new Error(`${what} "${instant}" is not an RFC 3339 instant with an offset`);
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** A calendar date as an Odoo datetime at 00:00 UTC (commitment dates have no time of day). */
export function odooDatetimeOfDate(date: string): string {
  return `${date} 00:00:00`;
}

/** Money → the decimal number Odoo's float fields take (125050 EUR → 1250.5), exact for the currency. */
export function decimal(money: Money, currency: string, what: string): number {
  if (money.currency !== currency) throw new Error(`${what} is in ${money.currency}, but the document is in ${currency}; Odoo keeps one currency per document`);
  return Number(fromMinorUnits(money.amountMinor, currency));
}

const DEFAULT_REGION: Record<string, string> = { de: 'DE', en: 'US', fr: 'FR', es: 'ES', it: 'IT', nl: 'NL', pt: 'PT', ja: 'JP', zh: 'CN', pl: 'PL', da: 'DK', sv: 'SE', fi: 'FI', nb: 'NO', cs: 'CZ', tr: 'TR', ko: 'KR' };

/** BCP 47 → Odoo's lang code: en-GB → en_GB, de → de_DE; undefined when Odoo has no obvious match. */
export function odooLang(language: string | undefined): string | undefined {
  if (!language) return undefined;
  const [lang = '', region] = language.split('-');
  const country = region ?? DEFAULT_REGION[lang];
  return country ? `${lang}_${country}` : undefined;
}

export function textOrFalse(value: string | undefined): string | false {
  return value === undefined || value === '' ? false : value;
}
