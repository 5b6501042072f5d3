import type { Metadata } from 'next';
import { LegalText } from '../components/LegalText';
import { currentLanguage } from '../i18n/server';
import { site } from '../site';

export async function generateMetadata(): Promise<Metadata> {
  const { language } = await currentLanguage();
  return { title: site().legal.terminos[language].title };
}

export default async function Page() {
  const { language, t } = await currentLanguage();
  return <LegalText document="terminos" language={language} t={t} />;
}
