import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/paths.js';
import { browserAvailable } from '../support/browser.js';
import { cleanPdf } from '../support/documents.js';
import { freePort } from '../support/process.js';
import { browserSession, QUICK_CAPTCHA } from '../support/session.js';
import { startSmtpPeer } from '../support/smtp.js';
import { expectAccessible, lookUp, screenshot, solveCaptcha } from '../support/pages.js';

const run = promisify(execFile);

// Apply through the page, act as the operator from the command line, and watch each step appear in the lookup.
describe.runIf(browserAvailable())('applying, and the request moving through its steps', async () => {
  // The applicant's mailbox: a real SMTP peer the server delivers its outbox to.
  const smtpPort = await freePort();
  const session = browserSession({
    ...QUICK_CAPTCHA,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    PAYMENT_BANK_ACCOUNT: 'Banco Ejemplo, cuenta corriente 123-456789-01',
    PAYMENT_LINK_TEMPLATE: 'https://pagos.example.com/pse?referencia={reference}&valor={amountCop}',
  });
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  beforeAll(async () => {
    smtp = await startSmtpPeer(smtpPort);
  });
  afterAll(() => smtp?.close());
  const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

  /** The code of the newest e-mail to `address` (the outbox is sent every few seconds). */
  async function codeMailedTo(address: string): Promise<string> {
    await expect.poll(() => mailsTo(address).length, { timeout: 20_000 }).toBeGreaterThan(0);
    return / es (\d{6})\./.exec(mailsTo(address).at(-1)!.raw)![1];
  }

  /** From the home page to the e-mail code, in the page's language. */
  async function startApplying(page: Page, email: string, labels: { accept: RegExp; email: string; go: string }) {
    await page.getByLabel(labels.accept).check();
    await page.getByLabel(labels.email, { exact: true }).fill(email);
    await solveCaptcha(page);
    await page.getByRole('button', { name: labels.go }).click();
  }

  /** `npm run ops -- …` on the server's database, as a named operator would type it. */
  const ops = (...args: string[]) =>
    run(process.execPath, [path.join(projectRoot, 'dist/server/lifecycle/ops-cli.js'), ...args], {
      env: { ...process.env, SSPS_DATA_DIR: session.server.dataDir, SSPS_OPERATOR: 'Operadora Ejemplo' },
      cwd: projectRoot,
    });

  async function fillApplication(page: Page) {
    await page.getByLabel('Ingrese el número de identificación del solicitante').fill('1122334455');
    await page.getByLabel('Nombre completo del solicitante').fill('VALENTINA EJEMPLO SUÁREZ');
    await page.getByLabel('Teléfono').fill('+57 310 555 1234');
    await page.getByLabel('Tipo de certificado').selectOption({ label: 'Persona Natural' });
  }

  it('files an application from the page; operators pay, approve and deliver it (proposed and approved); the lookup shows each step', async () => {
    const context = await session.browser.newContext({ baseURL: session.server.url });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Iniciar una solicitud' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('SOLICITUD DE CERTIFICADO DE FIRMA DIGITAL');
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect.poll(() => page.locator('.alert').textContent()).toContain('Acepto los términos y condiciones');
    const email = 'valentina.ejemplo@example.com';
    await page.getByLabel(/Acepto los términos y condiciones \(versión 2026-11\)/).check();
    await page.getByLabel('Correo electrónico', { exact: true }).fill('valentina@');
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect.poll(() => page.locator('.alert').textContent()).toContain('Escriba un correo electrónico válido');
    await page.getByLabel('Correo electrónico', { exact: true }).fill(email);
    await solveCaptcha(page);
    await expectAccessible(page, 'terms');
    await screenshot(page, 'apply-terms');
    // The texts can be read before accepting them, in another tab.
    for (const [name, href] of [['términos y condiciones', '/terminos'], ['política de tratamiento de datos personales', '/privacidad']]) {
      const link = page.getByRole('link', { name, exact: true });
      expect([await link.getAttribute('href'), await link.getAttribute('target')]).toEqual([href, '_blank']);
    }
    await page.getByRole('button', { name: 'Continuar' }).click();

    // The e-mail is proven before anything else: a wrong code says how many tries are left.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Confirme su correo electrónico');
    const code = await codeMailedTo(email);
    await page.getByLabel('Código de verificación (6 dígitos)').fill(code === '000000' ? '000001' : '000000');
    await page.getByRole('button', { name: 'Confirmar correo' }).click();
    await expect.poll(() => page.locator('.alert').textContent()).toBe('El código no coincide. Le quedan 4 intentos.');
    await expectAccessible(page, 'e-mail code');
    await screenshot(page, 'apply-email-code');
    await page.getByLabel('Código de verificación (6 dígitos)').fill(code);
    await page.getByRole('button', { name: 'Confirmar correo' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Datos de la solicitud');
    expect(await page.locator('.notice').textContent()).toContain(`Correo confirmado: ${email}`);
    await fillApplication(page);
    // Before applying: the chosen type's price with IVA, and how it will be paid.
    const price = page.locator('.payment');
    const priceText = async () => (await price.innerText()).replace(/\u00a0/g, ' ');
    await expect.poll(priceText).toContain('Valor del certificado Persona Natural: $ 190.400 (subtotal $ 160.000 + IVA 19 % $ 30.400).');
    expect(await priceText()).toContain('Referencia de pago: su número de Orden Pedido, que le daremos al radicar.');
    expect(await priceText()).toContain('Consignación o transferencia: Banco Ejemplo, cuenta corriente 123-456789-01, indicando la referencia.');
    expect(await priceText()).toContain('Pago en línea (PSE)');
    await page.getByLabel('Tipo de certificado').selectOption({ label: 'Profesional Titulado' });
    await expect.poll(priceText).toContain('Valor del certificado Profesional Titulado: $ 214.200 (subtotal $ 180.000 + IVA 19 % $ 34.200).');
    await page.getByLabel('Tipo de certificado').selectOption({ label: 'Persona Natural' });
    // A field's error goes as soon as the field is corrected, before anything is sent again.
    const phone = page.getByLabel('Teléfono');
    await phone.fill('12');
    await page.getByRole('button', { name: 'Radicar solicitud' }).click();
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
    await phone.fill('+57 310 555 1234');
    expect(await phone.getAttribute('aria-invalid')).toBeNull();
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
    // The confirmation: the amount, the reference (the order number) and how to pay it.
    const due = (await page.locator('.payment').innerText()).replace(/\u00a0/g, ' ');
    expect(due).toContain('Valor a pagar: $ 190.400 (subtotal $ 160.000 + IVA $ 30.400).');
    expect(due).toContain(`Referencia de pago: ${orderNumber} (su Orden Pedido No.).`);
    expect(due).toContain('Consignación o transferencia: Banco Ejemplo, cuenta corriente 123-456789-01, indicando la referencia.');
    expect(await page.getByRole('link', { name: 'Pagar en línea (PSE)' }).getAttribute('href')).toBe(`https://pagos.example.com/pse?referencia=${orderNumber}&valor=190400`);
    // And the e-mail says the same (its quoted-printable body decoded).
    const decoded = (raw: string) => Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8').replace(/\u00a0/g, ' ');
    const filed = () => mailsTo(email).map((m) => decoded(m.raw)).find((body) => body.includes(`Referencia de pago: ${orderNumber}`));
    await expect.poll(filed, { timeout: 20_000 }).toBeDefined();
    expect(filed()).toContain('Valor a pagar: $ 190.400 (subtotal $ 160.000 + IVA $ 30.400)');
    expect(filed()).toContain(`Pagar en línea (PSE): https://pagos.example.com/pse?referencia=${orderNumber}&valor=190400`);
    await expectAccessible(page, 'application filed');
    await screenshot(page, 'apply-done');
    // The filing e-mail, in the language the page was read in, says what happened and with which numbers.
    const filedSubject = `Subject: Solicitud ${requestNumber} radicada (orden de pedido ${orderNumber})`;
    await expect.poll(() => mailsTo(email).some((m) => m.raw.includes(filedSubject)), { timeout: 30_000 }).toBe(true);
    const filedMail = mailsTo(email).find((m) => m.raw.includes(filedSubject))!;
    expect(filedMail.raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(filedMail.raw).toMatch(/\/consulta/);

    const illegal = await ops('deliver', requestNumber).catch((e: { code: number; stderr: string }) => e);
    expect(illegal).toMatchObject({ code: 1, stderr: expect.stringContaining('No se puede entregar la solicitud') });
    expect((await ops('verify-payment', requestNumber, '--invoice', 'FE-2026-000123')).stdout).toContain('pendiente de aprobación');
    await ops('approve', requestNumber);
    // Four eyes: the delivery is proposed, and carried out when a supervisor under another name approves it.
    const proposal = /Propuesta (\d+): deliver/.exec((await ops('deliver', requestNumber)).stdout)![1];
    const delivered = (await ops('approve-proposal', proposal, '--as', 'Supervisor Ejemplo')).stdout;
    const serial = /Número de serie ([0-9a-f]{32})/.exec(delivered)![1];

    await page.getByRole('link', { name: 'Conozca el estado del trámite de su firma' }).click();
    await lookUp(page, 'Cédula de Ciudadanía', '1122334455');
    await expect.poll(() => page.locator('tbody tr').first().locator('th, td').allInnerTexts()).toEqual(
      expect.arrayContaining([orderNumber, requestNumber, 'VALENTINA EJEMPLO SUÁREZ', 'Persona Natural', 'Trámite finalizado']),
    );
    await page.getByRole('button', { name: `Ver detalle de la solicitud ${requestNumber}` }).click();
    await expect.poll(() => page.locator('.serial').innerText()).toContain(serial);
    const invoice = page.locator('tbody tr').nth(1).getByRole('link', { name: 'Aquí' });
    expect(await invoice.getAttribute('href')).toMatch(/^\/invoices\/[A-Za-z0-9_-]{103}$/);
    // It opens in a new tab: the detail, and the lookup behind it, stay where they are.
    expect([await invoice.getAttribute('target'), await invoice.getAttribute('rel')]).toEqual(['_blank', 'noopener']);
    const pdf = await page.request.get(`${session.server.url}${await invoice.getAttribute('href')}`);
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    expect(await page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr.lastElementChild as HTMLElement).innerText.trim()))).toEqual([
      // Paso4 waits for the applicant's download (tests/e2e/download.test.ts).
      'Trámite finalizado', 'Trámite finalizado', 'Trámite finalizado', 'En trámite', 'Vigente',
    ]);
    await context.close();

    const history = (await ops('history', requestNumber)).stdout;
    expect(history).toMatch(/apply .*AWAITING_FILING → AWAITING_PAYMENT/);
    expect(history).toMatch(/approve-proposal .*por ops-cli:Supervisor Ejemplo/);
    expect(history).toMatch(/deliver .*AWAITING_DELIVERY → ISSUED .*por ops-cli:Operadora Ejemplo/);
    expect((await ops('verify-history', requestNumber)).stdout).toContain('Historial intacto: 1 solicitud, 6 entradas.');
  }, 180_000);

  it('asks for the e-mail code in English too, and sends a new one on request', async () => {
    const context = await session.browser.newContext({ baseURL: session.server.url });
    await context.addCookies([{ name: 'ssps-lang', value: 'en', url: session.server.url }]);
    const page = await context.newPage();
    await page.goto('/solicitud');
    const email = 'john.codigo@example.com';
    await startApplying(page, email, { accept: /I accept the terms and conditions/, email: 'E-mail', go: 'Continue' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Confirm your e-mail');
    const first = await codeMailedTo(email);
    await page.getByLabel('Verification code (6 digits)').fill('12');
    await page.getByRole('button', { name: 'Confirm e-mail' }).click();
    await expect.poll(() => page.locator('.alert').textContent()).toBe('Enter the 6 digits of the code we sent you.');
    await page.getByRole('button', { name: 'Send the code again' }).click();
    await expect.poll(() => page.locator('.alert').textContent()).toMatch(/^Wait (\d+ seconds|1 minute) before asking for another code\.$/);
    await page.getByLabel('Verification code (6 digits)').fill(first);
    await page.getByRole('button', { name: 'Confirm e-mail' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Application details');
    await expectAccessible(page, 'application form in English');
    await context.close();
  }, 120_000);

  it('shows the terms and the data-protection policy with their version, in Spanish and in English', async () => {
    const context = await session.browser.newContext({ baseURL: session.server.url });
    const page = await context.newPage();
    await page.goto('/terminos');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Términos y condiciones del servicio de certificados de firma digital');
    expect(await page.locator('main').textContent()).toContain('Versión 2026-11');
    await expectAccessible(page, 'terms text');
    await screenshot(page, 'terms');
    await page.goto('/privacidad');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Política de tratamiento de datos personales');
    expect(await page.locator('main').textContent()).toContain('Ley 1581 de 2012');
    await context.addCookies([{ name: 'ssps-lang', value: 'en', url: session.server.url }]);
    await page.goto('/privacidad');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Personal data protection policy');
    expect(await page.locator('main').textContent()).toContain('Version 2026-11');
    await context.close();
  });
});
