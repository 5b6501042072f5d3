import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nitCheckDigit, normalizeIdNumber, type IdNumberProblem, type IdType } from '../../graphql/id-number.js';
import { HandleCodec } from '../../server/requests/handle.js';

// Properties over what anyone can send: the example-based tests (id-number.test.ts,
// handle.test.ts) pin the rules; these check that no input, however odd, escapes them.

const ID_TYPES: IdType[] = ['CC', 'CE', 'NIT', 'PA', 'PEP', 'PPT'];
const PROBLEMS: IdNumberProblem[] = ['REQUIRED', 'DIGITS_ONLY', 'ALPHANUMERIC_ONLY', 'LENGTH', 'NIT_CHECK_DIGIT'];
// What an ok result may look like, per type (graphql/id-number.ts, README "ID numbers").
const NORMALIZED: Record<IdType, RegExp> = {
  CC: /^[0-9]{3,10}$/,
  CE: /^[0-9]{3,12}$/,
  NIT: /^[0-9]{5,15}-[0-9]$/,
  PA: /^[A-Z0-9]{3,20}$/,
  PEP: /^[0-9]{5,20}$/,
  PPT: /^[0-9]{5,20}$/,
};
const BOUNDS: Record<IdType, { min: number; max: number }> = {
  CC: { min: 3, max: 10 },
  CE: { min: 3, max: 12 },
  NIT: { min: 5, max: 15 },
  PA: { min: 3, max: 20 },
  PEP: { min: 5, max: 20 },
  PPT: { min: 5, max: 20 },
};
// normalizeIdNumber refuses anything longer on its length alone, before looking at it.
const MAX_RAW = 64;

// Characters that look like digits, letters or separators but are none of the ASCII ones the rules accept.
const LOOK_ALIKES = [
  'А', 'В', 'О', 'І', // Cyrillic A, B, O, I
  'Ａ', '０', '１', // fullwidth
  '٠', '١', '۱', '१', '𝟏', // Arabic-Indic, Persian, Devanagari, mathematical digits
  'ı', 'ſ', 'K', 'ß', // upper-case to ASCII I, S, K or to two letters
  '\u200b', '\u202e', '\u0000', '\ufffd', // zero-width space, RTL override, null byte, replacement character
  '-', '_', '‐', '－', "'", ';', '<', '%',
];
const lookAlike = fc.constantFrom(...LOOK_ALIKES);
const anyCharacter = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

const idTypes = fc.constantFrom(...ID_TYPES);
const anyInput = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 100 }),
  // Mostly the characters the rules care about, so that many inputs come close to valid.
  fc.string({ unit: fc.oneof(fc.constantFrom(...'0123456789.- abcXYZ'), lookAlike), maxLength: 30 }),
);
const ccNumbers = fc.stringMatching(/^[0-9]{3,10}$/);
const passports = fc.stringMatching(/^[A-Za-z0-9]{3,20}$/);
const nitBases = fc.stringMatching(/^[0-9]{5,15}$/);

function insertAt(s: string, index: number, inserted: string): string {
  const i = index % (s.length + 1);
  return s.slice(0, i) + inserted + s.slice(i);
}

