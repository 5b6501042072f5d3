import { copyFile, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import pLimit from 'p-limit';
import type { Database } from '../db/database.js';
import { toDate, utcDatetime } from '../db/values.js';

export interface StoredObject {
  key: string;
  storedAt: Date;
}

/**
 * Where supporting documents' bytes are kept, each under its own key (request_document's
 * storage_key). One small interface so that an object store or the database can take the
 * place of the file system.
 */
export interface DocumentStore {
  /** Takes a finished temporary file (on this machine) and keeps its bytes under `key`. */
  put(key: string, file: string): Promise<void>;
  /** Deletes what `key` holds; a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
  /** The bytes `key` holds, or null when it holds nothing. */
  read(key: string): Promise<Readable | null>;
  /** Every key the store holds, including any no row names (what a crash can leave). */
  list(): AsyncIterable<StoredObject>;
}

// Random keys are 64 hex digits, like the SHA-256 names of documents stored before them; the
// second form is a half-written file the old content-addressed store could leave (`.<sha256>.<random>`).
const KEY = /^[0-9a-f]{64}$|^\.[0-9a-f]{64}\.[0-9a-f]{8}$/;

/**
 * The file system under the data directory (outside the web root, never served as files):
 * `<root>/<first two digits of the key>/<key>`. `put` renames, so the temporary file must be
 * on the same file system (the data directory's).
 */
export class FileDocumentStore implements DocumentStore {
  constructor(private readonly root: string) {}

  async put(key: string, file: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await rename(file, target);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async read(key: string): Promise<Readable | null> {
    // Opened before it is handed out, so a missing file is a null here rather than an error mid-response.
    const handle = await open(this.pathOf(key), 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    return handle ? handle.createReadStream() : null;
  }

  async *list(): AsyncIterable<StoredObject> {
    const shards = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    for (const shard of shards) {
      if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue;
      const dir = path.join(this.root, shard.name);
      for (const name of await readdir(dir)) {
        const info = await stat(path.join(dir, name)).catch(() => null);
        if (info?.isFile() && KEY.test(name)) yield { key: name, storedAt: info.mtime };
      }
    }
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('not a document key');
    return path.join(this.root, key.replace(/^\./, '').slice(0, 2), key);
  }
}

/**
 * The database every instance shares (the default): table `document_blob`, one row per key,
 * the bytes in a LONGBLOB (MySQL/MariaDB) or BLOB (SQLite). Documents are small and bounded
 * (DOCUMENT_MAX_BYTES), so a row holds one whole; backing up the database backs them up.
 * The table is not a TypeORM entity (a column type both drivers share cannot hold more than
 * 64 KB on MySQL): its migration names the type for each driver.
 */
export class DatabaseDocumentStore implements DocumentStore {
  // A document is whole in memory while it goes to or comes from the database (and the driver
  // copies it into its packet): one at a time keeps many simultaneous uploads from adding up.
  private readonly turns = pLimit(1);

  constructor(private readonly db: Database) {}

  put(key: string, file: string): Promise<void> {
    checkKey(key);
    return this.turns(async () => {
      const bytes = await readFile(file);
      await this.db.prepared('INSERT INTO document_blob (storage_key, bytes, stored_at) VALUES (?, ?, ?)', [key, bytes, utcDatetime(new Date())], 30_000);
      await rm(file, { force: true });
    });
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    await this.db.run((ds) => ds.query('DELETE FROM document_blob WHERE storage_key = ?', [key]));
  }

  async read(key: string): Promise<Readable | null> {
    checkKey(key);
    const rows = await this.turns(() => this.readRow(key));
    return rows.length === 0 ? null : Readable.from([Buffer.from(rows[0].bytes)]);
  }

  private async readRow(key: string): Promise<{ bytes: Buffer | Uint8Array }[]> {
    return this.db.prepared<{ bytes: Buffer | Uint8Array }[]>('SELECT bytes FROM document_blob WHERE storage_key = ?', [key], 30_000);
  }

  async *list(): AsyncIterable<StoredObject> {
    let after = '';
    for (;;) {
      const rows = (await this.db.run((ds) => ds.query('SELECT storage_key, stored_at FROM document_blob WHERE storage_key > ? ORDER BY storage_key LIMIT 500', [after]))) as { storage_key: string; stored_at: string | Date }[];
      for (const row of rows) yield { key: row.storage_key, storedAt: toDate(row.stored_at)! };
      if (rows.length < 500) return;
      after = rows[rows.length - 1].storage_key;
    }
  }
}

/**
 * Moves the documents an earlier version kept as files (DOCUMENT_STORE=files, the default before)
 * into the database, each copied then removed; what is already there is left. Returns how many.
 */
export async function adoptFiles(root: string, into: DatabaseDocumentStore, db: Database): Promise<number> {
  const files = new FileDocumentStore(root);
  let moved = 0;
  for await (const { key } of files.list()) {
    if (!/^[0-9a-f]{64}$/.test(key)) continue;
    const [{ n }] = (await db.run((ds) => ds.query('SELECT COUNT(*) AS n FROM document_blob WHERE storage_key = ?', [key]))) as { n: number | string }[];
    if (Number(n) === 0) {
      const source = path.join(root, key.slice(0, 2), key);
      const copy = `${source}.adopting`;
      await copyFile(source, copy);
      await into.put(key, copy);
      moved++;
    }
    await files.delete(key);
  }
  return moved;
}

function checkKey(key: string): void {
  if (!KEY.test(key)) throw new Error('not a document key');
}
