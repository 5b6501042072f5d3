import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite from 'better-sqlite3';
import { RenewalLinks } from '../../server/certificates/expiry-reminders.js';
import { projectRoot } from '../../server/paths.js';
import { browserAvailable } from '../support/browser.js';
import { expectAccessible, lookUp, screenshot, solveCaptcha } from '../support/pages.js';
import { freePort } from '../support/process.js';
import { browserSession, QUICK_CAPTCHA } from '../support/session.js';
import { startSmtpPeer } from '../support/smtp.js';

const run = promisify(execFile);
const LINK = /\/descarga#([A-Za-z0-9_-]{43})/;

// Deliver, open the e-mailed link, make the key in the browser, save the .p12, open it with openssl; then revoke and read the CRL.
describe.runIf(browserAvailable())('getting the certificate in the browser', async () => {
  const smtpPort = await freePort();
  const session = browserSession({ ...QUICK_CAPTCHA, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  const work = mkdtempSync(path.join(os.tmpdir(), 'ssps-p12-'));
  beforeAll(async () => {
    smtp = await startSmtpPeer(smtpPort);
  });
  afterAll(async () => {
    await smtp?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const ops = (...args: string[]) =>
    run(process.execPath, [path.join(projectRoot, 'dist/server/lifecycle/ops-cli.js'), ...args], {
      env: { ...process.env, SSPS_DATA_DIR: session.server.dataDir, SSPS_OPERATOR: 'Operadora Ejemplo' },
      cwd: projectRoot,
    });
  const openssl = async (...args: string[]) => (await run('openssl', args, { cwd: work })).stdout;

  it('downloads a PKCS#12 made around a key the browser generated; openssl opens it; Paso4 then says it was downloaded; revoked, the CRL lists it (scenario delivery-pending)', async () => {
    const proposal = /Propuesta (\d+): deliver/.exec((await ops('deliver', '512004')).stdout)![1];
    const serial = /Número de serie ([0-9a-f]{32})/.exec((await ops('approve-proposal', proposal, '--as', 'Supervisor Ejemplo')).stdout)![1];
    await expect.poll(() => smtp.received.filter((m) => m.to.includes('diego.ficticio@example.com') && LINK.test(m.raw)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const token = LINK.exec(smtp.received.filter((m) => m.to.includes('diego.ficticio@example.com') && LINK.test(m.raw)).at(-1)!.raw)![1];

    const context = await session.browser.newContext({ baseURL: session.server.url, acceptDownloads: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.url()} ${r.postData() ?? ''}`));
    await page.goto(`/descarga#${token}`);
    await expect.poll(() => page.locator('.notice').first().innerText(), { timeout: 20_000 }).toContain('DIEGO ALEJANDRO FICTICIO LÓPEZ');
    expect(page.url()).not.toContain(token);
    expect(await page.getByLabel(/RSA 2048 bits/).isChecked()).toBe(true);
    await page.getByLabel('Contraseña del archivo .p12').fill('Clave-Segura-2026');
    await page.getByLabel('Repita la contraseña').fill('Clave-Distinta-2026');
    await page.getByRole('button', { name: 'Generar la clave y descargar el certificado' }).click();
    await expect.poll(() => page.locator('.alert').textContent()).toContain('Las contraseñas no coinciden.');
    await page.getByLabel('Repita la contraseña').fill('Clave-Segura-2026');
    await expectAccessible(page, 'download');
    await screenshot(page, 'download');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Generar la clave y descargar el certificado' }).click()]);
    expect(download.suggestedFilename()).toBe('certificado-512004.p12');
    const file = path.join(work, 'certificado.p12');
    await download.saveAs(file);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).allTextContents()).toContain('Su certificado fue descargado con éxito');
    await screenshot(page, 'download-done');

    // The key never left the browser: only a CSR went out, and the token only in a POST body.
    const sent = requests.join('\n');
    expect(sent).not.toContain('PRIVATE KEY');
    expect(sent).toContain('CERTIFICATE REQUEST');
    expect(requests.filter((r) => r.split(' ')[0].includes(token))).toEqual([]);

    const opened = await openssl('pkcs12', '-in', file, '-passin', 'pass:Clave-Segura-2026', '-nodes');
    expect(opened).toContain('-----BEGIN PRIVATE KEY-----');
    expect(opened.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    await run('openssl', ['pkcs12', '-in', file, '-passin', 'pass:Clave-Segura-2026', '-clcerts', '-nokeys', '-out', path.join(work, 'cert.pem')]);
    const text = await openssl('x509', '-in', 'cert.pem', '-noout', '-serial', '-subject', '-nameopt', 'utf8,sep_comma_plus_space');
    expect(BigInt(`0x${/serial=([0-9A-F]+)/i.exec(text)![1]}`)).toBe(BigInt(`0x${serial}`));
    expect(text).toContain('CN=DIEGO ALEJANDRO FICTICIO LÓPEZ, serialNumber=CC 1020304050');

    // The lookup: Paso4 now truly says it was downloaded.
    await page.goto('/consulta');
    await lookUp(page, 'Cédula de Ciudadanía', '1020304050');
    await page.getByRole('button', { name: 'Ver detalle de la solicitud 512004' }).click();
    await expect.poll(() => page.locator('tbody tr').nth(3).innerText(), { timeout: 20_000 }).toContain('Su certificado de firma digital fue descargado con éxito');

    // Revoked: the CRL the certificate names lists its serial.
    const revoking = /Propuesta (\d+): revoke/.exec((await ops('revoke', '512004', '--reason', 'keyCompromise')).stdout)![1];
    await ops('approve-proposal', revoking, '--as', 'Supervisor Ejemplo');
    const crl = await page.request.get(`${session.server.url}/pki/crl`);
    expect(crl.headers()['content-type']).toBe('application/pkix-crl');
    writeFileSync(path.join(work, 'ssps.crl'), await crl.body());
    const listed = await openssl('crl', '-inform', 'DER', '-in', 'ssps.crl', '-noout', '-text');
    expect([...listed.matchAll(/Serial Number: ([0-9A-F]+)/gi)].some((m) => BigInt(`0x${m[1]}`) === BigInt(`0x${serial}`))).toBe(true);
    await context.close();
  }, 180_000);

  it("pre-fills a renewal from a reminder's link: the e-mail, then the applicant's type, document, name, company and project (scenario valid-passport)", async () => {
    // The link a reminder carries, sealed with this server's secret for request 512006.
    const db = new BetterSqlite(path.join(session.server.dataDir, 'ssps.sqlite'), { readonly: true });
    const { id } = db.prepare('SELECT id FROM certificate_request WHERE request_number = 512006').get() as { id: number };
    db.close();
    const token = new RenewalLinks(readFileSync(path.join(session.server.dataDir, 'secret'), 'utf8').trim()).token(id);

    const context = await session.browser.newContext({ baseURL: session.server.url });
    const page = await context.newPage();
    await page.goto(`/solicitud#renovar=${token}`);
    await expect.poll(() => page.getByLabel('Correo electrónico', { exact: true }).inputValue(), { timeout: 20_000 }).toBe('john.example@example.com');
    // Read once, the token leaves the address bar and the history.
    expect(page.url()).not.toContain(token);
    await page.getByLabel(/Acepto los términos y condiciones/).check();
    await solveCaptcha(page);
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect.poll(() => smtp.received.filter((m) => m.to.includes('john.example@example.com') && / es (\d{6})\./.test(m.raw)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const code = / es (\d{6})\./.exec(smtp.received.filter((m) => m.to.includes('john.example@example.com')).at(-1)!.raw)![1];
    await page.getByLabel('Código de verificación (6 dígitos)').fill(code);
    await page.getByRole('button', { name: 'Confirmar correo' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Datos de la solicitud');
    expect(await page.locator('input[name="idNumber"]').inputValue()).toBe('AB123456');
    expect(await page.locator('input[name="fullName"]').inputValue()).toBe('JOHN EXAMPLE SMITH');
    expect(await page.locator('input[name="company"]').inputValue()).toBe('EXAMPLE TRADING COLOMBIA S.A.S.');
    expect(await page.locator('input[name="project"]').inputValue()).toBe('COMERCIO EXTERIOR');
    expect(await page.getByLabel('Tipo de certificado').inputValue()).toBe('REPRESENTANTE_LEGAL');
    await context.close();
  }, 120_000);

  it('says so when a renewal link no longer opens, and leaves the form to fill in', async () => {
    const context = await session.browser.newContext({ baseURL: session.server.url });
    const page = await context.newPage();
    // The shape of a renewal token, sealed by nobody (or expired, or its certificate revoked: one answer).
    const token = 'A'.repeat(43);
    await page.goto(`/solicitud#renovar=${token}`);
    await expect.poll(() => page.locator('.alert[role="alert"]').textContent(), { timeout: 20_000 }).toContain('El enlace de renovación no es válido o venció');
    expect(await page.getByLabel('Correo electrónico', { exact: true }).inputValue()).toBe('');
    expect(page.url()).not.toContain(token);
    await context.close();
  }, 60_000);
});
