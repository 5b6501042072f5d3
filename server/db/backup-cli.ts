/**
 * `npm run db:backup -- <file>`: a consistent copy of the database the server would open
 * (DATABASE_URL), taken while it runs. With the database go the documents (document_blob, the
 * default store) and the history; the secret (SSPS_SECRET, or the data directory's `secret`
 * file) must be kept apart from it — README, Backups.
 *   SQLite: SQLite's online backup, a database file ready to be put back in place.
 *   MySQL/MariaDB: mariadb-dump (or mysqldump) in one transaction, a SQL file for `mariadb db < file`.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { loadConfig } from '../config.js';

async function main(argv: string[]): Promise<number> {
  const [file] = argv;
  if (!file) {
    console.error('uso: npm run db:backup -- <archivo>');
    return 2;
  }
  if (existsSync(file)) {
    console.error(`${file} ya existe: elija un archivo nuevo (una copia nunca reemplaza a otra).`);
    return 2;
  }
  const { database } = loadConfig();
  if (database.kind === 'sqlite') {
    const db = new Database(database.path, { readonly: true, fileMustExist: true });
    try {
      await db.backup(file);
    } finally {
      db.close();
    }
    console.log(`Copia de ${database.path} en ${file}.`);
    return 0;
  }
  const url = new URL(database.url);
  const dump = existsSync('/usr/bin/mariadb-dump') ? 'mariadb-dump' : 'mysqldump';
  const args = ['--single-transaction', '--quick', '--hex-blob', '--routines', '--no-tablespaces', '-h', url.hostname, '-P', url.port || '3306', '-u', decodeURIComponent(url.username), decodeURIComponent(url.pathname.slice(1))];
  // The password through the environment, never on the command line (other users see that).
  const env = { ...process.env, MYSQL_PWD: decodeURIComponent(url.password) };
  const out = createWriteStream(file, { mode: 0o600 });
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(dump, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.pipe(out);
    child.on('error', reject);
    child.on('close', (status) => resolve(status ?? 1));
  });
  await new Promise((resolve) => out.close(resolve));
  if (code !== 0) {
    console.error(`${dump} terminó con el código ${code}: la copia en ${file} no está completa.`);
    return 1;
  }
  console.log(`Copia de la base de datos ${url.pathname.slice(1)} (${url.host}) en ${file}.`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
