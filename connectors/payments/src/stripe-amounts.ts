// Canonical Money (ISO 4217 minor units, upper-case code) ↔ Stripe amounts (Stripe's own smallest
// unit, lower-case code). Mostly the same number, but Stripe deviates from ISO for some currencies.
import { PermanentError, currencyMinorUnits } from '@interline/hub';
import type { Money } from '@interline/hub';

/** Currencies Stripe takes in whole units (docs.stripe.com/currencies#zero-decimal). */
const STRIPE_ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
/** Three-decimal currencies: Stripe takes three decimals but the last digit must be 0. */
const STRIPE_THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);
/**
 * Two-decimal in Stripe's API although only whole units may be charged: ISK (ISO has no minor
 * unit, Stripe keeps two decimals for backwards compatibility and wants multiples of 100).
 */
const STRIPE_WHOLE_UNITS_IN_TWO_DECIMALS = new Set(['ISK']);

/** Digits after the decimal mark in Stripe's `amount` for this currency (upper-case ISO code). */
export function stripeExponent(currency: string): number {
  if (STRIPE_ZERO_DECIMAL.has(currency)) return 0;
  if (STRIPE_THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

function isoExponent(currency: string, what: string): number {
  const digits = currencyMinorUnits(currency);
  if (digits === undefined) throw new PermanentError(`${what}: "${currency}" is not an ISO 4217 currency code; use an upper-case code such as EUR, USD or JPY`, { currency });
  return digits;
}

/**
 * Canonical minor units → Stripe `amount` and `currency`. Refuses amounts Stripe cannot take exactly
 * (a fraction Stripe has no digits for, a three-decimal amount not ending in 0) instead of rounding money.
 */
export function toStripeAmount(money: Money, what: string): { amount: number; currency: string } {
  const iso = isoExponent(money.currency, what);
  const stripe = stripeExponent(money.currency);
  let amount: number;
  if (stripe >= iso) {
    amount = money.amountMinor * 10 ** (stripe - iso);
  } else {
    const divisor = 10 ** (iso - stripe);
    if (money.amountMinor % divisor !== 0) {
      throw new PermanentError(
        `${what}: ${money.amountMinor} minor units of ${money.currency} cannot be charged through Stripe, which takes ${money.currency} with ${stripe} decimals; round the amount to a multiple of ${divisor} minor units`,
        { amountMinor: money.amountMinor, currency: money.currency },
      );
    }
    amount = money.amountMinor / divisor;
  }
  if (STRIPE_THREE_DECIMAL.has(money.currency) && amount % 10 !== 0) {
    throw new PermanentError(`${what}: Stripe requires ${money.currency} amounts to end in 0 (three decimals, the last one zero); ${amount} does not — round it to the nearest ten`, {
      amountMinor: money.amountMinor,
      currency: money.currency,
    });
  }
  if (STRIPE_WHOLE_UNITS_IN_TWO_DECIMALS.has(money.currency) && amount % 100 !== 0) {
    throw new PermanentError(`${what}: Stripe only charges whole units of ${money.currency}; ${money.amountMinor} minor units is not a whole amount`, { amountMinor: money.amountMinor, currency: money.currency });
  }
  if (!Number.isSafeInteger(amount)) throw new PermanentError(`${what}: ${money.amountMinor} ${money.currency} is too large to send to Stripe`, { amountMinor: money.amountMinor });
  return { amount, currency: money.currency.toLowerCase() };
}

/** Stripe `amount` + `currency` → canonical Money. */
export function fromStripeAmount(amount: number, stripeCurrency: string): Money {
  const currency = stripeCurrency.toUpperCase();
  const iso = isoExponent(currency, `Stripe amount ${amount} ${stripeCurrency}`);
  const stripe = stripeExponent(currency);
  const amountMinor = stripe >= iso ? Math.trunc(amount / 10 ** (stripe - iso)) : amount * 10 ** (iso - stripe);
  return { amountMinor, currency };
}
