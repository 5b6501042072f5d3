import type { Metadata } from 'next';
import { GraphqlProvider } from '../components/GraphqlProvider';
import { currentLanguage } from '../i18n/server';
import { DownloadFlow } from './DownloadFlow';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await currentLanguage();
  return { title: t.download.title };
}

/** Where the delivery e-mail's link leads; the token rides in the URL's fragment, which no server sees. */
export default async function DownloadPage() {
  const { language, t } = await currentLanguage();
  return (
    <GraphqlProvider>
      <DownloadFlow t={t} language={language} />
    </GraphqlProvider>
  );
}
