import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pLimit from 'p-limit';
import { In, IsNull, MoreThan, Not, type EntityManager } from 'typeorm';
import { ApplicationDraft, RequestDocument } from '../../entities/index.js';
import { retryOnWriteConflict } from '../db/conflicts.js';
import type { Database } from '../db/database.js';
import type { Pseudonymizer } from '../privacy.js';
import { Refusal, type ErrorCode } from '../refusals.js';
import type { RateLimits } from '../ratelimit/limits.js';
import { inspectIsolated, MAX_IMAGE_SIDE, type ContentProblem } from './document-inspection.js';
import type { DocumentStore } from './document-store.js';
import { DRAFT_TTL_MS, REQUIRED_DOCUMENTS, sniff, type DocumentKind, type MediaType } from './requirements.js';

export type UploadProblem = ContentProblem | 'NOT_FOUND' | 'UNKNOWN_KIND' | 'BAD_FILENAME' | 'TOO_LARGE' | 'UNSUPPORTED_TYPE' | 'QUOTA_EXCEEDED';

/** An upload refused; nothing of it was kept (no temporary file, no row, no stored bytes). */
export class UploadRefused extends Refusal {
  readonly code: ErrorCode;

  constructor(
    readonly problem: UploadProblem,
    message: string,
  ) {
    super(message, uploadDetails(problem));
    this.code = problem === 'NOT_FOUND' ? 'NOT_FOUND' : problem === 'QUOTA_EXCEEDED' ? 'INSUFFICIENT_STORAGE' : 'BAD_USER_INPUT';
  }
}

function uploadDetails(problem: UploadProblem): Record<string, unknown> {
  if (problem === 'NOT_FOUND') return { field: 'draftId' };
  if (problem === 'QUOTA_EXCEEDED') return {};
  const field = problem === 'UNKNOWN_KIND' ? 'kind' : problem === 'BAD_FILENAME' ? 'filename' : 'document';
  return { field, reason: problem };
}

/** The client stopped sending before the end of the body: there is nobody left to answer. */
export class UploadAbandoned extends Error {}

/** At most this many uploads of one kind, and of all kinds, over a draft's life (counted before the body is read). */
export const UPLOADS_PER_KIND = 3;
export const UPLOADS_PER_DRAFT = 15;

/**
 * Inspections at once, each a worker thread holding its PDF whole (and the PDF as rewritten):
 * bounds what many simultaneous uploads cost in memory. One is about 40 MB at the 5 MB limit
 * and a few hundred milliseconds: uploads wait for their turn, the rest of the server does not.
 */
const INSPECTIONS_AT_ONCE = 1;
/** Rows or keys per statement, well under the databases' limits on bound parameters. */
const BATCH = 500;
/** A temporary file older than this belongs to no upload still running: what a crash left. */
const STALE_MS = 3_600_000;

/** Longest file name kept (request_document.original_name). */
const MAX_NAME = 200;
const KINDS = [...new Set(Object.values(REQUIRED_DOCUMENTS).flat())] as DocumentKind[];
const DRAFT_ID = /^[A-Za-z0-9_-]{43}$/;

export interface DocumentLimits {
  maxBytes: number;
  /** Total bytes of every stored document past which uploads are refused. */
  quotaBytes: number;
}

/** An upload let in by `admit` (or `admitFor`): its owner is open, its budget spent, its room reserved. */
export interface Admission {
  /** request_document.draft_id of the owner: a draft's id, or `correction:<id>` (server/lifecycle/corrections.ts). */
  draftId: string;
  kind: DocumentKind;
  originalName: string | null;
  release(): void;
}

/** A document stored and checked, as its owner records it (request_document's columns). */
export interface NewDocument {
  draftId: string;
  kind: DocumentKind;
  mediaType: MediaType;
  size: number;
  sha256: string;
  storageKey: string;
  originalName: string | null;
  uploadedAt: Date;
}

/**
 * Records a stored document in the transaction it is given, or throws (the stored bytes are
 * then deleted); answers the storage key of a document it replaced, if any.
 */
export type RecordDocument = (m: EntityManager, document: NewDocument) => Promise<string | undefined>;

export interface StoredDocument {
  kind: string;
  mediaType: MediaType;
  size: number;
  sha256: string;
}

const MB = (bytes: number) => Math.round(bytes / 1_048_576);

