// Exact conversion between Money's minor units and the decimal strings Odoo and EDIFACT speak;
// string arithmetic, never floats, so 0.1 + 0.2 never turns up on an invoice.
import { MalformedInputError } from '../errors';
import { currencyMinorUnits } from './currency';

function exponentOf(currency: string): number {
  const digits = currencyMinorUnits(currency);
  if (digits === undefined) {
    throw new MalformedInputError(`Currency "${currency}" is not an ISO 4217 code; use a code such as EUR, USD or JPY.`, { currency });
  }
  return digits;
}

/**
 * "1250.5" EUR → 125050. Accepts a leading minus and either decimal mark (EDIFACT allows a comma).
 * Refuses more fractional digits than the currency has unless they are zeros: rounding money
 * silently is a decision for the caller, not for a converter.
 */
export function toMinorUnits(decimal: string | number, currency: string): number {
  const exponent = exponentOf(currency);
  const text = typeof decimal === 'number' ? String(decimal) : decimal.trim();
  const match = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) {
    throw new MalformedInputError(`Amount "${text}" is not a decimal number; write it like 1250.50 (no thousands separators).`, { amount: text });
  }
  const [, sign = '', whole = '0', fraction = ''] = match;
  const kept = fraction.slice(0, exponent);
  if (/[^0]/.test(fraction.slice(exponent))) {
    throw new MalformedInputError(
      `Amount "${text}" has more than ${exponent} decimal places for ${currency}; round it before converting.`,
      { amount: text, currency },
    );
  }
  const minor = Number(`${whole}${kept.padEnd(exponent, '0')}`);
  if (!Number.isSafeInteger(minor)) {
    throw new MalformedInputError(`Amount "${text}" ${currency} is too large to hold exactly in minor units.`, { amount: text, currency });
  }
  return sign === '-' && minor !== 0 ? -minor : minor;
}

/** 125050 EUR → "1250.50"; 1500 JPY → "1500"; always the currency's number of decimals. */
export function fromMinorUnits(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new MalformedInputError(`Minor-unit amount ${amountMinor} is not a safe integer.`, { amountMinor });
  }
  const exponent = exponentOf(currency);
  const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const sign = amountMinor < 0 ? '-' : '';
  return exponent === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}
