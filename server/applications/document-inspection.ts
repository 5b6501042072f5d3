import { imageSize } from 'image-size';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';
import { projectRoot } from '../paths.js';
import type { MediaType } from './requirements.js';

export type ContentProblem =
  | 'PDF_JAVASCRIPT'
  | 'PDF_LAUNCH'
  | 'PDF_EMBEDDED_FILE'
  | 'PDF_ENCRYPTED'
  | 'PDF_UNREADABLE'
  | 'PDF_TOO_COMPLEX'
  | 'IMAGE_TOO_LARGE'
  | 'IMAGE_UNREADABLE';

/** What an inspection found: a problem, or a PDF rewritten as checked (`rewritten`), or an image kept as sent. */
export type Verdict = { problem: ContentProblem } | { problem: null; rewritten: boolean };

/**
 * A document is inspected in a worker thread of its own, with a small heap and a deadline: a
 * PDF is a program for its parser, and a few hundred kilobytes of compressed object streams
 * can ask for gigabytes and seconds. Past either, the worker is stopped and the PDF refused;
 * the server's event loop and heap never see it. Tests run the server from its sources, so the
 * worker is always the compiled one (`npm test` builds first).
 */
const WORKER = path.join(projectRoot, 'dist/server/applications/inspection-worker.js');
export const INSPECTION_LIMITS = { deadlineMs: 8_000, startMs: 30_000, heapMb: 96 };

export function inspectIsolated(mediaType: MediaType, file: string, rewriteTo: string): Promise<Verdict> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, {
      workerData: { mediaType, file, rewriteTo },
      resourceLimits: { maxOldGenerationSizeMb: INSPECTION_LIMITS.heapMb, maxYoungGenerationSizeMb: 16 },
      stdout: true,
      stderr: true,
    });
    const tooComplex: Verdict = { problem: mediaType === 'application/pdf' ? 'PDF_TOO_COMPLEX' : 'IMAGE_UNREADABLE' };
    // The deadline counts from when the worker has loaded its libraries, so a busy machine's slow
    // start is not taken for a slow document; starting at all gets a wider bound.
    let deadline = setTimeout(() => void worker.terminate(), INSPECTION_LIMITS.startMs);
    let verdict: Verdict = tooComplex;
    worker.on('message', (message: Verdict | 'ready') => {
      if (message !== 'ready') {
        verdict = message;
        return;
      }
      clearTimeout(deadline);
      deadline = setTimeout(() => void worker.terminate(), INSPECTION_LIMITS.deadlineMs);
    });
    // Out of heap, or an error the inspection did not expect: refused, never a crash.
    worker.once('error', () => (verdict = tooComplex));
    worker.once('exit', () => {
      clearTimeout(deadline);
      resolve(verdict);
    });
  });
}

/** Largest width or height of an image accepted: a scan of a page needs far less, a decompression bomb far more. */
export const MAX_IMAGE_SIDE = 10_000;

// What makes a PDF act rather than show: scripts (/JS, /JavaScript, as an action's /S or a
// name tree), actions that start programs (/Launch) and files carried inside (/EmbeddedFile,
// the /EmbeddedFiles name tree, a file specification's /EF). Names are compared decoded, so
// `/J#61vaScript` is /JavaScript.
const ACTIVE_NAMES = new Map<PDFName, ContentProblem>([
  [PDFName.of('JS'), 'PDF_JAVASCRIPT'],
  [PDFName.of('JavaScript'), 'PDF_JAVASCRIPT'],
  [PDFName.of('Launch'), 'PDF_LAUNCH'],
  [PDFName.of('EmbeddedFile'), 'PDF_EMBEDDED_FILE'],
  [PDFName.of('EmbeddedFiles'), 'PDF_EMBEDDED_FILE'],
  [PDFName.of('EF'), 'PDF_EMBEDDED_FILE'],
]);

/**
 * What is wrong with a document's content (`problem`), or, for a PDF that may be kept, the PDF
 * as it was checked (`rewritten`): written anew from the objects the inspection walked, so a
 * reader cannot be shown objects the inspection never saw (a file's cross-reference table may
 * point at an object that a later copy of the same number hides from the parser).
 */
export async function inspect(mediaType: MediaType, bytes: Uint8Array): Promise<{ problem: ContentProblem | null; rewritten?: Uint8Array }> {
  return mediaType === 'application/pdf' ? inspectPdf(bytes) : { problem: inspectImage(bytes) };
}

async function inspectPdf(bytes: Uint8Array): Promise<{ problem: ContentProblem | null; rewritten?: Uint8Array }> {
  let pdf: PDFDocument;
  try {
    // Object streams are decoded by the parser, so dictionaries hidden in them are walked too.
    pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
  } catch {
    return { problem: 'PDF_UNREADABLE' };
  }
  if (pdf.isEncrypted || pdf.context.trailerInfo.Encrypt) return { problem: 'PDF_ENCRYPTED' };
  if (!(pdf.context.lookup(pdf.context.trailerInfo.Root) instanceof PDFDict)) return { problem: 'PDF_UNREADABLE' };
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    const problem = activeContent(object);
    if (problem) return { problem };
  }
  return { problem: null, rewritten: await pdf.save({ updateFieldAppearances: false }) };
}

/** Walks one object and the dictionaries and arrays written inside it (references are walked as their own objects). */
function activeContent(object: PDFObject): ContentProblem | null {
  const pending: PDFObject[] = [object];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next instanceof PDFName) {
      const problem = ACTIVE_NAMES.get(next);
      if (problem) return problem;
    } else if (next instanceof PDFStream) {
      pending.push(next.dict);
    } else if (next instanceof PDFDict) {
      for (const [key, value] of next.entries()) pending.push(key, value);
    } else if (next instanceof PDFArray) {
      pending.push(...next.asArray());
    }
  }
  return null;
}

function inspectImage(bytes: Uint8Array): ContentProblem | null {
  try {
    const { width, height } = imageSize(bytes);
    return width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE ? 'IMAGE_TOO_LARGE' : null;
  } catch {
    return 'IMAGE_UNREADABLE';
  }
}
