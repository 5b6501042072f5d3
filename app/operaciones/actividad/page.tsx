import type { Metadata } from 'next';
import { currentLanguage } from '../../i18n/server';
import { ConsoleFrame } from '../ConsoleFrame';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await currentLanguage();
  return { title: t.console.activity.title, robots: { index: false } };
}

/** Every operator's actions, filtered by operator and Bogotá dates. */
export default async function ActivityPage() {
  const { t } = await currentLanguage();
  return <ConsoleFrame t={t} screen={{ name: 'activity' }} />;
}