const MESSAGES: Record<Exclude<UploadProblem, 'TOO_LARGE'>, string> = {
  NOT_FOUND: 'La solicitud en preparación no existe, ya se radicó o venció. Empiece de nuevo.',
  UNKNOWN_KIND: `Tipo de documento desconocido: use ${KINDS.join(', ')}.`,
  BAD_FILENAME: `El nombre del archivo (encabezado X-Filename) no es válido: envíelo codificado como URL, con hasta ${MAX_NAME} caracteres y sin caracteres de control.`,
  UNSUPPORTED_TYPE: 'El archivo no es un PDF, JPEG o PNG (se revisa su contenido, no su nombre).',
  QUOTA_EXCEEDED: 'En este momento no podemos recibir más documentos: el almacenamiento está lleno. Intente de nuevo más tarde o comuníquese con nuestro Call Center.',
  PDF_JAVASCRIPT: 'El PDF contiene JavaScript, y por seguridad no aceptamos PDF con código. Imprímalo como PDF ("Guardar como PDF") y súbalo de nuevo.',
  PDF_LAUNCH: 'El PDF contiene acciones que abren programas, y por seguridad no lo aceptamos. Imprímalo como PDF ("Guardar como PDF") y súbalo de nuevo.',
  PDF_EMBEDDED_FILE: 'El PDF lleva otros archivos adjuntos dentro, y por seguridad no lo aceptamos. Súbalo sin adjuntos (por ejemplo, imprimiéndolo como PDF).',
  PDF_ENCRYPTED: 'El PDF está cifrado o protegido con contraseña y no podemos revisarlo. Quítele la protección y súbalo de nuevo.',
  PDF_UNREADABLE: 'No pudimos leer el PDF: parece dañado. Guárdelo de nuevo como PDF y súbalo otra vez.',
  PDF_TOO_COMPLEX: 'El PDF es demasiado complejo para revisarlo a tiempo. Imprímalo como PDF ("Guardar como PDF") o escanéelo de nuevo, y súbalo otra vez.',
  IMAGE_TOO_LARGE: `La imagen mide más de ${MAX_IMAGE_SIDE.toLocaleString('es-CO')} píxeles de lado. Redúzcala (3.000 píxeles bastan para leer un documento) y súbala de nuevo.`,
  IMAGE_UNREADABLE: 'No pudimos leer la imagen: parece dañada. Tómela o escanéela de nuevo y súbala otra vez.',
};

/**
 * A draft's supporting documents: admitted before a byte of the body is read, streamed to a
 * temporary file while their size and SHA-256 are computed, inspected, and kept in the
 * document store under a random key of their own; replaced, abandoned and orphaned bytes are
 * deleted.
 */
export class DocumentService {
  private reserved = 0;
  private readonly inspections = pLimit(INSPECTIONS_AT_ONCE);

  constructor(
    private readonly db: Database,
    private readonly store: DocumentStore,
    /** Temporary files while bodies arrive: on the data directory's file system, so the store takes them by renaming. */
    private readonly incomingDir: string,
    private readonly limits: DocumentLimits,
    private readonly rateLimits: RateLimits,
    private readonly pseudonyms: Pseudonymizer,
  ) {}

  /**
   * Everything decided before the body is read: the kind, the name, the declared size, the
   * draft, the draft's upload budget (RateLimited past it) and the storage quota.
   */
  async admit(draftId: string, kind: string, filenameHeader: string | undefined, declaredBytes: number | null, now = new Date()): Promise<Admission> {
    if (!(KINDS as string[]).includes(kind)) throw refused('UNKNOWN_KIND');
    const originalName = parseFilename(filenameHeader);
    if (declaredBytes !== null && declaredBytes > this.limits.maxBytes) throw this.tooLarge();
    // Only a draft whose e-mail was proven takes documents, and only by its exact id (MariaDB
    // compares text without regard to case): filling the disk costs a mailbox, not just a CAPTCHA.
    const found = DRAFT_ID.test(draftId)
      ? await this.db.run((ds) => ds.getRepository(ApplicationDraft).findOneBy({ id: draftId, requestId: IsNull(), expiresAt: MoreThan(now), emailConfirmedAt: Not(IsNull()) }))
      : null;
    const open = found?.id === draftId;
    if (!open) throw refused('NOT_FOUND');
    return this.admitFor(draftId, kind as DocumentKind, originalName, declaredBytes, { name: 'upload', key: this.pseudonyms.value('draft', draftId), seconds: DRAFT_TTL_MS / 1000 });
  }

