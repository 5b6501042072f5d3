/** `npm run db:seed`: migrates the database the server would open, then loads the demo scenarios into it. */
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/data-source.js';
import { seed } from './seed.js';

async function main() {
  const config = loadConfig();
  const dataSource = await openDatabase({ database: config.database, timeoutMs: 10_000 });
  try {
    const { people, requests } = await seed(dataSource);
    console.log(`Demo scenarios loaded: ${people} people, ${requests} requests added (people already present were left as they were).`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
