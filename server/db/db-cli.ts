/** `npm run db:migrate` and `npm run db:seed`: the same database the server would open. */
import { loadConfig } from '../config.js';
import { openDatabase } from './data-source.js';
import { seed } from '../demo/seed.js';

async function main(command: string | undefined) {
  if (command !== 'migrate' && command !== 'seed') {
    console.error('usage: node dist/server/db/db-cli.js migrate|seed');
    return 2;
  }
  const config = loadConfig();
  const dataSource = await openDatabase({ database: config.database, timeoutMs: 10_000 });
  try {
    const where = config.database.kind === 'sqlite' ? config.database.path : new URL(config.database.url).host;
    console.log(`Schema up to date on ${config.database.kind} (${where}).`);
    if (command === 'seed') {
      const { people, requests } = await seed(dataSource);
      console.log(`Demo scenarios loaded: ${people} people, ${requests} requests added (people already present were left as they were).`);
    }
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

process.exitCode = await main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
