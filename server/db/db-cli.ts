/** `npm run db:migrate`: migrates the database the server would open. */
import { loadConfig } from '../config.js';
import { openDatabase } from './data-source.js';

async function main() {
  const config = loadConfig();
  const dataSource = await openDatabase({ database: config.database, timeoutMs: 10_000 });
  try {
    const where = config.database.kind === 'sqlite' ? config.database.path : new URL(config.database.url).host;
    console.log(`Schema up to date on ${config.database.kind} (${where}).`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
