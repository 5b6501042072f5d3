import type { Metadata } from 'next';
import { GraphqlProvider } from '../components/GraphqlProvider';
import { currentLanguage } from '../i18n/server';
import { ApplyFlow } from './ApplyFlow';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await currentLanguage();
  return { title: t.apply.title };
}

export default async function ApplyPage() {
  const { language, t } = await currentLanguage();
  return (
    <GraphqlProvider>
      <ApplyFlow t={t} language={language} />
    </GraphqlProvider>
  );
}
