import type { Metadata } from 'next';
import { currentLanguage } from '../i18n/server';
import { ConsoleShell } from './ConsoleShell';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await currentLanguage();
  return { title: t.console.title, robots: { index: false } };
}

/** The operators' console: who is signed in, and (next) the queue. The sign-in itself is the server's (/operaciones/login). */
export default async function ConsolePage() {
  const { t } = await currentLanguage();
  return <ConsoleShell t={t.console} />;
}
