'use client';

import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { Language } from '../i18n';

export interface AltchaHandle {
  /** A solved token is good for one lookup: after each one the applicant solves again. */
  reset(): void;
}

type Widget = HTMLElement & { reset?: () => void };

/**
 * The manual's "No soy un robot": ALTCHA's widget, solving a proof of work in the
 * browser against /captcha/challenge. Its script loads after the page, so it costs the
 * first paint nothing; the element is created once its language packs are registered,
 * so it never shows a word of another language.
 */
export const AltchaField = forwardRef<AltchaHandle, { language: Language; labelId: string; onToken: (token: string | null) => void }>(
  function AltchaField({ language, labelId, onToken }, ref) {
    const widget = useRef<Widget>(null);
    const [loaded, setLoaded] = useState(false);
    const onTokenRef = useRef(onToken);
    onTokenRef.current = onToken;

    useImperativeHandle(ref, () => ({
      reset() {
        widget.current?.reset?.();
        onTokenRef.current(null);
      },
    }));

    useEffect(() => {
      void import('altcha')
        .then(() => Promise.all([import('altcha/i18n/es-419'), import('altcha/i18n/en')]))
        .then(() => setLoaded(true));
    }, []);

    useEffect(() => {
      const element = widget.current;
      if (!element) return;
      const onState = (event: Event) => {
        const { state, payload } = (event as CustomEvent<{ state: string; payload?: string }>).detail;
        onTokenRef.current(state === 'verified' && payload ? payload : null);
      };
      element.addEventListener('statechange', onState);
      return () => element.removeEventListener('statechange', onState);
    }, [loaded]);

    return (
      <div className="captcha" role="group" aria-labelledby={labelId} aria-busy={!loaded}>
        {loaded ? (
          <altcha-widget ref={widget} challenge="/captcha/challenge" language={language === 'en' ? 'en' : 'es-419'} name="captchaToken" />
        ) : (
          <div className="captcha__placeholder" />
        )}
      </div>
    );
  },
);
