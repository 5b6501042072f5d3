import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/paths.js';
import { browserAvailable } from '../support/browser.js';
import { cleanPdf } from '../support/documents.js';
import { browserSession } from '../support/session.js';
import { expectAccessible, lookUp, screenshot, solveCaptcha } from '../support/pages.js';

const run = promisify(execFile);

// Apply through the page, act as the operator from the command line, and watch each step appear in the lookup.
describe.runIf(browserAvailable())('applying, and the request moving through its steps', () => {
  const session = browserSession();


  /** `npm run ops -- …` on the server's database, as an operator would type it. */
  const ops = (...args: string[]) =>
    run(process.execPath, [path.join(projectRoot, 'dist/server/lifecycle/cli.js'), ...args], { env: { ...process.env, SSPS_DATA_DIR: session.server.dataDir }, cwd: projectRoot });

  async function fillApplication(page: Page) {
    await page.getByLabel('Ingrese el número de identificación del solicitante').fill('1122334455');
    await page.getByLabel('Nombre completo del solicitante').fill('VALENTINA EJEMPLO SUÁREZ');
    await page.getByLabel('Correo electrónico').fill('valentina.ejemplo@example.com');
    await page.getByLabel('Teléfono').fill('+57 310 555 1234');
    await page.getByLabel('Tipo de certificado').selectOption({ label: 'Persona Natural' });
  }

  it('files an application from the page; operators pay, approve and deliver it; the lookup shows each step', async () => {
    const context = await session.browser.newContext({ baseURL: session.server.url });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Iniciar una solicitud' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('SOLICITUD DE CERTIFICADO DE FIRMA DIGITAL');
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect.poll(() => page.locator('.alert').textContent()).toContain('Acepto los términos y condiciones');
    await page.getByLabel(/Acepto los términos y condiciones \(versión 2026-11\)/).check();
    await solveCaptcha(page);
    await expectAccessible(page, 'terms');
    await screenshot(page, 'apply-terms');
    await page.getByRole('button', { name: 'Continuar' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Datos de la solicitud');
    await fillApplication(page);
    // A file that lies about its type is refused beside its field.
    await page.getByLabel('Documento de identidad').setInputFiles({ name: 'cedula.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf at all') });
    await expect.poll(() => page.locator('.documents .field__error').textContent()).toContain('no es un PDF, JPEG o PNG');
    await page.getByLabel('Documento de identidad').setInputFiles({ name: 'cedula.pdf', mimeType: 'application/pdf', buffer: await cleanPdf() });
    await expect.poll(() => page.locator('.documents [role="status"]').textContent()).toBe('Cargado: cedula.pdf');
    await expectAccessible(page, 'application form');
    await screenshot(page, 'apply-form');
    await page.getByRole('button', { name: 'Radicar solicitud' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Su solicitud fue radicada con éxito');
    const confirmation = (await page.locator('.notice').textContent())!;
    const [, requestNumber, orderNumber] = /N° Solicitud (\d+) - Orden Pedido No\. (\d+)/.exec(confirmation)!;
    await expectAccessible(page, 'application filed');
    await screenshot(page, 'apply-done');

    const illegal = await ops('deliver', requestNumber).catch((e: { code: number; stderr: string }) => e);
    expect(illegal).toMatchObject({ code: 1, stderr: expect.stringContaining('No se puede entregar la solicitud') });
    expect((await ops('verify-payment', requestNumber, '--invoice', 'FE-2026-000123')).stdout).toContain('pendiente de aprobación');
    await ops('approve', requestNumber);
    const delivered = (await ops('deliver', requestNumber)).stdout;
    const serial = /Serial number ([0-9a-f]{32})/.exec(delivered)![1];

    await page.getByRole('link', { name: 'Conozca el estado del trámite de su firma' }).click();
    await lookUp(page, 'Cédula de Ciudadanía', '1122334455');
    await expect.poll(() => page.locator('tbody tr').first().locator('th, td').allInnerTexts()).toEqual(
      expect.arrayContaining([orderNumber, requestNumber, 'VALENTINA EJEMPLO SUÁREZ', 'Persona Natural', 'Trámite finalizado']),
    );
    await page.getByRole('button', { name: `Ver detalle de la solicitud ${requestNumber}` }).click();
    await expect.poll(() => page.locator('.serial').innerText()).toContain(serial);
    const invoice = page.locator('tbody tr').nth(1).getByRole('link', { name: 'Aquí' });
    expect(await invoice.getAttribute('href')).toMatch(/^\/invoices\/[A-Za-z0-9_-]{43}$/);
    const pdf = await page.request.get(`${session.server.url}${await invoice.getAttribute('href')}`);
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    expect(await page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr.lastElementChild as HTMLElement).innerText.trim()))).toEqual([
      'Trámite finalizado', 'Trámite finalizado', 'Trámite finalizado', 'Trámite finalizado', 'Vigente',
    ]);
    await context.close();

    const history = (await ops('history', requestNumber)).stdout;
    expect(history).toMatch(/apply .*AWAITING_FILING → AWAITING_PAYMENT/);
    expect(history).toMatch(/deliver .*AWAITING_DELIVERY → ISSUED .*by ops-cli:/);
  }, 180_000);
});
