import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { format } from '../../../i18n';
import { currentLanguage } from '../../../i18n/server';
import { ConsoleFrame } from '../../ConsoleFrame';

type Params = Promise<{ requestNumber: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { t } = await currentLanguage();
  return { title: format(t.console.request.title, { requestNumber: (await params).requestNumber }), robots: { index: false } };
}

/**
 * A request's page, addressed by its request number: the one thing about a request that may sit
 * in a URL (never an ID number or a name, which logs and histories would keep).
 */
export default async function RequestPage({ params }: { params: Params }) {
  const { requestNumber } = await params;
  if (!/^\d{1,12}$/.test(requestNumber)) notFound();
  const { t } = await currentLanguage();
  return <ConsoleFrame t={t} screen={{ name: 'request', requestNumber }} />;
}
