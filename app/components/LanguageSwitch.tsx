'use client';

import { useRouter } from 'next/navigation';
import { LANGUAGE_COOKIE, type Language } from '../i18n';

export function LanguageSwitch({ language, label, ariaLabel }: { language: Language; label: string; ariaLabel: string }) {
  const router = useRouter();
  const other: Language = language === 'es' ? 'en' : 'es';
  return (
    <button
      type="button"
      className="language-switch"
      lang={other === 'es' ? 'es-CO' : 'en'}
      aria-label={ariaLabel}
      onClick={() => {
        document.cookie = `${LANGUAGE_COOKIE}=${other}; path=/; max-age=31536000; samesite=lax`;
        router.refresh();
      }}
    >
      {label}
    </button>
  );
}
