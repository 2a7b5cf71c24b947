// Stripe's amount rules: a positive integer of at most eight digits, a minimum charge per currency,
// three-decimal amounts ending in 0, and ISK in whole krónur (multiples of 100).
import { invalidRequest } from './api-result';
import type { ApiResult } from './api-result';

/** Minimum charge amounts (Stripe units) for common currencies; others need at least 1. */
const MINIMUM: Record<string, number> = { usd: 50, eur: 50, gbp: 30, chf: 50, cad: 50, aud: 50, jpy: 50, sek: 300, nok: 300, dkk: 250 };
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

export function checkAmount(amount: number, currency: string, param = 'amount'): ApiResult | undefined {
  if (amount > 99_999_999) return invalidRequest('Amount must be no more than 99999999 (eight digits).', { code: 'amount_too_large', param });
  const minimum = MINIMUM[currency] ?? 1;
  if (amount < minimum) return invalidRequest(`Amount must be at least ${minimum} ${currency} in the currency's smallest unit.`, { code: 'amount_too_small', param });
  if (THREE_DECIMAL.has(currency) && amount % 10 !== 0) {
    return invalidRequest(`Invalid amount: ${currency.toUpperCase()} amounts must be rounded to the nearest ten (the last digit must be 0).`, { code: 'invalid_amount', param });
  }
  if (currency === 'isk' && amount % 100 !== 0) {
    return invalidRequest('Invalid amount. Currency ISK has become effectively zero-decimal and charged amounts must be evenly divisible by 100.', { code: 'invalid_charge_amount_no_decimal_compatible', param });
  }
  return undefined;
}
