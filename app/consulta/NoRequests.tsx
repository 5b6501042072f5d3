'use client';

import { format, type Messages } from '../i18n';
import { useFocusOnMount } from '../components/useFocusOnMount';

/** The manual's section 4.3: nobody registered with these details. */
export function NoRequests({ t, orgName, newRequestUrl, onExit }: { t: Messages; orgName: string; newRequestUrl: string; onExit: () => void }) {
  const message = useFocusOnMount<HTMLParagraphElement>();
  return (
    <section aria-labelledby="lookup-title">
      <h1 id="lookup-title">{t.lookup.title}</h1>
      <p className="notice" ref={message} tabIndex={-1}>
        {format(t.empty.before, { org: orgName })}
        <a href={newRequestUrl}>{t.empty.link}</a>
      </p>
      <button type="button" className="button button--secondary" onClick={onExit}>
        {t.empty.exit}
      </button>
    </section>
  );
}
