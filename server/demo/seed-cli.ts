/** `npm run db:seed`: migrates the database the server would open, then loads the demo scenarios into it. */
import { withConfiguredDatabase } from '../db/data-source.js';
import { seed } from './seed.js';

process.exitCode = await withConfiguredDatabase(async (dataSource) => {
  const { people, requests } = await seed(dataSource);
  console.log(`Escenarios de demostración cargados: ${people} personas y ${requests} solicitudes nuevas (las personas que ya estaban quedaron como estaban).`);
  return 0;
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
