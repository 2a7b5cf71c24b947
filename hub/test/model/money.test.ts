// Minor units ↔ decimal strings, exactly, per ISO 4217 exponent.
import { MalformedInputError } from '../../src/errors';
import { currencyMinorUnits, fromMinorUnits, isCurrencyCode, toMinorUnits } from '../../src/model';

describe('currency table', () => {
  it.each([
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['CLF', 4],
  ])('%s has %i minor digits', (code, digits) => {
    expect(currencyMinorUnits(code)).toBe(digits);
  });

  it.each(['XYZ', 'eur', 'toString', 'XAU', ''])('%j is not a currency the model accepts', (code) => {
    expect(isCurrencyCode(code)).toBe(false);
    expect(currencyMinorUnits(code)).toBeUndefined();
  });
});

describe('toMinorUnits', () => {
  it.each([
    ['1250.5', 'EUR', 125050],
    ['1250,50', 'EUR', 125050],
    ['0.05', 'USD', 5],
    ['-12.30', 'USD', -1230],
    ['1500', 'JPY', 1500],
    ['1500.000', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
    ['12.340', 'EUR', 1234],
    [19.99, 'EUR', 1999],
    ['-0.00', 'EUR', 0],
  ] as const)('%j %s → %i', (amount, currency, expected) => {
    expect(toMinorUnits(amount, currency)).toBe(expected);
  });

  it('refuses to round: more decimals than the currency has', () => {
    expect(() => toMinorUnits('12.345', 'EUR')).toThrow('Amount "12.345" has more than 2 decimal places for EUR; round it before converting.');
    expect(() => toMinorUnits('100.5', 'JPY')).toThrow(/more than 0 decimal places for JPY/);
  });

  it.each(['1,234.56', '1 234', '12.', '.5', 'abc', ''])('refuses %j, which is no plain decimal', (amount) => {
    expect(() => toMinorUnits(amount, 'EUR')).toThrow(MalformedInputError);
  });

  it('refuses an unknown currency by name', () => {
    expect(() => toMinorUnits('1', 'XYZ')).toThrow('Currency "XYZ" is not an ISO 4217 code; use a code such as EUR, USD or JPY.');
  });
});

describe('fromMinorUnits', () => {
  it.each([
    [125050, 'EUR', '1250.50'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [0, 'USD', '0.00'],
    [1500, 'JPY', '1500'],
    [1, 'KWD', '0.001'],
  ] as const)('%i %s → %s', (amountMinor, currency, expected) => {
    expect(fromMinorUnits(amountMinor, currency)).toBe(expected);
  });

  it('round-trips with toMinorUnits', () => {
    for (const [minor, currency] of [[248_710, 'EUR'], [1_120_000, 'JPY'], [-736_206, 'BHD']] as const) {
      expect(toMinorUnits(fromMinorUnits(minor, currency), currency)).toBe(minor);
    }
  });

  it('refuses a non-integer amount', () => {
    expect(() => fromMinorUnits(12.5, 'EUR')).toThrow(/is not a safe integer/);
  });
});
