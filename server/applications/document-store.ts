import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

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