describe('normalizeIdNumber: properties', () => {
  it('never throws, whatever the type and the string, and says what is wrong in one of the known problems', () => {
    fc.assert(
      fc.property(idTypes, anyInput, (idType, raw) => {
        const result = normalizeIdNumber(idType, raw);
        if (result.ok) expect(result.idNumber).toMatch(NORMALIZED[idType]);
        else expect(PROBLEMS).toContain(result.problem);
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives only ASCII values within the type\'s bounds (CC: 3 to 10 ASCII digits), and NITs with their right check digit', () => {
    fc.assert(
      fc.property(idTypes, fc.oneof(anyInput, ccNumbers, passports, nitBases.map((b) => `${b}-${nitCheckDigit(b)}`)), (idType, raw) => {
        const result = normalizeIdNumber(idType, raw);
        if (!result.ok) return;
        expect(result.idNumber).toMatch(NORMALIZED[idType]);
        if (idType === 'NIT') {
          const [base, dv] = result.idNumber.split('-');
          expect(nitCheckDigit(base)).toBe(Number(dv));
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('is idempotent: normalizing a normalized value gives it back unchanged', () => {
    const nearlyValid = fc.oneof(
      ccNumbers,
      passports,
      nitBases.map((b) => `${b}-${nitCheckDigit(b)}`),
      nitBases.map((b) => `${b}${nitCheckDigit(b)}`),
      fc.string({ unit: fc.constantFrom(...'0123456789. aB-'), maxLength: 30 }),
    );
    fc.assert(
      fc.property(idTypes, fc.oneof(anyInput, nearlyValid), (idType, raw) => {
        const first = normalizeIdNumber(idType, raw);
        if (!first.ok) return;
        expect(normalizeIdNumber(idType, first.idNumber)).toEqual(first);
      }),
      { numRuns: 2_000 },
    );
  });

  it('does not change a valid CC when dots and spaces are inserted anywhere (up to the 64-character cap)', () => {
    const gaps = fc.array(fc.string({ unit: fc.constantFrom('.', ' '), maxLength: 4 }), { minLength: 11, maxLength: 11 });
    fc.assert(
      fc.property(ccNumbers, gaps, (cc, separators) => {
        const raw = separators[0] + [...cc].map((digit, i) => digit + separators[i + 1]).join('');
        expect(raw.length).toBeLessThanOrEqual(MAX_RAW);
        expect(normalizeIdNumber('CC', raw)).toEqual({ ok: true, idNumber: cc });
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuses a valid CC with any look-alike or other character that is not an ASCII digit, dot or space inserted', () => {
    const intruders = fc.oneof(lookAlike, anyCharacter).filter((c) => !/^[0-9.\s]$/.test(c));
    fc.assert(
      fc.property(ccNumbers, intruders, fc.nat(), (cc, intruder, at) => {
        expect(normalizeIdNumber('CC', insertAt(cc, at, intruder))).toEqual({ ok: false, problem: 'DIGITS_ONLY' });
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuses a valid passport number with any look-alike or other non-ASCII-alphanumeric character inserted', () => {
    const intruders = fc.oneof(lookAlike, anyCharacter).filter((c) => !/^[A-Za-z0-9.\s]$/.test(c));
    fc.assert(
      fc.property(passports, intruders, fc.nat(), (passport, intruder, at) => {
        expect(normalizeIdNumber('PA', insertAt(passport, at, intruder))).toEqual({ ok: false, problem: 'ALPHANUMERIC_ONLY' });
      }),
      { numRuns: 1_000 },
    );
  });

  it('reads a passport number the same in any letter case', () => {
    fc.assert(
      fc.property(passports, (passport) => {
        const upper = passport.toUpperCase();
        expect(normalizeIdNumber('PA', passport)).toEqual({ ok: true, idNumber: upper });
        expect(normalizeIdNumber('PA', passport.toLowerCase())).toEqual({ ok: true, idNumber: upper });
      }),
    );
  });

  it('refuses anything longer than 64 characters on its length, with the type\'s bounds', () => {
    fc.assert(
      fc.property(idTypes, fc.string({ unit: 'binary', minLength: MAX_RAW + 1, maxLength: 300 }), (idType, raw) => {
        fc.pre(raw.length > MAX_RAW);
        expect(normalizeIdNumber(idType, raw)).toEqual({ ok: false, problem: 'LENGTH', ...BOUNDS[idType] });
      }),
      { numRuns: 500 },
    );
  });
});

describe('NIT check digits: properties', () => {
  it('accepts any base with its computed check digit, written with or without the hyphen', () => {
    fc.assert(
      fc.property(nitBases, (base) => {
        const dv = nitCheckDigit(base);
        expect(normalizeIdNumber('NIT', `${base}-${dv}`)).toEqual({ ok: true, idNumber: `${base}-${dv}` });
        expect(normalizeIdNumber('NIT', `${base}${dv}`)).toEqual({ ok: true, idNumber: `${base}-${dv}` });
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuses any base with any other digit as NIT_CHECK_DIGIT', () => {
    fc.assert(
      fc.property(nitBases, fc.integer({ min: 0, max: 9 }), (base, digit) => {
        fc.pre(digit !== nitCheckDigit(base));
        expect(normalizeIdNumber('NIT', `${base}-${digit}`)).toEqual({ ok: false, problem: 'NIT_CHECK_DIGIT' });
        expect(normalizeIdNumber('NIT', `${base}${digit}`)).toEqual({ ok: false, problem: 'NIT_CHECK_DIGIT' });
      }),
      { numRuns: 1_000 },
    );
  });

  it('is always one decimal digit for bases of 1 to 15 digits, and leading zeros do not change it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,15}$/), fc.nat(14), (base, zeros) => {
        const dv = nitCheckDigit(base);
        expect(Number.isInteger(dv) && dv >= 0 && dv <= 9).toBe(true);
        const padded = '0'.repeat(zeros) + base;
        fc.pre(padded.length <= 15);
        expect(nitCheckDigit(padded)).toBe(dv);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('HandleCodec: properties', () => {
  const SECRET = 'property-secret-'.padEnd(40, 'x');
  const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const HANDLE = /^[A-Za-z0-9_-]{82}$/;

  const uint32 = fc.integer({ min: 0, max: 0xffffffff });
  const lookupIds = fc.uint8Array({ minLength: 8, maxLength: 8 }).map((bytes) => Buffer.from(bytes));
  // 2001 to 2096: the expiry is seconds in a uint32, good until 2106.
  const instants = fc.integer({ min: 1_000_000_000_000, max: 4_000_000_000_000 });
  const ttls = fc.integer({ min: 1, max: 30 * 86_400 });
  const issued = fc.record({ requestId: uint32, applicantId: uint32, lookupId: lookupIds, now: instants, ttl: ttls }).map((p) => {
    const codec = new HandleCodec(SECRET, p.ttl);
    return { ...p, codec, handle: codec.issue({ requestId: p.requestId, applicantId: p.applicantId, lookupId: p.lookupId }, p.now) };
  });
  const codec = new HandleCodec(SECRET, 1_800);
  const NOW = 1_700_000_000_000;

  it('round-trips any uint32 request and applicant ids and any lookup id, as 82 base64url characters', () => {
    fc.assert(
      fc.property(issued, ({ requestId, applicantId, lookupId, now, ttl, codec, handle }) => {
        expect(handle).toMatch(HANDLE);
        const opened = codec.open(handle, now);
        expect(opened).not.toBeNull();
        expect(opened?.requestId).toBe(requestId);
        expect(opened?.applicantId).toBe(applicantId);
        expect(opened?.lookupId.equals(lookupId)).toBe(true);
        expect(opened?.expiresAt).toBe(Math.ceil(now / 1000) + ttl);
      }),
      { numRuns: 500 },
    );
  });

  // The expiry is rounded up to the second (handle.ts): a handle lives at least its TTL and
  // less than one second more — never longer.
  it('opens throughout its TTL and never once its TTL (rounded up to the second) has passed', () => {
    fc.assert(
      fc.property(issued, fc.integer({ min: 0, max: 400 * 86_400_000 }), ({ now, ttl, codec, handle }, later) => {
        expect(codec.open(handle, now + ttl * 1000 - 1)).not.toBeNull();
        expect(codec.open(handle, (Math.ceil(now / 1000) + ttl) * 1000 + later)).toBeNull();
        expect(codec.open(handle, now + (ttl + 1) * 1000 + later)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('never opens with any single character changed, removed or added', () => {
    const otherCharacters = fc.oneof(fc.constantFrom(...BASE64URL, '+', '/', '=', '.', ' ', '\u0000'), lookAlike, anyCharacter);
    fc.assert(
      fc.property(issued, fc.nat(), otherCharacters, ({ now, codec, handle }, at, character) => {
        const i = at % handle.length;
        if (character !== handle[i]) {
          expect(codec.open(handle.slice(0, i) + character + handle.slice(i + 1), now)).toBeNull();
        }
        expect(codec.open(handle.slice(0, i) + handle.slice(i + 1), now)).toBeNull();
        expect(codec.open(insertAt(handle, at, character), now)).toBeNull();
      }),
      { numRuns: 2_000 },
    );
  });

  it('never opens, and never throws on, an arbitrary string', () => {
    // Both lengths a handle has had: 82 now, 66 before 2026-11-30 (still opened until expiry).
    const wellShaped = fc.string({ unit: fc.constantFrom(...BASE64URL), minLength: 82, maxLength: 82 });
    const legacyShaped = fc.string({ unit: fc.constantFrom(...BASE64URL), minLength: 66, maxLength: 66 });
    const sealedLooking = fc.oneof(fc.uint8Array({ minLength: 61, maxLength: 61 }), fc.uint8Array({ minLength: 49, maxLength: 49 })).map((bytes) => Buffer.from(bytes).toString('base64url'));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), wellShaped, legacyShaped, sealedLooking), (value) => {
        expect(codec.open(value, NOW)).toBeNull();
      }),
      { numRuns: 2_000 },
    );
  });

  it('never opens a handle sealed under another secret', () => {
    fc.assert(
      fc.property(issued, fc.string({ minLength: 32, maxLength: 64 }), ({ now, ttl, handle }, otherSecret) => {
        fc.pre(otherSecret !== SECRET);
        expect(new HandleCodec(otherSecret, ttl).open(handle, now)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
