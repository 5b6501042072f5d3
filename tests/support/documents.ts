import { crc32, createDeflate } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

/** A one-page PDF as a scanner or "Save as PDF" writes it (pdf-lib's defaults: objects in object streams). */
export async function cleanPdf(text = 'Cédula de ciudadanía — copia'): Promise<Buffer> {
  const pdf = await page(text);
  return Buffer.from(await pdf.save());
}

/** A PDF that runs JavaScript when opened: an /OpenAction of type /JavaScript, written inside an object stream. */
export async function pdfWithJavaScript(): Promise<Buffer> {
  const pdf = await page('abre y ejecuta');
  const action = pdf.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hola")') });
  pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.register(action));
  return Buffer.from(await pdf.save({ useObjectStreams: true }));
}

/** A PDF that starts a program when opened (/Launch), written without object streams: its dictionaries are plain text. */
export async function pdfWithLaunch(): Promise<Buffer> {
  const pdf = await page('abre un programa');
  const action = pdf.context.obj({ S: 'Launch', F: PDFString.of('cmd.exe') });
  pdf.catalog.set(PDFName.of('OpenAction'), action);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** A PDF carrying another file (pdf.attach: an /EmbeddedFiles name tree and an /EmbeddedFile stream). */
export async function pdfWithAttachment(): Promise<Buffer> {
  const pdf = await page('lleva un adjunto');
  await pdf.attach(Buffer.from('MZ\x90\x00 not really a program'), 'factura.exe', { mimeType: 'application/octet-stream' });
  return Buffer.from(await pdf.save());
}

/** A PDF whose trailer says it is encrypted. */
export async function encryptedPdf(): Promise<Buffer> {
  const pdf = await page('cifrado');
  const encrypt = pdf.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -3904, O: PDFString.of('x'.repeat(32)), U: PDFString.of('y'.repeat(32)) });
  pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/**
 * A valid one-page PDF of exactly `total` bytes, most of them its content stream, as three
 * parts: `head`, then `total - head - tail` filler bytes (spaces: an empty content stream),
 * then `tail` — so it can be sent from a small buffer.
 */
export function largePdf(total: number): { head: Buffer; tail: Buffer } {
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n',
  ];
  const header = '%PDF-1.7\n';
  const offsets: number[] = [];
  let text = header;
  for (const object of objects) {
    offsets.push(text.length);
    text += object;
  }
  offsets.push(text.length);
  // The stream's length has a fixed width, so the parts' sizes do not depend on it.
  const streamStart = (length: number) => `4 0 obj\n<< /Length ${String(length).padStart(10, '0')} >>\nstream\n`;
  const end = '\nendstream\nendobj\n';
  const tailFor = (xref: number) =>
    `${end}xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${String(xref).padStart(10, '0')}\n%%EOF\n`;
  const tailLength = tailFor(0).length;
  const length = total - (text + streamStart(0)).length - tailLength;
  const tail = tailFor(total - tailLength + end.length);
  return { head: Buffer.from(text + streamStart(length), 'latin1'), tail: Buffer.from(tail, 'latin1') };
}

/** Starts like a PDF and is not one. */
export const BROKEN_PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_000, 0x20), Buffer.from('\n%%EOF\n')]);

/** A PNG's signature and IHDR chunk (what gives its size), an IDAT and the IEND chunk; `padding` bytes of an ancillary chunk make it as large as wanted. */
export function png(width: number, height: number, padding = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunks = [chunk('IHDR', ihdr)];
  if (padding > 0) chunks.push(chunk('zPAD', Buffer.alloc(padding, 0x61)));
  chunks.push(chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}

/** A baseline JPEG's markers: SOI, a JFIF APP0, the SOF0 that gives its size, and EOI. */
export function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof0 = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  sof0.writeUInt16BE(height, 5);
  sof0.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof0, Buffer.from([0xff, 0xd9])]);
}

async function page(text: string): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText(text.replace(/[^\x20-\x7e]/g, '?'), { x: 50, y: 780, size: 14, font });
  return pdf;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PDF built by hand from its objects, with a cross-reference table pointing at `xref` offsets (by object number). */
function assemble(parts: (string | Buffer)[], xref: number[]): Buffer {
  const body = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
  const rows = xref.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  const trailer = `xref\n0 ${xref.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${xref.length + 1} /Root 1 0 R >>\nstartxref\n${body.length}\n%%EOF\n`;
  return Buffer.concat([body, Buffer.from(trailer, 'latin1')]);
}

/**
 * A decompression bomb: an object stream whose few hundred kilobytes inflate to `inflated`
 * bytes, which a parser that decodes object streams must hold in memory. Compressed a
 * megabyte at a time, so building it holds no such buffer here.
 */
export async function objectStreamBomb(inflated: number): Promise<Buffer> {
  const head = Buffer.from('4 0 ');
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  deflate.write(head);
  const spaces = Buffer.alloc(1_048_576, 0x20);
  for (let left = inflated; left > 0; left -= spaces.length) {
    if (!deflate.write(spaces.subarray(0, Math.min(left, spaces.length)))) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end('<< /A 1 >>');
  await done;
  const compressed = Buffer.concat(chunks);
  const objects = ['1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', '2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n'];
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(text.length);
    text += object;
  }
  offsets.push(text.length);
  text += `3 0 obj\n<< /Type /ObjStm /N 1 /First ${head.length} /Filter /FlateDecode /Length ${compressed.length} >>\nstream\n`;
  return assemble([text, compressed, '\nendstream\nendobj\n'], offsets);
}

/**
 * A PDF whose cross-reference table points at a catalog that runs JavaScript, followed by a
 * harmless copy of the same object number: a reader follows the table, a parser reading the
 * file in order keeps the last copy.
 */
export function shadowedScriptPdf(): Buffer {
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript << /Names [(a) << /S /JavaScript /JS (app.alert\\(1\\)) >>] >> >> >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n',
  ];
  const offsets: number[] = [];
  let text = '%PDF-1.7\n';
  for (const object of objects) {
    offsets.push(Buffer.byteLength(text, 'latin1'));
    text += object;
  }
  text += '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n';
  return assemble([text], offsets);
}
