// AWB helpers: check digit arithmetic, the accepted spellings, and errors that say what to fix.
import { MalformedInputError } from '../../src/errors';
import { AWB_PATTERN, awbCheckDigit, formatAwb, isValidAwb, parseAwb } from '../../src/model';

describe('awbCheckDigit', () => {
  // Worked by hand: the check digit is the 7-digit serial's value mod 7.
  it.each([
    ['1234567', 5], // 7 × 176366 = 1234562, remainder 5 (the ONE Record example 020-12345675)
    ['8675309', 6], // 7 × 1239329 = 8675303
    ['3141592', 6], // 7 × 448798 = 3141586
    ['1600452', 0], // 7 × 228636 = 1600452 exactly
    ['9999999', 2], // 7 × 1428571 = 9999997
    ['0000000', 0],
    ['0000006', 6],
  ])('%s → %i', (serial7, expected) => {
    expect(awbCheckDigit(serial7)).toBe(expected);
  });

  it.each(['123456', '12345678', '12a4567', ''])('refuses %j, which is not 7 digits', (serial7) => {
    expect(() => awbCheckDigit(serial7)).toThrow(MalformedInputError);
  });
});

describe('parseAwb', () => {
  it.each(['12312345675', '123-12345675', '123 12345675', '  123-12345675\n'])('accepts %j', (input) => {
    expect(parseAwb(input)).toEqual({ prefix: '123', serial: '12345675', checkDigit: 5, number: '123-12345675' });
  });

  it('keeps the leading zeros of the prefix', () => {
    expect(parseAwb('02086753096').number).toBe('020-86753096');
  });

  it.each(['123--12345675', '123_12345675', '12-312345675', 'ABC-12345675', '123-1234567', '123-123456756', ''])('rejects the malformed %j with the expected shape', (input) => {
    expect(() => parseAwb(input)).toThrow(/write it as PPP-SSSSSSSS/);
  });

  it('rejects a wrong check digit and names the expected one', () => {
    expect(() => parseAwb('020-12345674')).toThrow(MalformedInputError);
    expect(() => parseAwb('020-12345674')).toThrow('AWB 020-12345674 has check digit 4 but expected 5 (1234567 mod 7).');
  });
});

describe('isValidAwb', () => {
  it.each(['020-12345675', '02012345675', '020 12345675', '176-31415926', '618-16004520', '000-00000000', '999-99999992'])('%s is valid', (awb) => {
    expect(isValidAwb(awb)).toBe(true);
  });

  it.each(['020-12345676', '176-31415920', '999-99999999', '020-1234567', 'not an awb'])('%s is not', (awb) => {
    expect(isValidAwb(awb)).toBe(false);
  });
});

describe('formatAwb', () => {
  it('appends the check digit to a 7-digit serial', () => {
    expect(formatAwb('020', '1234567')).toBe('020-12345675');
    expect(formatAwb('176', '3141592')).toBe('176-31415926');
  });

  it('accepts an 8-digit serial with the right check digit', () => {
    expect(formatAwb('020', '12345675')).toBe('020-12345675');
  });

  it('refuses an 8-digit serial with a wrong check digit', () => {
    expect(() => formatAwb('020', '12345671')).toThrow(/expected 5/);
  });

  it('refuses a prefix that lost its leading zero', () => {
    expect(() => formatAwb('20', '1234567')).toThrow(/AWB prefix "20" must be 3 digits \(keep leading zeros/);
  });

  it('produces the canonical pattern used by the schemas', () => {
    expect(formatAwb('057', '2718281')).toMatch(new RegExp(AWB_PATTERN));
  });
});
