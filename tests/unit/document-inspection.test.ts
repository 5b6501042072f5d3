import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { inspect } from '../../server/applications/document-inspection.js';
import { BROKEN_PDF, cleanPdf, encryptedPdf, jpeg, largePdf, pdfWithAttachment, pdfWithJavaScript, pdfWithLaunch, png, shadowedScriptPdf } from '../support/documents.js';

describe('what a document holds, read by libraries (pdf-lib, image-size)', () => {
  it('keeps a plain PDF and refuses one that runs JavaScript, starts a program, carries a file, is encrypted or does not parse', async () => {
    expect((await inspect('application/pdf', await cleanPdf())).problem).toBeNull();
    expect((await inspect('application/pdf', await pdfWithJavaScript())).problem).toBe('PDF_JAVASCRIPT');
    expect((await inspect('application/pdf', await pdfWithLaunch())).problem).toBe('PDF_LAUNCH');
    expect((await inspect('application/pdf', await pdfWithAttachment())).problem).toBe('PDF_EMBEDDED_FILE');
    expect((await inspect('application/pdf', await encryptedPdf())).problem).toBe('PDF_ENCRYPTED');
    expect((await inspect('application/pdf', BROKEN_PDF)).problem).toBe('PDF_UNREADABLE');
  });

  it('reads the large PDF the memory test streams as a valid one', async () => {
    const { head, tail } = largePdf(200_000);
    const bytes = Buffer.concat([head, Buffer.alloc(200_000 - head.length - tail.length, 0x20), tail]);
    expect(bytes.length).toBe(200_000);
    expect((await inspect('application/pdf', bytes)).problem).toBeNull();
    expect(bytes.toString('latin1', Number(/startxref\n(\d+)/.exec(bytes.toString('latin1'))![1]))).toMatch(/^xref\n/);
  });

  it('reads names with #-escapes as what they mean (/L#61unch is /Launch)', async () => {
    const plain = (await pdfWithLaunch()).toString('latin1');
    const disguised = Buffer.from(plain.replace('/S /Launch', '/S /L#61unch'), 'latin1');
    expect(disguised.toString('latin1')).toContain('/L#61unch');
    expect((await inspect('application/pdf', disguised)).problem).toBe('PDF_LAUNCH');
  });

  it('refuses PNG and JPEG images larger than 10,000 pixels on a side', async () => {
    expect((await inspect('image/png', png(10_000, 10_000))).problem).toBeNull();
    expect((await inspect('image/png', png(10_001, 10))).problem).toBe('IMAGE_TOO_LARGE');
    expect((await inspect('image/png', png(10, 40_000))).problem).toBe('IMAGE_TOO_LARGE');
    expect((await inspect('image/jpeg', jpeg(3_000, 2_000))).problem).toBeNull();
    expect((await inspect('image/jpeg', jpeg(12_000, 800))).problem).toBe('IMAGE_TOO_LARGE');
    expect((await inspect('image/png', Buffer.concat([png(10, 10).subarray(0, 8), Buffer.alloc(100, 1)]))).problem).toBe('IMAGE_UNREADABLE');
  });

  it('keeps a PDF as it was checked: a script hidden behind a later copy of its object is not in what is kept', async () => {
    const shadowed = shadowedScriptPdf();
    expect(shadowed.toString('latin1')).toContain('/JavaScript');
    const { problem, rewritten } = await inspect('application/pdf', shadowed);
    expect(problem).toBeNull();
    expect(Buffer.from(rewritten!).toString('latin1')).not.toMatch(/JavaScript|app\.alert/);
    // And what is kept still opens as a PDF with its page.
    expect((await PDFDocument.load(rewritten!)).getPageCount()).toBe(1);
  });
});
