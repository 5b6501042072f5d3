import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedDraft, SUBMIT } from '../support/applying.js';
import { browserAvailable, launchBrowser } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { cleanPdf, png } from '../support/documents.js';
import { startServer, type StartedServer } from '../support/server.js';

const REQUEST = `query ($n: String!) { consoleRequest(requestNumber: $n) { documents { kind mediaType url } } }`;

/**
 * An operator opens an applicant's documents in Debian's Chromium, as the console links them:
 * under the documents' sandboxing policy the PDF viewer still shows the PDF and an image shows as itself.
 */
describe.skipIf(!browserAvailable())("an operator's browser shows documents inline under their sandbox", () => {
  let server: StartedServer;
  let browser: Browser;
  let operator: string;
  let documents: { kind: string; mediaType: string; url: string }[];

  beforeAll(async () => {
    server = await startServer(testDatabases()[0]);
    operator = `Bearer ${(await server.ssps.partners.create('operadora-navegador', { role: 'operator', ratePerMinute: 1_000 })).key}`;
    const draft = await confirmedDraft(server, 'navegador@example.com');
    for (const [kind, bytes] of [['ID_DOCUMENT', await cleanPdf('Cédula de prueba')], ['PROFESSIONAL_CARD', png(320, 200)]] as const) {
      expect((await fetch(`${server.url}/applications/${draft}/documents/${kind}`, { method: 'PUT', body: new Uint8Array(bytes) })).status).toBe(201);
    }
    const submitted = await server.gql<{ submitApplication: { requestNumber: string } }>(SUBMIT, {
      d: draft,
      a: { idType: 'CC', idNumber: '1098700002', fullName: 'Navegador Prueba', phone: '3001234567', certificateType: 'PROFESIONAL_TITULADO' },
    });
    const page = await server.gql<{ consoleRequest: { documents: typeof documents } }>(REQUEST, { n: submitted.data!.submitApplication.requestNumber }, { authorization: operator });
    documents = page.data!.consoleRequest.documents;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await server?.dropDatabase();
  });

  it('renders the PDF in Chromium\'s viewer: one page', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { authorization: operator } });
    const page = await context.newPage();
    const pdf = documents.find((d) => d.mediaType === 'application/pdf')!;
    // The route's headers are asserted in tests/integration/console-queue.test.ts; of a PDF's policy Chromium
    // reports (and keeps, for its viewer) only frame-ancestors.
    const response = await page.goto(`${server.url}${pdf.url}`);
    expect(response?.status()).toBe(200);
    const viewer = () => page.frames().find((f) => f.url().startsWith('chrome-extension://'));
    await expect.poll(() => viewer() !== undefined, { timeout: 15_000 }).toBe(true);
    // The viewer's page selector reads " / 1" once the document is parsed and laid out.
    const pages = () =>
      viewer()!.evaluate(() => {
        const toolbar = document.querySelector('pdf-viewer')?.shadowRoot?.querySelector('viewer-toolbar');
        const selector = toolbar?.shadowRoot?.querySelector('viewer-page-selector');
        return selector?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      });
    await expect.poll(pages, { timeout: 15_000 }).toBe('/ 1');
    await context.close();
  }, 60_000);

  it('shows the image at its size', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { authorization: operator } });
    const page = await context.newPage();
    const image = documents.find((d) => d.mediaType === 'image/png')!;
    const response = await page.goto(`${server.url}${image.url}`);
    expect(response?.headers()['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    await expect.poll(() => page.evaluate(() => [document.images.length, document.images[0]?.naturalWidth, document.images[0]?.naturalHeight])).toEqual([1, 320, 200]);
    await context.close();
  }, 60_000);

  it('shows nothing without an operator\'s credentials', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${server.url}${documents[0].url}`);
    expect(response?.status()).toBe(401);
    await context.close();
  }, 60_000);
});
