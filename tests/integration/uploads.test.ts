import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApplicationDraft, RequestDocument } from '../../entities/index.js';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { INSPECTION_LIMITS } from '../../server/applications/document-inspection.js';
import { BROKEN_PDF, cleanPdf, encryptedPdf, jpeg, objectStreamBomb, pdfWithAttachment, pdfWithJavaScript, pdfWithLaunch, png, shadowedScriptPdf } from '../support/documents.js';
import { tempDir } from '../support/process.js';
import { serverFor, type StartedServer } from '../support/server.js';
import { lastCodeSentTo, openDraft } from '../support/applying.js';
import { askFirstPut, draft, filesUnder, put, slowPut, streamPut } from '../support/uploads.js';

/** The codes the server mailed, read from its outbox. */
const codes = (server: StartedServer) => (email: string) => lastCodeSentTo(server, email);

const LOOKUP = `query ($t: String) { certificateRequests(idType: CC, idNumber: "1013592259", captchaToken: $t) { requests { requestNumber } } }`;
const UNKNOWN_DRAFT = 'u'.repeat(43);
const MB = 1_048_576;
const DOCUMENT_LIMIT = 5 * MB;

/** What is on disk and what the database names: the document store, temporary files, and the rows' storage keys. */
async function storage(server: StartedServer) {
  const rows = (await server.ssps.db.run((ds) => ds.query('SELECT storage_key FROM request_document'))) as { storage_key: string }[];
  return {
    stored: filesUnder(path.join(server.config.dataDir, 'documents')).map((f) => path.basename(f)).sort(),
    referenced: [...new Set(rows.map((r) => r.storage_key))].sort(),
    incoming: filesUnder(path.join(server.config.dataDir, 'incoming')),
  };
}

const rowsOf = async (server: StartedServer, draftId: string) =>
  (await server.ssps.db.run((ds) => ds.query('SELECT kind, storage_key, sha256, original_name FROM request_document WHERE draft_id = ? ORDER BY kind', [draftId]))) as {
    kind: string;
    storage_key: string;
    sha256: string;
    original_name: string | null;
  }[];

/** A data directory of the server's own: what is on disk is then exactly what its uploads left. */
function ownDataDir(): string {
  const data = tempDir('ssps-uploads-');
  afterAll(() => data.remove());
  return data.dir;
}

