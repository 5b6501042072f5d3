import type { Metadata } from 'next';
import { currentLanguage } from '../i18n/server';
import { ConsoleFrame } from './ConsoleFrame';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await currentLanguage();
  return { title: t.console.title, robots: { index: false } };
}

/** The operators' console's home: the queue by stage, and the search. The sign-in itself is the server's (/operaciones/login). */
export default async function ConsolePage() {
  const { t } = await currentLanguage();
  return <ConsoleFrame t={t} screen={{ name: 'queue' }} />;
}
