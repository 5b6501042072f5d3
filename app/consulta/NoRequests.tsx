'use client';

import { format, type Messages } from '../i18n';
import { useFocusOnMount } from '../components/useFocusOnMount';

/** The manual's section 4.3: nobody registered with these details. Shown under the form, as the manual shows it. */
export function NoRequests({ t, orgName, newRequestUrl, onExit }: { t: Messages; orgName: string; newRequestUrl: string; onExit: () => void }) {
  const message = useFocusOnMount<HTMLParagraphElement>();
  return (
    <div className="no-requests">
      <p className="notice" ref={message} tabIndex={-1}>
        {format(t.empty.before, { org: orgName })}
        <a href={newRequestUrl}>{t.empty.link}</a>
      </p>
      <button type="button" className="button button--secondary" onClick={onExit}>
        {t.empty.exit}
      </button>
    </div>
  );
}
