import 'server-only';
import { cookies } from 'next/headers';
import { LANGUAGE_COOKIE, languageFrom, messagesFor, type Language, type Messages } from './index';

/** The applicant's language (a cookie set by the language switch; Spanish by default). */
export async function currentLanguage(): Promise<{ language: Language; t: Messages }> {
  const language = languageFrom((await cookies()).get(LANGUAGE_COOKIE)?.value);
  return { language, t: messagesFor(language) };
}
