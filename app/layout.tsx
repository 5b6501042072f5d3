import type { Metadata, Viewport } from 'next';
import type { CSSProperties, ReactNode } from 'react';
import { LanguageSwitch } from './components/LanguageSwitch';
import { format } from './i18n';
import { currentLanguage } from './i18n/server';
import { site } from './site';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await currentLanguage();
  return { title: { default: `SSPS — ${site().orgName}`, template: `%s — SSPS` }, description: t.siteName };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { language, t } = await currentLanguage();
  const { orgName, colors, callCenter } = site();
  const brand = { '--brand': colors.brand, '--accent': colors.accent } as CSSProperties;
  return (
    <html lang={t.lang} style={brand}>
      <body>
        <a className="skip-link" href="#contenido">
          {t.skipToContent}
        </a>
        <header className="site-header">
          <div className="wrap site-header__row">
            <a className="site-header__brand" href="/">
              <span className="site-header__org">{orgName}</span>
              <span className="site-header__app">{t.siteName}</span>
            </a>
            <LanguageSwitch language={language} label={t.switchLanguage} ariaLabel={t.switchLanguageLabel} />
          </div>
        </header>
        <main id="contenido" className="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p className="wrap">{format(t.footer.callCenter, callCenter)}</p>
        </footer>
      </body>
    </html>
  );
}
