import type { Metadata } from 'next';
import { GraphqlProvider } from '../components/GraphqlProvider';
import { currentLanguage } from '../i18n/server';
import { site } from '../site';
import { LookupFlow } from './LookupFlow';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await currentLanguage();
  return { title: t.home.lookupTitle };
}

export default async function LookupPage() {
  const { language, t } = await currentLanguage();
  const { orgName, newRequestUrl } = site();
  return (
    <GraphqlProvider>
      <LookupFlow t={t} language={language} orgName={orgName} newRequestUrl={newRequestUrl} />
    </GraphqlProvider>
  );
}
