import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/paths.js';
import { browserAvailable } from '../support/browser.js';
import { cleanPdf } from '../support/documents.js';
import { lookUp, solveCaptcha } from '../support/pages.js';
import { freePort } from '../support/process.js';
import { browserSession, QUICK_CAPTCHA } from '../support/session.js';
import { startSmtpPeer } from '../support/smtp.js';
import { signedWompiEvent } from '../support/wompi.js';

const run = promisify(execFile);
const EVENTS_SECRET = 'journey_events_secret_5d1e9a7c';
const DOWNLOAD_LINK = /\/descarga#([A-Za-z0-9_-]{43})/;

/**
 * The applicant's whole journey, as issue 15 walks it: apply on the page → pay (a payment
 * provider's signed event, no operator) → operators approve, and deliver with four eyes → the
 * e-mailed link → a key made in the browser → the .p12 opens with its password (openssl) →
 * revoked → the CRL the certificate names lists it. Each step read where the applicant reads it.
 */
describe.runIf(browserAvailable())('the applicant\'s journey, from the first screen to a certificate and its revocation', async () => {
  const smtpPort = await freePort();
  const session = browserSession({ ...QUICK_CAPTCHA, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, WOMPI_EVENTS_SECRET: EVENTS_SECRET });
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  const work = mkdtempSync(path.join(os.tmpdir(), 'ssps-journey-'));
  beforeAll(async () => {
    smtp = await startSmtpPeer(smtpPort);
  });
  afterAll(async () => {
    await smtp?.close();
    rmSync(work, { recursive: true, force: true });
  });
  const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  const ops = (...args: string[]) =>
    run(process.execPath, [path.join(projectRoot, 'dist/server/lifecycle/ops-cli.js'), ...args], {
      env: { ...process.env, SSPS_DATA_DIR: session.server.dataDir, SSPS_OPERATOR: 'Operadora Ejemplo' },
      cwd: projectRoot,
    });
  const openssl = async (...args: string[]) => (await run('openssl', args, { cwd: work })).stdout;

  it('applies, pays by a signed Wompi event, is approved and delivered, downloads a .p12 around a browser-made key, and is listed in the CRL once revoked', async () => {
    const email = 'sebastian.viaje@example.com';
    const context = await session.browser.newContext({ baseURL: session.server.url, acceptDownloads: true });
    const page = await context.newPage();

    // 1. Applying: terms, the e-mail proven by its code, the form with its price, one document.
    await page.goto('/solicitud');
    await page.getByLabel(/Acepto los términos y condiciones/).check();
    await page.getByLabel('Correo electrónico', { exact: true }).fill(email);
    await solveCaptcha(page);
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect.poll(() => mailsTo(email).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const code = / es (\d{6})\./.exec(mailsTo(email).at(-1)!.raw)![1];
    await page.getByLabel('Código de verificación (6 dígitos)').fill(code);
    await page.getByRole('button', { name: 'Confirmar correo' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Datos de la solicitud');
    await page.getByLabel('Ingrese el número de identificación del solicitante').fill('1098765432');
    await page.getByLabel('Nombre completo del solicitante').fill('SEBASTIÁN VIAJE EJEMPLO');
    await page.getByLabel('Teléfono').fill('+57 311 555 0101');
    await page.getByLabel('Tipo de certificado').selectOption({ label: 'Persona Natural' });
    await expect.poll(async () => (await page.locator('.payment').innerText()).replace(/\u00a0/g, ' ')).toContain('$ 190.400');
    await page.getByLabel('Documento de identidad').setInputFiles({ name: 'cedula.pdf', mimeType: 'application/pdf', buffer: await cleanPdf() });
    await expect.poll(() => page.locator('.documents [role="status"]').textContent()).toBe('Cargado: cedula.pdf');
    await page.getByRole('button', { name: 'Radicar solicitud' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Su solicitud fue radicada con éxito');
    const [, requestNumber, orderNumber] = /N° Solicitud (\d+) - Orden Pedido No\. (\d+)/.exec((await page.locator('.notice').textContent())!)!;
    expect((await page.locator('.payment').innerText()).replace(/\u00a0/g, ' ')).toContain(`Referencia de pago: ${orderNumber}`);

    // 2. Paying: the provider's approved transaction, signed as Wompi signs it, for the reference and total the page showed.
    const event = signedWompiEvent({ reference: orderNumber, amountInCents: 190_400 * 100 }, EVENTS_SECRET);
    const paid = await fetch(`${session.server.url}/payments/wompi/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
    expect(paid.status).toBe(200);
    // The same event again changes nothing.
    expect((await fetch(`${session.server.url}/payments/wompi/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) })).status).toBe(200);
    expect((await ops('history', requestNumber)).stdout).toMatch(/verify-payment .*AWAITING_PAYMENT → AWAITING_APPROVAL .*por wompi/);

    // 3. Operators: one approves; delivering is proposed by one and approved by another.
    await ops('approve', requestNumber);
    const proposal = /Propuesta (\d+): deliver/.exec((await ops('deliver', requestNumber)).stdout)![1];
    const serial = /Número de serie ([0-9a-f]{32})/.exec((await ops('approve-proposal', proposal, '--as', 'Supervisor Ejemplo')).stdout)![1];

    // 4. The delivery e-mail's single-use link; the key is made in the browser, the .p12 saved from it.
    await expect.poll(() => mailsTo(email).some((m) => DOWNLOAD_LINK.test(m.raw)), { timeout: 20_000 }).toBe(true);
    const token = DOWNLOAD_LINK.exec(mailsTo(email).find((m) => DOWNLOAD_LINK.test(m.raw))!.raw)![1];
    const sent: string[] = [];
    page.on('request', (r) => sent.push(`${r.url()} ${r.postData() ?? ''}`));
    await page.goto(`/descarga#${token}`);
    await expect.poll(() => page.locator('.notice').first().innerText(), { timeout: 20_000 }).toContain('SEBASTIÁN VIAJE EJEMPLO');
    // Once read, the token leaves the address bar and the history.
    expect(page.url()).not.toContain(token);
    await page.getByLabel('Contraseña del archivo .p12').fill('Viaje-Seguro-2026');
    await page.getByLabel('Repita la contraseña').fill('Viaje-Seguro-2026');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Generar la clave y descargar el certificado' }).click()]);
    const p12 = path.join(work, 'journey.p12');
    await download.saveAs(p12);
    expect(sent.join('\n')).not.toContain('PRIVATE KEY');

    // 5. The file opens with its password and holds the key, the certificate and the CA; the certificate verifies against the CA.
    const opened = await openssl('pkcs12', '-in', p12, '-passin', 'pass:Viaje-Seguro-2026', '-nodes');
    expect(opened).toContain('-----BEGIN PRIVATE KEY-----');
    await expect(openssl('pkcs12', '-in', p12, '-passin', 'pass:otra-clave-123', '-nodes')).rejects.toThrow();
    await run('openssl', ['pkcs12', '-in', p12, '-passin', 'pass:Viaje-Seguro-2026', '-clcerts', '-nokeys', '-out', path.join(work, 'cert.pem')]);
    await run('openssl', ['pkcs12', '-in', p12, '-passin', 'pass:Viaje-Seguro-2026', '-cacerts', '-nokeys', '-out', path.join(work, 'ca.pem')]);
    expect(await openssl('verify', '-CAfile', 'ca.pem', 'cert.pem')).toContain('cert.pem: OK');
    const text = await openssl('x509', '-in', 'cert.pem', '-noout', '-serial', '-subject', '-nameopt', 'utf8,sep_comma_plus_space');
    expect(BigInt(`0x${/serial=([0-9A-F]+)/i.exec(text)![1]}`)).toBe(BigInt(`0x${serial}`));
    expect(text).toContain('C=CO');
    expect(text).toContain('CN=SEBASTIÁN VIAJE EJEMPLO, serialNumber=CC 1098765432');

    // The lookup reads each step as it happened: paid, approved, and downloaded.
    await page.goto('/consulta');
    await lookUp(page, 'Cédula de Ciudadanía', '1098765432');
    await page.getByRole('button', { name: `Ver detalle de la solicitud ${requestNumber}` }).click();
    await expect.poll(() => page.locator('tbody tr').nth(1).innerText(), { timeout: 20_000 }).toContain('Su pago fue verificado con éxito.');
    expect(await page.locator('tbody tr').nth(3).innerText()).toContain('Su certificado de firma digital fue descargado con éxito');

    // 6. Revoked (four eyes again): the CRL named in the certificate lists it, and openssl refuses the certificate with it.
    const revoking = /Propuesta (\d+): revoke/.exec((await ops('revoke', requestNumber, '--reason', 'keyCompromise')).stdout)![1];
    await ops('approve-proposal', revoking, '--as', 'Supervisor Ejemplo');
    const crlUrl = /URI:(\S+)/.exec(await openssl('x509', '-in', 'cert.pem', '-noout', '-ext', 'crlDistributionPoints'))![1];
    expect(new URL(crlUrl).pathname).toBe('/pki/crl');
    const crl = await page.request.get(`${session.server.url}/pki/crl`);
    writeFileSync(path.join(work, 'ssps.crl'), await crl.body());
    const listed = await openssl('crl', '-inform', 'DER', '-in', 'ssps.crl', '-noout', '-text');
    expect([...listed.matchAll(/Serial Number: ([0-9A-F]+)/gi)].some((m) => BigInt(`0x${m[1]}`) === BigInt(`0x${serial}`))).toBe(true);
    await openssl('crl', '-inform', 'DER', '-in', 'ssps.crl', '-out', 'crl.pem');
    const refused = await run('openssl', ['verify', '-crl_check', '-CAfile', 'ca.pem', '-CRLfile', 'crl.pem', 'cert.pem'], { cwd: work }).catch((e: { stdout: string; stderr: string }) => e);
    expect(`${refused.stdout}${refused.stderr}`).toContain('certificate revoked');
    await context.close();
  }, 240_000);
});
