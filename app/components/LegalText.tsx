import { format, type Language, type Messages } from '../i18n';
import { site } from '../site';

/** The terms or the data-protection policy, in the reader's language, with its version: what the applicant accepts. */
export function LegalText({ document, language, t }: { document: 'terminos' | 'privacidad'; language: Language; t: Messages }) {
  const text = site().legal[document][language];
  return (
    <article aria-labelledby="legal-title" className="legal">
      <h1 id="legal-title">{text.title}</h1>
      <p className="note">{format(t.legal.version, { version: text.version })}</p>
      {text.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <p>
        <a href="/solicitud">{t.legal.back}</a>
      </p>
    </article>
  );
}