  /**
   * What admits an upload once its owner is known to be open: its upload budget
   * (UPLOADS_PER_KIND of each kind, UPLOADS_PER_DRAFT in all, over `budget.seconds`, counted
   * under `budget.key`, a pseudonym, in counters named after `budget.name`: one name per
   * kind of owner, since a counter keeps the lifetime it was first made with) and room under
   * the storage quota.
   */
  async admitFor(owner: string, kind: DocumentKind, originalName: string | null, declaredBytes: number | null, budget: { name: string; key: string; seconds: number }): Promise<Admission> {
    if (declaredBytes !== null && declaredBytes > this.limits.maxBytes) throw this.tooLarge();
    await this.rateLimits.consumeFixed(`${budget.name}Draft`, { points: UPLOADS_PER_DRAFT, seconds: budget.seconds }, budget.key);
    await this.rateLimits.consumeFixed(`${budget.name}Kind`, { points: UPLOADS_PER_KIND, seconds: budget.seconds }, `${budget.key}:${kind}`);
    // Room for the declared size, or for the largest allowed when the body is chunked.
    const room = declaredBytes ?? this.limits.maxBytes;
    if ((await this.usedBytes()) + this.reserved + room > this.limits.quotaBytes) throw refused('QUOTA_EXCEEDED');
    this.reserved += room;
    let released = false;
    return {
      draftId: owner,
      kind,
      originalName,
      release: () => {
        if (!released) this.reserved -= room;
        released = true;
      },
    };
  }

  /**
   * Streams the body in and keeps it; `record` writes its row (a draft's by default, where a
   * new upload of the same kind replaces, and deletes, the previous one).
   */
  async receive(admission: Admission, body: Readable, record: RecordDocument = recordForDraft): Promise<StoredDocument> {
    const temporary = path.join(this.incomingDir, randomBytes(16).toString('hex'));
    const checked = `${temporary}.checked`;
    try {
      const { size, sha256, mediaType } = await this.streamToFile(body, temporary);
      const verdict = await this.inspections(() => inspectIsolated(mediaType, temporary, checked));
      if (verdict.problem) throw refused(verdict.problem);
      // A PDF is kept as it was checked (see inspect); its size and hash are the kept file's.
      const kept = verdict.rewritten ? { ...(await sizeAndHash(checked)), file: checked } : { size, sha256, file: temporary };
      await this.keep(admission, kept.file, { size: kept.size, sha256: kept.sha256, mediaType }, record);
      return { kind: admission.kind, mediaType, size: kept.size, sha256: kept.sha256 };
    } finally {
      admission.release();
      await rm(temporary, { force: true });
      await rm(checked, { force: true });
    }
  }

  /**
   * Deletes the documents no open draft or request holds (their drafts expired, were purged
   * or voided), their bytes, stored bytes no row names (a crash between storing and
   * recording), and temporary files a crash left.
   */
  async purgeAbandoned(now = new Date()): Promise<number> {
    let purged = 0;
    for (;;) {
      const abandoned = await this.db.run((ds) =>
        ds
          .getRepository(RequestDocument)
          .createQueryBuilder('d')
          .select(['d.id', 'd.storageKey'])
          .where('d.request_id IS NULL')
          .andWhere('NOT EXISTS (SELECT 1 FROM application_draft a WHERE a.id = d.draft_id AND a.request_id IS NULL AND a.expires_at > :now)', { now })
          .take(BATCH)
          .getMany(),
      );
      if (abandoned.length === 0) break;
      await this.db.run((ds) => ds.getRepository(RequestDocument).delete({ id: In(abandoned.map((d) => d.id)) }));
      await this.deleteUnreferenced(abandoned.map((d) => d.storageKey));
      purged += abandoned.length;
    }
    await this.sweepStore(now);
    await this.sweepIncoming(now);
    return purged;
  }

  private tooLarge(): UploadRefused {
    return new UploadRefused('TOO_LARGE', `El archivo supera ${MB(this.limits.maxBytes)} MB. Envíe una copia más liviana (por ejemplo, escaneada a 150 ppp).`);
  }

