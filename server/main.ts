import { ConfigError, loadConfig } from './config.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Loaded after the configuration is known good, so a bad one fails at once.
  const { createSsps } = await import('./app.js');
  // The issuing CA's files are checked as the server is wired: a broken one stops it the same way.
  const ssps = await createSsps(config).catch((error: unknown) => {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  });
  const address = await ssps.listen();
  const where = config.database.kind === 'sqlite' ? config.database.path : new URL(config.database.url).host;
  ssps.log.info({ port: address.port, database: config.database.kind, where, env: config.env }, `SSPS listening on http://localhost:${address.port}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    ssps.log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down');
    // Gracefully: /readyz 503 first (the load balancer stops sending), then the requests in
    // flight finish and the queued audit entries are written; a stuck step cannot hold the exit.
    const force = setTimeout(() => process.exit(1), config.shutdownGraceMs + 20_000).unref();
    ssps.drain().then(() => ssps.close()).then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (err: unknown) => {
        ssps.log.error({ err }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
