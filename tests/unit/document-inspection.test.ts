import { describe, expect, it } from 'vitest';
import { inspect } from '../../server/applications/document-inspection.js';
import { BROKEN_PDF, cleanPdf, encryptedPdf, jpeg, largePdf, pdfWithAttachment, pdfWithJavaScript, pdfWithLaunch, png } from '../support/documents.js';

describe('what a document holds, read by libraries (pdf-lib, image-size)', () => {
  it('keeps a plain PDF and refuses one that runs JavaScript, starts a program, carries a file, is encrypted or does not parse', async () => {
    expect(await inspect('application/pdf', await cleanPdf())).toBeNull();
    expect(await inspect('application/pdf', await pdfWithJavaScript())).toBe('PDF_JAVASCRIPT');
    expect(await inspect('application/pdf', await pdfWithLaunch())).toBe('PDF_LAUNCH');
    expect(await inspect('application/pdf', await pdfWithAttachment())).toBe('PDF_EMBEDDED_FILE');
    expect(await inspect('application/pdf', await encryptedPdf())).toBe('PDF_ENCRYPTED');
    expect(await inspect('application/pdf', BROKEN_PDF)).toBe('PDF_UNREADABLE');
  });

  it('reads the large PDF the memory test streams as a valid one', async () => {
    const { head, tail } = largePdf(200_000);
    const bytes = Buffer.concat([head, Buffer.alloc(200_000 - head.length - tail.length, 0x20), tail]);
    expect(bytes.length).toBe(200_000);
    expect(await inspect('application/pdf', bytes)).toBeNull();
    expect(bytes.toString('latin1', Number(/startxref\n(\d+)/.exec(bytes.toString('latin1'))![1]))).toMatch(/^xref\n/);
  });

  it('reads names with #-escapes as what they mean (/L#61unch is /Launch)', async () => {
    const plain = (await pdfWithLaunch()).toString('latin1');
    const disguised = Buffer.from(plain.replace('/S /Launch', '/S /L#61unch'), 'latin1');
    expect(disguised.toString('latin1')).toContain('/L#61unch');
    expect(await inspect('application/pdf', disguised)).toBe('PDF_LAUNCH');
  });

  it('refuses PNG and JPEG images larger than 10,000 pixels on a side', async () => {
    expect(await inspect('image/png', png(10_000, 10_000))).toBeNull();
    expect(await inspect('image/png', png(10_001, 10))).toBe('IMAGE_TOO_LARGE');
    expect(await inspect('image/png', png(10, 40_000))).toBe('IMAGE_TOO_LARGE');
    expect(await inspect('image/jpeg', jpeg(3_000, 2_000))).toBeNull();
    expect(await inspect('image/jpeg', jpeg(12_000, 800))).toBe('IMAGE_TOO_LARGE');
    expect(await inspect('image/png', Buffer.concat([png(10, 10).subarray(0, 8), Buffer.alloc(100, 1)]))).toBe('IMAGE_UNREADABLE');
  });
});