describe.each(testDatabases())('uploads on $name', (database) => {
  // These tests read the files store's layout on disk (DOCUMENT_STORE=files); instances.test.ts covers the database's.
  const server = serverFor(database, { SSPS_DATA_DIR: ownDataDir(), DOCUMENT_STORE: 'files' });

  it('answers an upload to an unknown draft with 404 while the client is still sending, and closes the connection instead of reading the rest', async () => {
    const answer = await slowPut(server.url, `/applications/${UNKNOWN_DRAFT}/documents/ID_DOCUMENT`, {}, { first: await cleanPdf(), total: 4 * MB });
    expect(answer.status).toBe(404);
    expect(answer.head).toMatch(/^connection: close$/im);
    expect(answer.sentBeforeAnswer).toBeLessThan(MB);
    expect(answer.closedEarly).toBe(true);
    // The server is still there for everyone else.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('tells a client that asks first (Expect: 100-continue) to send its document only once the upload is admitted', async () => {
    const pdf = await cleanPdf();
    expect(await askFirstPut(server.url, `/applications/${UNKNOWN_DRAFT}/documents/ID_DOCUMENT`, pdf)).toEqual({ statuses: [404], sentBody: false });
    expect(await askFirstPut(server.url, `/applications/${await draft(server.url, codes(server))}/documents/ID_DOCUMENT`, pdf)).toEqual({ statuses: [100, 201], sentBody: true });
  });

  it('refuses a body over DOCUMENT_MAX_BYTES with 413: unread when declared, cut off while streaming when chunked; nothing is kept', async () => {
    const id = await draft(server.url, codes(server));
    const before = await storage(server);
    const declared = await slowPut(server.url, `/applications/${id}/documents/ID_DOCUMENT`, {}, { first: await cleanPdf(), total: 6 * MB });
    expect(declared.status).toBe(413);
    expect(declared.sentBeforeAnswer).toBeLessThan(MB);
    const chunked = await streamPut(server.url, `/applications/${id}/documents/ID_DOCUMENT`, await cleanPdf(), Buffer.alloc(65_536, 0x20), 6 * MB, false);
    expect(chunked.status).toBe(413);
    expect(chunked.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('supera 5 MB') as string, extensions: { code: 'BAD_USER_INPUT', field: 'document', reason: 'TOO_LARGE' } });
    expect(chunked.headers.get('connection')).toBe('close');
    expect(await rowsOf(server, id)).toEqual([]);
    expect(await storage(server)).toEqual(before);
  });

  it('keeps nothing of an upload the client abandons halfway', async () => {
    const id = await draft(server.url, codes(server));
    const before = await storage(server);
    const { port } = new URL(server.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`PUT /applications/${id}/documents/ID_DOCUMENT HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${4 * MB}\r\n\r\n`);
    socket.write(await cleanPdf());
    socket.write(Buffer.alloc(256 * 1_024, 0x20));
    await expect.poll(async () => (await storage(server)).incoming.length).toBe(1);
    socket.destroy();
    await expect.poll(async () => (await storage(server)).incoming.length).toBe(0);
    expect(await rowsOf(server, id)).toEqual([]);
    expect(await storage(server)).toEqual(before);
  });

  it('stores each document under its own random key: a replacement deletes the bytes it replaces, and the same bytes in two drafts are two files', async () => {
    const [a, b] = [await draft(server.url, codes(server)), await draft(server.url, codes(server))];
    const pdf = await cleanPdf('misma copia');
    const first = await put(server.url, a, 'ID_DOCUMENT', pdf, 'c%C3%A9dula.pdf');
    expect(first).toMatchObject({ status: 201, body: { kind: 'ID_DOCUMENT', mediaType: 'application/pdf', size: pdf.length } });
    expect((await put(server.url, b, 'ID_DOCUMENT', pdf)).status).toBe(201);
    const [rowA] = await rowsOf(server, a);
    const [rowB] = await rowsOf(server, b);
    expect(rowA).toMatchObject({ sha256: first.body.sha256, original_name: 'cédula.pdf' });
    expect(rowA.storage_key).toMatch(/^[0-9a-f]{64}$/);
    expect(rowA.storage_key).not.toBe(rowA.sha256);
    expect(rowB.storage_key).not.toBe(rowA.storage_key);

    expect((await put(server.url, a, 'ID_DOCUMENT', png(800, 600))).status).toBe(201);
    const [replacement] = await rowsOf(server, a);
    expect(replacement.storage_key).not.toBe(rowA.storage_key);
    const { stored, referenced, incoming } = await storage(server);
    expect(stored).not.toContain(rowA.storage_key);
    expect(stored).toContain(rowB.storage_key);
    expect(stored).toEqual(referenced);
    expect(incoming).toEqual([]);
  });

  it("purges an expired draft's documents, rows and bytes, and whatever a crash left, so the stored files are exactly the referenced ones", async () => {
    const [expiring, open] = [await draft(server.url, codes(server)), await draft(server.url, codes(server))];
    for (const id of [expiring, open]) {
      expect((await put(server.url, id, 'ID_DOCUMENT', await cleanPdf())).status).toBe(201);
      expect((await put(server.url, id, 'ID_DOCUMENT', jpeg(1_200, 900))).status).toBe(201);
      expect((await put(server.url, id, 'PROFESSIONAL_CARD', png(640, 480))).status).toBe(201);
    }
    // A file stored before storage keys, named by its SHA-256 and shared by two drafts' rows: it stays while one names it.
    const legacy = 'c0'.repeat(32);
    mkdirSync(path.join(server.config.dataDir, 'documents', 'c0'), { recursive: true });
    writeFileSync(path.join(server.config.dataDir, 'documents', 'c0', legacy), 'legacy');
    for (const id of [expiring, open]) {
      await server.ssps.db.run((ds) =>
        ds.getRepository(RequestDocument).insert({ draftId: id, requestId: null, kind: 'RUT', mediaType: 'application/pdf', size: 6, sha256: legacy, storageKey: legacy, originalName: null, uploadedAt: new Date() }),
      );
    }
    const expiringKeys = (await rowsOf(server, expiring)).map((r) => r.storage_key).filter((k) => k !== legacy);
    const openKeys = (await rowsOf(server, open)).map((r) => r.storage_key);
    // What a crash leaves: bytes stored but never recorded, a half-received temporary file (both an hour old).
    const orphan = 'f'.repeat(64);
    const hourAgo = new Date(Date.now() - 2 * 3_600_000);
    for (const file of [path.join(server.config.dataDir, 'documents', 'ff', orphan), path.join(server.config.dataDir, 'incoming', 'half-received')]) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, 'x');
      utimesSync(file, hourAgo, hourAgo);
    }
    await server.ssps.db.run((ds) => ds.getRepository(ApplicationDraft).update({ id: expiring }, { expiresAt: new Date(Date.now() - 60_000) }));

    await server.ssps.applications.purgeExpired();

    expect(await rowsOf(server, expiring)).toEqual([]);
    expect((await rowsOf(server, open)).map((r) => r.storage_key)).toEqual(openKeys);
    const { stored, referenced, incoming } = await storage(server);
    expect(stored).toEqual(referenced);
    expect(stored).toEqual(expect.arrayContaining(openKeys));
    for (const key of [...expiringKeys, orphan]) expect(stored).not.toContain(key);
    expect(incoming).toEqual([]);
  });

  it('allows 3 uploads per kind and 15 per draft, then answers 429 with Retry-After before reading the body; the counters never hold the draft id', async () => {
    const id = await draft(server.url, codes(server));
    const pdf = await cleanPdf();
    for (let i = 0; i < 3; i++) expect((await put(server.url, id, 'ID_DOCUMENT', pdf)).status).toBe(201);
    const early = await slowPut(server.url, `/applications/${id}/documents/ID_DOCUMENT`, {}, { first: pdf, total: 4 * MB });
    expect(early.status).toBe(429);
    expect(early.head).toMatch(/^retry-after: \d+$/im);
    expect(early.sentBeforeAnswer).toBeLessThan(MB);
    const fourth = await put(server.url, id, 'ID_DOCUMENT', pdf);
    expect(fourth.status).toBe(429);
    expect(fourth.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) as number });
    expect(fourth.body.errors?.[0].message).toMatch(/demasiadas veces/);
    // The first upload stays what was uploaded last before the limit.
    expect((await rowsOf(server, id)).map((r) => r.kind)).toEqual(['ID_DOCUMENT']);

    // 5 uploads of ID_DOCUMENT were counted (3 taken, 2 refused); 10 more of other kinds reach 15.
    for (const kind of ['PROFESSIONAL_CARD', 'CHAMBER_CERTIFICATE', 'APPOINTMENT_ACT', 'RUT']) {
      for (let i = 0; i < (kind === 'RUT' ? 1 : 3); i++) expect((await put(server.url, id, kind, pdf)).status).toBe(201);
    }
    expect((await put(server.url, id, 'RUT', pdf)).status).toBe(429);
    expect((await put(server.url, await draft(server.url, codes(server)), 'RUT', pdf)).status).toBe(201);

    const keys = (await server.ssps.db.run((ds) => ds.query('SELECT `key` AS k FROM rate_limit'))) as { k: string }[];
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((r) => r.k.includes(id))).toBe(false);
  });

  it('refuses PDFs that run JavaScript, start programs, carry files, are encrypted or do not parse, and oversized images, with 415 and the reason; nothing is kept', async () => {
    const id = await draft(server.url, codes(server));
    const before = await storage(server);
    const cases: [Buffer, string, RegExp][] = [
      [await pdfWithJavaScript(), 'PDF_JAVASCRIPT', /JavaScript/],
      [await pdfWithLaunch(), 'PDF_LAUNCH', /abren programas/],
      [await pdfWithAttachment(), 'PDF_EMBEDDED_FILE', /archivos adjuntos/],
      [await encryptedPdf(), 'PDF_ENCRYPTED', /cifrado/],
      [BROKEN_PDF, 'PDF_UNREADABLE', /No pudimos leer el PDF/],
      [png(10_001, 600), 'IMAGE_TOO_LARGE', /10\.000 píxeles/],
      [jpeg(800, 12_000), 'IMAGE_TOO_LARGE', /10\.000 píxeles/],
      [Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 0x90)]), 'UNSUPPORTED_TYPE', /no es un PDF, JPEG o PNG/],
    ];
    // Refusals count against the draft's budget too: spread over the kinds, 2 each at most.
    const kinds = ['ID_DOCUMENT', 'PROFESSIONAL_CARD', 'CHAMBER_CERTIFICATE', 'APPOINTMENT_ACT', 'RUT'];
    for (const [i, [bytes, reason, message]] of cases.entries()) {
      const answer = await put(server.url, id, kinds[i % kinds.length], bytes);
      expect({ reason, status: answer.status }).toEqual({ reason, status: 415 });
      expect(answer.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'document', reason });
      expect(answer.body.errors?.[0].message).toMatch(message);
    }
    expect(await rowsOf(server, id)).toEqual([]);
    expect(await storage(server)).toEqual(before);
    expect((await put(server.url, id, 'RUT', jpeg(3_000, 2_000))).status).toBe(201);
  });

  it('inspects a PDF apart from the server: a decompression bomb is refused within its budget while the server goes on answering, and a PDF is kept as it was checked', async () => {
    const id = await draft(server.url, codes(server));
    const bomb = await objectStreamBomb(1_000_000_000);
    expect(bomb.length).toBeLessThan(DOCUMENT_LIMIT);
    const started = Date.now();
    let slowest = 0;
    const probing = (async () => {
      for (let answered = false; !answered; ) {
        const sent = Date.now();
        await fetch(`${server.url}/healthz`);
        slowest = Math.max(slowest, Date.now() - sent);
        answered = Date.now() - started > 1_500;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const answer = await put(server.url, id, 'ID_DOCUMENT', bomb);
    await probing;
    expect(answer.status).toBe(415);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PDF_TOO_COMPLEX' });
    expect(Date.now() - started).toBeLessThan(INSPECTION_LIMITS.deadlineMs + 12_000);
    // The server's event loop never waited on the parser.
    expect(slowest).toBeLessThan(500);

    // A script behind a later copy of its object: what is stored is the PDF as it was checked.
    const shadowed = await put(server.url, id, 'PROFESSIONAL_CARD', shadowedScriptPdf());
    expect(shadowed.status).toBe(201);
    const [row] = (await rowsOf(server, id)).filter((r) => r.kind === 'PROFESSIONAL_CARD');
    const kept = readFileSync(path.join(server.config.dataDir, 'documents', row.storage_key.slice(0, 2), row.storage_key));
    expect(kept.toString('latin1')).not.toMatch(/JavaScript/);
    expect(row.sha256).toBe(createHash('sha256').update(kept).digest('hex'));
  });

  it('takes documents only for a draft whose e-mail is confirmed, named by its exact id', async () => {
    const pdf = await cleanPdf();
    const unconfirmed = await openDraft(server, 'sin-confirmar@example.com');
    expect((await put(server.url, unconfirmed, 'ID_DOCUMENT', pdf)).status).toBe(404);
    const id = await draft(server.url, codes(server));
    // MariaDB compares text without regard to case: another spelling of the id is another draft.
    const flipped = id.replace(/[a-z]/, (c) => c.toUpperCase());
    expect(flipped).not.toBe(id);
    expect((await put(server.url, flipped, 'ID_DOCUMENT', pdf)).status).toBe(404);
    expect((await put(server.url, id, 'ID_DOCUMENT', pdf)).status).toBe(201);
  });

  it('answers a malformed X-Filename with 400 and a stable code, never 500, before reading the body', async () => {
    const id = await draft(server.url, codes(server));
    const pdf = await cleanPdf();
    for (const name of ['%E0%A4%A', 'cedula%00.pdf', 'a'.repeat(2_000), `${'%C3%A9'.repeat(201)}`, 'cedula%E2%80%AEfdp.exe', 'linea%0Anueva.pdf']) {
      const answer = await put(server.url, id, 'ID_DOCUMENT', pdf, name);
      expect({ name, status: answer.status }).toEqual({ name, status: 400 });
      expect(answer.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filename', reason: 'BAD_FILENAME' });
      expect(answer.body.errors?.[0].message).toMatch(/X-Filename/);
    }
    const unknownKind = await put(server.url, id, 'PASSPORT_SCAN', pdf);
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    expect(await rowsOf(server, id)).toEqual([]);
  });
});

describe.each(testDatabases())('the storage quota on $name', (database) => {
  const server = serverFor(database, { SSPS_DATA_DIR: ownDataDir(), DOCUMENT_MAX_BYTES: '20480', DOCUMENTS_QUOTA_BYTES: '40000' });

  it('refuses uploads past DOCUMENTS_QUOTA_BYTES with 507 before reading the body, while lookups keep working', async () => {
    const id = await draft(server.url, codes(server));
    const page = png(1_000, 1_000, 15_000);
    expect((await put(server.url, id, 'ID_DOCUMENT', page)).status).toBe(201);
    expect((await put(server.url, id, 'PROFESSIONAL_CARD', page)).status).toBe(201);
    const before = await storage(server);

    const full = await put(server.url, id, 'RUT', page);
    expect(full.status).toBe(507);
    expect(full.body.errors?.[0]).toEqual({ message: expect.stringMatching(/almacenamiento está lleno/) as string, extensions: { code: 'INSUFFICIENT_STORAGE' } });
    // Chunked, the room needed is the largest allowed: 30 kB used + 20 kB > 40 kB, even for a small body.
    const chunked = await streamPut(server.url, `/applications/${id}/documents/CHAMBER_CERTIFICATE`, png(10, 10), Buffer.alloc(1), png(10, 10).length, false);
    expect(chunked.status).toBe(507);
    const early = await slowPut(server.url, `/applications/${id}/documents/APPOINTMENT_ACT`, {}, { first: page.subarray(0, 100), total: page.length, chunk: 512, intervalMs: 50 });
    expect(early.status).toBe(507);
    expect(early.sentBeforeAnswer).toBeLessThan(page.length);
    expect(await storage(server)).toEqual(before);

    const lookup = await server.gql<{ certificateRequests: { requests: { requestNumber: string }[] } }>(LOOKUP, { t: await solvedToken(server.url) });
    expect(lookup.data?.certificateRequests.requests).toEqual([{ requestNumber: '434070' }]);

    // Replacing a document frees its room: what counts is what is stored.
    expect((await put(server.url, id, 'ID_DOCUMENT', png(100, 100))).status).toBe(201);
    expect((await put(server.url, id, 'RUT', page)).status).toBe(201);
  });
});
