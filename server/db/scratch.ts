import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/** Runs `work` against a new, empty database on the server of `serverUrl`, dropped afterwards. */
export async function withScratchMysqlDatabase<T>(serverUrl: string, work: (url: string) => Promise<T>, prefix = 'ssps_scratch'): Promise<T> {
  const { url, drop } = await createScratchMysqlDatabase(serverUrl, prefix);
  try {
    return await work(url);
  } finally {
    await drop();
  }
}

export async function createScratchMysqlDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/';
  const connection = await createConnection({ uri: admin.toString() });
  try {
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = await createConnection({ uri: admin.toString() });
      try {
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await c.end();
      }
    },
  };
}
