/**
 * The contract's rules for ID numbers, shared by the API (server/) and the pages (app/):
 * the page checks as the applicant types, the API refuses the same inputs, by
 * construction. No dependencies, so it weighs nothing in the browser.
 */
/** The kinds of identity document, as the schema's `IdType` and the `applicant.id_type` column store them (checked by tests/unit/enums.test.ts). */
export const ID_TYPES = ['CC', 'CE', 'NIT', 'PA', 'PEP', 'PPT'] as const;
export type IdType = (typeof ID_TYPES)[number];

// DIAN's check digit for a NIT: weights from the rightmost digit, r = sum mod 11, DV = r < 2 ? r : 11 - r.
const NIT_WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

export function nitCheckDigit(base: string): number {
  let sum = 0;
  for (let i = 0; i < base.length; i++) sum += Number(base[base.length - 1 - i]) * NIT_WEIGHTS[i];
  const r = sum % 11;
  return r < 2 ? r : 11 - r;
}

export type IdNumberProblem = 'REQUIRED' | 'DIGITS_ONLY' | 'ALPHANUMERIC_ONLY' | 'LENGTH' | 'NIT_CHECK_DIGIT';

export type IdNumberResult = { ok: true; idNumber: string } | { ok: false; problem: IdNumberProblem; min?: number; max?: number };

const RULES: Record<IdType, { alphabet: 'digits' | 'alphanumeric'; min: number; max: number }> = {
  CC: { alphabet: 'digits', min: 3, max: 10 },
  CE: { alphabet: 'digits', min: 3, max: 12 },
  NIT: { alphabet: 'digits', min: 5, max: 15 },
  PA: { alphabet: 'alphanumeric', min: 3, max: 20 },
  PEP: { alphabet: 'digits', min: 5, max: 20 },
  PPT: { alphabet: 'digits', min: 5, max: 20 },
};

/** What an ID number of this type is made of, for the hint under the field. */
export function idNumberRule(idType: IdType): { alphabet: 'digits' | 'alphanumeric' | 'nit'; min: number; max: number } {
  const rule = RULES[idType];
  return { ...rule, alphabet: idType === 'NIT' ? 'nit' : rule.alphabet };
}

/**
 * Normalizes what a person types ("1.013.592.259", "900 123 456-8", "ab123456") to the
 * stored form, or says what is wrong with it. Dots and spaces are separators people
 * write; nothing else is dropped.
 */
export function normalizeIdNumber(idType: IdType, raw: string): IdNumberResult {
  const rule = RULES[idType];
  if (raw.length > 64) return { ok: false, problem: 'LENGTH', min: rule.min, max: rule.max };
  const compact = raw.replace(/[.\s]/g, '');
  if (compact.length === 0) return { ok: false, problem: 'REQUIRED' };
  if (idType === 'NIT') {
    const m = /^([0-9]+)-?([0-9])$/.exec(compact);
    if (!m) return /^[0-9-]+$/.test(compact) ? { ok: false, problem: 'NIT_CHECK_DIGIT' } : { ok: false, problem: 'DIGITS_ONLY' };
    const [, base, dv] = m;
    if (base.length < rule.min || base.length > rule.max) return { ok: false, problem: 'LENGTH', min: rule.min, max: rule.max };
    if (nitCheckDigit(base) !== Number(dv)) return { ok: false, problem: 'NIT_CHECK_DIGIT' };
    return { ok: true, idNumber: `${base}-${dv}` };
  }
  const alphabet = rule.alphabet === 'digits' ? /^[0-9]+$/ : /^[A-Za-z0-9]+$/;
  if (!alphabet.test(compact)) return { ok: false, problem: rule.alphabet === 'digits' ? 'DIGITS_ONLY' : 'ALPHANUMERIC_ONLY' };
  if (compact.length < rule.min || compact.length > rule.max) return { ok: false, problem: 'LENGTH', min: rule.min, max: rule.max };
  return { ok: true, idNumber: compact.toUpperCase() };
}
