import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths.js';

export type LegalDocument = 'terminos' | 'privacidad';
type Lang = 'es' | 'en';

/** One text as the applicant reads it: its version, its title and its paragraphs. */
export interface LegalText {
  version: string;
  title: string;
  paragraphs: string[];
}

export type LegalTexts = Record<LegalDocument, Record<Lang, LegalText>>;

/** The texts shipped with SSPS; an institution puts its own in SSPS_LEGAL_DIR (same file names). */
const BUILT_IN = path.join(projectRoot, 'legal');

/**
 * `<document>.<lang>.txt`: a first line `Versión: <v>` (or `Version: <v>`), a `# Title` line,
 * then paragraphs separated by blank lines. Read once at start; a file the directory lacks is
 * the built-in one. A malformed file stops the start with its name, never a half-shown text.
 */
export function loadLegalTexts(dir: string | undefined): LegalTexts {
  const read = (document: LegalDocument, lang: Lang): LegalText => {
    const name = `${document}.${lang}.txt`;
    const file = dir && existsSync(path.join(dir, name)) ? path.join(dir, name) : path.join(BUILT_IN, name);
    const [first, second, ...rest] = readFileSync(file, 'utf8').replace(/\r\n/g, '\n').split('\n');
    const version = /^Versi[oó]n:\s*(\S{1,32})\s*$/.exec(first ?? '')?.[1];
    const title = /^#\s*(.+)$/.exec(second ?? '')?.[1]?.trim();
    if (!version || !title) throw new Error(`${file}: expected a first line "Versión: <version>" and a second line "# <title>"`);
    const paragraphs = rest
      .join('\n')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    return { version, title, paragraphs };
  };
  const texts = {
    terminos: { es: read('terminos', 'es'), en: read('terminos', 'en') },
    privacidad: { es: read('privacidad', 'es'), en: read('privacidad', 'en') },
  };
  for (const document of ['terminos', 'privacidad'] as const) {
    if (texts[document].es.version !== texts[document].en.version) throw new Error(`${document}: the Spanish and English texts must have the same version`);
  }
  return texts;
}
