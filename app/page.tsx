import Link from 'next/link';
import { format } from './i18n';
import { currentLanguage } from './i18n/server';
import { site } from './site';

export default async function Home() {
  const { t } = await currentLanguage();
  const { orgName, newRequestUrl } = site();
  return (
    <>
      <h1>{t.home.title}</h1>
      <p className="lead">{format(t.home.intro, { org: orgName })}</p>
      <div className="cards">
        <section className="card card--primary" aria-labelledby="home-lookup">
          <h2 id="home-lookup">{t.home.lookupTitle}</h2>
          <p>{t.home.lookupBody}</p>
          <Link className="button" href="/consulta">
            {t.home.lookupAction}
          </Link>
        </section>
        <section className="card" aria-labelledby="home-new">
          <h2 id="home-new">{t.home.newTitle}</h2>
          <p>{t.home.newBody}</p>
          <a className="button button--secondary" href={newRequestUrl}>
            {t.home.newAction}
          </a>
        </section>
      </div>
    </>
  );
}
