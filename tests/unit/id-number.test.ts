import { describe, expect, it } from 'vitest';
import type { IdType } from '../../entities/domain.js';
import { nitCheckDigit, normalizeIdNumber } from '../../graphql/id-number.js';

describe('nitCheckDigit', () => {
  it.each([
    ['800197268', 4], // DIAN
    ['860034313', 7],
    ['890903938', 8],
    ['900123456', 8],
  ])('computes the DIAN check digit of %s as %i', (base, dv) => {
    expect(nitCheckDigit(base)).toBe(dv);
  });

  it('keeps remainders 0 and 1 as the digit instead of subtracting from 11', () => {
    expect(nitCheckDigit('15')).toBe(0); // 5·3 + 1·7 = 22 ≡ 0 (mod 11)
    expect(nitCheckDigit('4')).toBe(1); // 4·3 = 12 ≡ 1 (mod 11)
  });
});

describe('normalizeIdNumber: CC', () => {
  it('accepts digits and strips the dots and spaces people write', () => {
    expect(normalizeIdNumber('CC', '1013592259')).toEqual({ ok: true, idNumber: '1013592259' });
    expect(normalizeIdNumber('CC', '1.013.592.259')).toEqual({ ok: true, idNumber: '1013592259' });
    expect(normalizeIdNumber('CC', ' 1 013 592 259 ')).toEqual({ ok: true, idNumber: '1013592259' });
  });

  it.each(['', '   ', ' . . '])('says an empty value %j is REQUIRED', (raw) => {
    expect(normalizeIdNumber('CC', raw)).toEqual({ ok: false, problem: 'REQUIRED' });
  });

  it.each([
    ['letters', '10135A2259'],
    ['a hyphen (only dots and spaces are separators)', '1013-592'],
    ['Arabic-Indic digits', '١٢٣٤٥'],
    ['fullwidth digits', '１２３４５'],
    ['an SQL fragment', '1 OR 1=1'],
    ['a null byte', '123\u0000456'],
  ])('rejects %s as DIGITS_ONLY', (_label, raw) => {
    expect(normalizeIdNumber('CC', raw)).toEqual({ ok: false, problem: 'DIGITS_ONLY' });
  });

  it('rejects too short and too long numbers with the bounds 3..10', () => {
    expect(normalizeIdNumber('CC', '12')).toEqual({ ok: false, problem: 'LENGTH', min: 3, max: 10 });
    expect(normalizeIdNumber('CC', '12345678901')).toEqual({ ok: false, problem: 'LENGTH', min: 3, max: 10 });
  });

  it('rejects a 1 MB string on its length before looking at its characters', () => {
    const start = performance.now();
    expect(normalizeIdNumber('CC', 'a'.repeat(1_000_000))).toEqual({ ok: false, problem: 'LENGTH', min: 3, max: 10 });
    expect(performance.now() - start).toBeLessThan(100);
  });
});

describe('normalizeIdNumber: NIT', () => {
  it.each(['900.123.456-8', '9001234568', '900 123 456 - 8'])('normalizes %j to base-dv form', (raw) => {
    expect(normalizeIdNumber('NIT', raw)).toEqual({ ok: true, idNumber: '900123456-8' });
  });

  it('accepts the DIAN NIT', () => {
    expect(normalizeIdNumber('NIT', '800.197.268-4')).toEqual({ ok: true, idNumber: '800197268-4' });
  });

  it.each(['900123456-7', '9001234560', '800197268-5'])('rejects the wrong check digit in %s', (raw) => {
    expect(normalizeIdNumber('NIT', raw)).toEqual({ ok: false, problem: 'NIT_CHECK_DIGIT' });
  });

  it('rejects letters as DIGITS_ONLY', () => {
    expect(normalizeIdNumber('NIT', '90012345A-8')).toEqual({ ok: false, problem: 'DIGITS_ONLY' });
    expect(normalizeIdNumber('NIT', '900123456-X')).toEqual({ ok: false, problem: 'DIGITS_ONLY' });
  });
});

describe('normalizeIdNumber: PA, PEP, PPT', () => {
  it('upper-cases a passport number', () => {
    expect(normalizeIdNumber('PA', 'ab123456')).toEqual({ ok: true, idNumber: 'AB123456' });
    expect(normalizeIdNumber('PA', 'ab 123.456')).toEqual({ ok: true, idNumber: 'AB123456' });
  });

  it.each([
    ['ß1234', 'a letter that upper-cases to two ASCII letters'],
    ['ＡＢ123', 'fullwidth letters'],
    ['ıı1234', 'a dotless i that upper-cases to ASCII I'],
    ['AB-123', 'a hyphen'],
  ])('rejects %j (%s) as ALPHANUMERIC_ONLY', (raw) => {
    expect(normalizeIdNumber('PA', raw)).toEqual({ ok: false, problem: 'ALPHANUMERIC_ONLY' });
  });

  it.each<IdType>(['PEP', 'PPT', 'CE'])('accepts only digits for %s', (idType) => {
    expect(normalizeIdNumber(idType, '123456')).toEqual({ ok: true, idNumber: '123456' });
    expect(normalizeIdNumber(idType, 'A12345')).toEqual({ ok: false, problem: 'DIGITS_ONLY' });
  });
});

describe('normalizeIdNumber: length bounds of every type', () => {
  // NIT bounds apply to the base, before the check digit.
  function value(idType: IdType, length: number): string {
    if (idType === 'NIT') {
      const base = '9'.repeat(length);
      // Any digit will do beyond the bounds: length is checked before the check digit.
      return length > 15 ? `${base}-0` : `${base}-${nitCheckDigit(base)}`;
    }
    return idType === 'PA' ? 'A' + '1'.repeat(length - 1) : '1'.repeat(length);
  }

  it.each<[IdType, number, number]>([
    ['CC', 3, 10],
    ['CE', 3, 12],
    ['NIT', 5, 15],
    ['PA', 3, 20],
    ['PEP', 5, 20],
    ['PPT', 5, 20],
  ])('%s accepts %i..%i characters', (idType, min, max) => {
    expect(normalizeIdNumber(idType, value(idType, min)).ok).toBe(true);
    expect(normalizeIdNumber(idType, value(idType, max)).ok).toBe(true);
    expect(normalizeIdNumber(idType, value(idType, min - 1))).toEqual({ ok: false, problem: 'LENGTH', min, max });
    expect(normalizeIdNumber(idType, value(idType, max + 1))).toEqual({ ok: false, problem: 'LENGTH', min, max });
  });
});
