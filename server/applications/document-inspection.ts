import { imageSize } from 'image-size';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';
import type { MediaType } from './requirements.js';

export type ContentProblem = 'PDF_JAVASCRIPT' | 'PDF_LAUNCH' | 'PDF_EMBEDDED_FILE' | 'PDF_ENCRYPTED' | 'PDF_UNREADABLE' | 'IMAGE_TOO_LARGE' | 'IMAGE_UNREADABLE';

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

/** What is wrong with a document's content, or null when it may be kept. */
export async function inspect(mediaType: MediaType, bytes: Uint8Array): Promise<ContentProblem | null> {
  return mediaType === 'application/pdf' ? inspectPdf(bytes) : inspectImage(bytes);
}

async function inspectPdf(bytes: Uint8Array): Promise<ContentProblem | null> {
  let pdf: PDFDocument;
  try {
    // Object streams are decoded by the parser, so dictionaries hidden in them are walked too.
    pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
  } catch {
    return 'PDF_UNREADABLE';
  }
  if (pdf.isEncrypted || pdf.context.trailerInfo.Encrypt) return 'PDF_ENCRYPTED';
  if (!(pdf.context.lookup(pdf.context.trailerInfo.Root) instanceof PDFDict)) return 'PDF_UNREADABLE';
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    const problem = activeContent(object);
    if (problem) return problem;
  }
  return null;
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
