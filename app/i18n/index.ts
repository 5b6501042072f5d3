import { en } from './en';
import { es, type Messages } from './es';

export type { Messages };
export type Language = 'es' | 'en';

export const LANGUAGE_COOKIE = 'ssps-lang';
const catalogs: Record<Language, Messages> = { es, en };

export function messagesFor(language: Language): Messages {
  return catalogs[language];
}

export function languageFrom(value: string | undefined): Language {
  return value === 'en' ? 'en' : 'es';
}

/** Fills `{name}` placeholders; unknown ones are left visible rather than silently dropped. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