  /** Size and SHA-256 as the bytes pass; refused as soon as they exceed the limit or do not start like a PDF, JPEG or PNG. */
  private async streamToFile(body: Readable, file: string): Promise<{ size: number; sha256: string; mediaType: MediaType }> {
    const hash = createHash('sha256');
    const maxBytes = this.limits.maxBytes;
    let size = 0;
    let head = Buffer.alloc(0);
    let mediaType: MediaType | null = null;
    const tooLarge = this.tooLarge();
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxBytes) return callback(tooLarge);
        if (!mediaType && head.length < 8) {
          head = Buffer.concat([head, chunk.subarray(0, 8 - head.length)]);
          if (head.length === 8 && !(mediaType = sniff(head))) return callback(refused('UNSUPPORTED_TYPE'));
        }
        hash.update(chunk);
        callback(null, chunk);
      },
      flush(callback) {
        mediaType ??= sniff(head);
        callback(mediaType ? null : refused('UNSUPPORTED_TYPE'));
      },
    });
    // The body is piped rather than handed to pipeline(): on a refusal pipeline would destroy
    // the request, and with it the connection the answer has to go out on.
    const abandoned = () => {
      if (!body.readableEnded) meter.destroy(new UploadAbandoned());
    };
    await mkdir(this.incomingDir, { recursive: true, mode: 0o700 });
    const written = pipeline(meter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    body.once('close', abandoned);
    body.once('error', abandoned);
    body.pipe(meter);
    try {
      await written;
    } finally {
      body.unpipe(meter);
      body.off('close', abandoned);
      body.off('error', abandoned);
    }
    return { size, sha256: hash.digest('hex'), mediaType: mediaType! };
  }

  /** Stores the bytes, then records them in one transaction (`record`'s) that also drops the row they replace. */
  private async keep(admission: Admission, temporary: string, content: { size: number; sha256: string; mediaType: MediaType }, record: RecordDocument): Promise<void> {
    const { draftId, kind, originalName } = admission;
    const storageKey = randomBytes(32).toString('hex');
    await this.store.put(storageKey, temporary);
    let replaced: string | undefined;
    try {
      replaced = await retryOnWriteConflict(() =>
        this.db.run((ds) => ds.transaction((m) => record(m, { draftId, kind, ...content, storageKey, originalName, uploadedAt: new Date() })), 10_000),
      );
    } catch (error) {
      await this.store.delete(storageKey);
      throw error;
    }
    if (replaced) await this.deleteUnreferenced([replaced]);
  }

  /** Deletes the bytes of keys no row names any more (a key from before storage keys may be shared). */
  private async deleteUnreferenced(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += BATCH) {
      const batch = keys.slice(i, i + BATCH);
      const kept = await this.db.run((ds) => ds.getRepository(RequestDocument).find({ select: { storageKey: true }, where: { storageKey: In(batch) } }));
      const referenced = new Set(kept.map((d) => d.storageKey));
      for (const key of batch) if (!referenced.has(key)) await this.store.delete(key);
    }
  }

  /** Stored bytes no row names, once they are old enough to belong to no upload still being recorded. */
  private async sweepStore(now: Date): Promise<void> {
    const candidates: string[] = [];
    for await (const object of this.store.list()) {
      if (now.getTime() - object.storedAt.getTime() > STALE_MS) candidates.push(object.key);
    }
    await this.deleteUnreferenced(candidates);
  }

  private async sweepIncoming(now: Date): Promise<void> {
    for (const name of await readdir(this.incomingDir).catch(() => [])) {
      const file = path.join(this.incomingDir, name);
      const info = await stat(file).catch(() => null);
      if (info && now.getTime() - info.mtime.getTime() > STALE_MS) await rm(file, { force: true });
    }
  }

  private async usedBytes(): Promise<number> {
    const [row] = await this.db.run((ds) => ds.query('SELECT COALESCE(SUM(size), 0) AS used FROM request_document') as Promise<{ used: number | string }[]>);
    return Number(row.used);
  }
}

/** A draft's document: the draft row is locked, so a submission, a purge or another upload to it waits for this one. */
async function recordForDraft(m: EntityManager, document: NewDocument): Promise<string | undefined> {
  const { draftId, kind, uploadedAt: now } = document;
  const lock = m.connection.options.type === 'better-sqlite3' ? undefined : ({ mode: 'pessimistic_write' } as const);
  const draft = await m.findOne(ApplicationDraft, { where: { id: draftId, requestId: IsNull(), expiresAt: MoreThan(now), emailConfirmedAt: Not(IsNull()) }, lock });
  if (!draft) throw refused('NOT_FOUND');
  const previous = await m.findOneBy(RequestDocument, { draftId, kind });
  if (previous) await m.delete(RequestDocument, { id: previous.id });
  await m.insert(RequestDocument, { ...document, requestId: null });
  return previous?.storageKey;
}

/** A file's size and SHA-256, read as a stream. */
async function sizeAndHash(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    size += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { size, sha256: hash.digest('hex') };
}

export function refused(problem: Exclude<UploadProblem, 'TOO_LARGE'>): UploadRefused {
  return new UploadRefused(problem, MESSAGES[problem]);
}

/** X-Filename: the name percent-encoded (encodeURIComponent), as the page sends it; absent or empty means unnamed. */
export function parseFilename(header: string | undefined): string | null {
  if (!header) return null;
  let name: string;
  try {
    if (header.length > 1_024) throw new Error('too long');
    name = decodeURIComponent(header).normalize('NFC');
  } catch {
    throw refused('BAD_FILENAME');
  }
  // Control, format and separator characters: U+202E makes "cedula‮fdp.exe" read as "cedulaexe.pdf".
  if ([...name].length > MAX_NAME || /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(name)) throw refused('BAD_FILENAME');
  return name.trim() || null;
}
