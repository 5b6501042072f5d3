import type { Metadata } from 'next';
import { currentLanguage } from '../../i18n/server';
import { CorrectionFlow } from './CorrectionFlow';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await currentLanguage();
  return { title: t.correction.title };
}

/** Where the e-mailed correction link leads; the token rides in the URL's fragment, which no server sees. */
export default async function CorrectionPage() {
  const { language, t } = await currentLanguage();
  return <CorrectionFlow t={t} language={language} />;
}
