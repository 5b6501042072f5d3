/**
 * How a name or another free-text field of a record is stored: NFC, upper case (es-CO), single
 * spaces. Characters a reader cannot see, or that reorder what they see, are refused outright,
 * since a name that renders like another one would let a request pass for someone else's:
 * Unicode's "other" categories — control (Cc), format (Cf: U+202E RIGHT-TO-LEFT OVERRIDE,
 * zero-width spaces and joiners…), lone surrogates (Cs), private use (Co), unassigned (Cn) —
 * the line and paragraph separators (Zl, Zp), and every default-ignorable code point (the
 * Hangul fillers, variation selectors, U+034F…), which render as nothing.
 */
const INVISIBLE = /[\p{C}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
const LETTER = /\p{L}/gu;

export type RecordTextProblem = 'LENGTH' | 'INVISIBLE_CHARACTERS' | 'TOO_FEW_LETTERS';

export type RecordText = { ok: true; value: string } | { ok: false; problem: RecordTextProblem };

export function recordText(input: string, { min, max, letters = 0 }: { min: number; max: number; letters?: number }): RecordText {
  if (INVISIBLE.test(input)) return { ok: false, problem: 'INVISIBLE_CHARACTERS' };
  // NFC again after upper-casing: a few letters (ǰ) upper-case to a letter and a combining mark.
  const value = input.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleUpperCase('es-CO').normalize('NFC');
  if ([...value].length < min || [...value].length > max) return { ok: false, problem: 'LENGTH' };
  if ((value.match(LETTER)?.length ?? 0) < letters) return { ok: false, problem: 'TOO_FEW_LETTERS' };
  return { ok: true, value };
}

/** A person's name: at least two letters. */
export function personName(input: string): RecordText {
  return recordText(input, { min: 2, max: 200, letters: 2 });
}
