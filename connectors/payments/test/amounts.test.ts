// Canonical minor units ↔ Stripe amounts, for the currencies where Stripe and ISO 4217 disagree.
import { PermanentError } from '@interline/hub';
import { fromStripeAmount, stripeExponent, toStripeAmount } from '../src';

describe('toStripeAmount / fromStripeAmount', () => {
  it.each([
    ['EUR', 248_710, 248_710, 'eur'],
    ['JPY', 1_120_000, 1_120_000, 'jpy'],
    // ISO: no minor unit; Stripe: two decimals, whole krónur only.
    ['ISK', 15_000, 1_500_000, 'isk'],
    // ISO: two decimals; Stripe: zero-decimal.
    ['MGA', 12_300, 123, 'mga'],
    // Three decimals in both, the last one 0 for Stripe.
    ['KWD', 12_340, 12_340, 'kwd'],
    // ISO three decimals, Stripe two.
    ['IQD', 12_340, 1_234, 'iqd'],
  ])('%s: %i minor units ↔ Stripe %i', (currency, minor, stripe, lower) => {
    expect(toStripeAmount({ amountMinor: minor, currency }, 'test')).toEqual({ amount: stripe, currency: lower });
    expect(fromStripeAmount(stripe, lower)).toEqual({ amountMinor: minor, currency });
  });

  it.each([
    ['MGA', 12_345, 'round the amount to a multiple of 100 minor units'],
    ['KWD', 12_345, 'Stripe requires KWD amounts to end in 0'],
    ['IQD', 12_345, 'round the amount to a multiple of 10 minor units'],
    ['XYZ', 100, '"XYZ" is not an ISO 4217 currency code'],
  ])('refuses %s %i rather than rounding money', (currency, minor, message) => {
    let thrown: unknown;
    try {
      toStripeAmount({ amountMinor: minor, currency }, 'createPaymentIntent for payment p-1');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PermanentError);
    expect((thrown as Error).message).toContain('createPaymentIntent for payment p-1: ');
    expect((thrown as Error).message).toContain(message);
  });

  it('knows Stripe zero- and three-decimal currencies', () => {
    expect(['JPY', 'KRW', 'UGX', 'XOF', 'USD', 'BHD', 'TND'].map(stripeExponent)).toEqual([0, 0, 0, 0, 2, 3, 3]);
  });
});
