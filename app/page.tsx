import { es } from './i18n/es';

export default function Home() {
  return (
    <main>
      <h1>{es.placeholderTitle}</h1>
      <p>{es.placeholderBody}</p>
    </main>
  );
}
