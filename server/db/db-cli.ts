/** `npm run db:migrate`: migrates the database the server would open. */
import { withConfiguredDatabase } from './data-source.js';

process.exitCode = await withConfiguredDatabase(async (_dataSource, database) => {
  const where = database.kind === 'sqlite' ? database.path : new URL(database.url).host;
  console.log(`Esquema al día en ${database.kind} (${where}).`);
  return 0;
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
