import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { browserSession } from '../support/session.js';
import { expectAccessible, focused, lookUp, screenshot, solveCaptcha } from '../support/pages.js';

const MANUAL_NAME = 'CARLOS ANDRÉS EJEMPLO DÍAZ';

// The manual's section 4, followed in Debian's Chromium against the compiled server on its demo data.
describe.runIf(browserAvailable())('the applicant\'s pages', () => {
  const session = browserSession();
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await session.browser.newContext({ baseURL: session.server.url, viewport: { width: 1280, height: 900 }, locale: 'es-CO' });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
  });

  it('follows the manual: home, lookup of CC 1013592259, the table, Ver Detalle, the serial and the five steps', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es-CO');
    await expectAccessible(page, 'home');
    await screenshot(page, 'home');
    await page.getByRole('link', { name: 'Conozca el estado del trámite de su firma' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ESTADO DEL TRAMITE DE SU CERTIFICADO DE FIRMA DIGITAL');
    const body = await page.locator('main').textContent();
    expect(body).toContain('Para conocer más información acerca del estado de su solicitud, ingrese el tipo y número de identificación del solicitante');
    expect(await page.getByLabel('Seleccione el tipo de identificación').locator('option').first().textContent()).toBe('Cédula de Ciudadanía');
    await expect.poll(() => page.locator('altcha-widget').textContent()).toContain('No soy un robot');
    await expectAccessible(page, 'lookup');
    await screenshot(page, 'lookup');

    await lookUp(page, 'Cédula de Ciudadanía', '1013592259');
    const header = page.getByRole('heading', { level: 1 });
    await expect.poll(() => header.textContent()).toBe(`CÉDULA DE CIUDADANÍA: 1013592259 - ${MANUAL_NAME}`);
    expect(await focused(page)).toMatch(/^h1#results-title:CÉDULA DE CIUDADANÍA: 1013592259/);
    expect(await page.locator('main').textContent()).toContain('Nota: para conocer más información del estado de su solicitud, haga clic en "Ver Detalles"');
    expect(await page.locator('thead th').allTextContents()).toEqual([
      'Orden Pedido No.', 'N° Solicitud', 'Fecha emisión', 'Nombre del titular', 'Empresa', 'Proyecto', 'Tipo de certificado', 'Estado', 'Detalle',
    ]);
    expect(await page.locator('tbody tr').first().locator('th, td').allInnerTexts()).toEqual([
      '434043', '434070', '03/08/2016', MANUAL_NAME, 'CERTICAMARA PRUEBAS 2016', 'OTROS', 'Profesional Titulado', 'Trámite finalizado', 'Ver Detalle',
    ]);
    await expectAccessible(page, 'results');
    await screenshot(page, 'results');

    await page.getByRole('button', { name: 'Ver detalle de la solicitud 434070' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('DETALLE SOLICITUD');
    const main = page.locator('main');
    expect(await main.textContent()).toContain(`SOLICITUD NÚMERO 434070 - ${MANUAL_NAME}`);
    expect((await page.locator('.serial').innerText()).replace(/\s+/g, ' ')).toContain('NÚMERO DE SERIE - 3b00cdd4a8d648335efb415e3b273bd8');
    expect(await page.locator('thead th').allTextContents()).toEqual(['Pasos', 'Descripción', 'Modificado', 'Información', 'Estado']);
    const rows = await page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
    expect(rows).toEqual([
      ['Paso1', 'Radicación de documentos', '01/08/2016', 'Su solicitud fue radicada con éxito.', 'Trámite finalizado'],
      ['Paso2', 'Verificación de pago', '02/08/2016', 'Su pago fue verificado con éxito.', 'Trámite finalizado'],
      ['Paso3', 'Aprobación de solicitud', '02/08/2016', 'Su solicitud fue aprobada con éxito.', 'Trámite finalizado'],
      ['Paso4', 'Entrega de certificado', '03/08/2016', 'Su certificado de firma digital fue descargado con éxito', 'Trámite finalizado'],
      ['Vigencia', '', '04/10/2016', 'Su certificado de firma digital ha sido revocado.', 'Revocado'],
    ]);
    expect(await main.textContent()).toContain('NOTA: Para que su trámite finalice exitosamente y pueda recibir su certificado, todos los pasos deben estar finalizados - su trámite tarda entre cinco y ocho días hábiles');
    expect(await page.locator('footer').textContent()).toBe('Cualquier inquietud adicional comuníquese a nuestro Call Center en Bogotá: 7442727 - Línea Gratuita Nacional: 018000181531');

    await page.getByRole('button', { name: 'Copiar el número de serie' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'copiado' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('3b00cdd4a8d648335efb415e3b273bd8');
    await expectAccessible(page, 'detail');
    await screenshot(page, 'detail');

    await page.getByRole('button', { name: 'Volver a mis solicitudes' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
  }, 90_000);

  it('reads the detail once for each click on Ver Detalle, and serves pages without X-Powered-By', async () => {
    const answer = await page.goto('/consulta');
    expect(answer?.headers()['x-powered-by']).toBeUndefined();
    const detailReads: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && r.postData()?.includes('requestDetail')) detailReads.push(r.method());
    });
    await lookUp(page, 'Cédula de Ciudadanía', '1013592259');
    const serial = page.locator('.serial code');
    for (const clicks of [1, 2]) {
      await page.getByRole('button', { name: 'Ver detalle de la solicitud 434070' }).click();
      await expect.poll(() => serial.count()).toBe(1);
      // Long enough for a second read, had the page sent one, to leave.
      await page.waitForTimeout(1_000);
      expect(detailReads).toEqual(Array(clicks).fill('POST'));
      await page.getByRole('button', { name: 'Volver a mis solicitudes' }).click();
    }
  });

  it('says so, with the manual\'s words and link, when nobody has requests (CC 14444524), and Salir keeps what was typed', async () => {
    await page.goto('/consulta');
    await lookUp(page, 'Cédula de Ciudadanía', '14444524');
    const notice = page.locator('.notice');
    await expect.poll(() => notice.textContent()).toBe(
      'Con los datos de consulta no se encuentra registrado ningún trámite ante Certicámara S.A., para iniciar su trámite de adquisición de certificado de firma digital ingrese Aquí',
    );
    expect(await notice.getByRole('link', { name: 'Aquí' }).getAttribute('href')).toBe('/solicitud');
    await expectAccessible(page, 'no requests');
    await screenshot(page, 'no-requests');
    await page.getByRole('button', { name: 'Salir' }).click();
    expect(await page.getByLabel('Ingrese el número de identificación del solicitante').inputValue()).toBe('14444524');
  });

  it('checks the ID number as it is typed, next to the field', async () => {
    await page.goto('/consulta');
    const input = page.getByLabel('Ingrese el número de identificación del solicitante');
    await input.fill('10135A');
    await expect.poll(() => page.locator('.field__error').textContent()).toBe('Escriba solo números, sin letras, guiones ni otros signos.');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.getAttribute('aria-describedby')).toContain(await page.locator('.field__error').getAttribute('id'));
    await input.fill('1013592259');
    await expect.poll(() => page.locator('.field__error').count()).toBe(0);

    await page.getByLabel('Seleccione el tipo de identificación').selectOption({ label: 'NIT' });
    await input.fill('900123456-7');
    await expect.poll(() => page.locator('.field__error').textContent()).toContain('El dígito de verificación no corresponde');
    await screenshot(page, 'lookup-invalid-id');
    await input.fill('900.123.456-8');
    await expect.poll(() => page.locator('.field__error').count()).toBe(0);

    // Pressing Continuar with a wrong number sends nothing and returns to the field.
    await input.fill('12');
    const requests: string[] = [];
    page.on('request', (r) => r.url().endsWith('/graphql') && requests.push(r.url()));
    await page.getByRole('button', { name: 'Continuar' }).click();
    expect(await focused(page)).toMatch(/^input/);
    expect(requests).toEqual([]);
  });

  it('finds a company by NIT and shows each of its requests\' states', async () => {
    await page.goto('/consulta');
    await lookUp(page, 'NIT', '900123456-8');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('NIT: 900123456-8 - COMERCIALIZADORA EJEMPLO S.A.S.');
    expect(await page.locator('tbody tr td:nth-child(8)').allInnerTexts()).toEqual(['Cancelada', 'Trámite finalizado']);
  });

  it('goes Back from a detail to the results and from the results to the form with what was typed, without a new CAPTCHA, and no ID number in any URL', async () => {
    await page.goto('/consulta');
    const lookups: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && r.postData()?.includes('certificateRequests')) lookups.push(r.url());
    });
    const urls: string[] = [];
    page.on('framenavigated', (frame) => frame === page.mainFrame() && urls.push(frame.url()));
    await lookUp(page, 'Cédula de Ciudadanía', '1013592259');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Ver detalle de la solicitud 434070' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('DETALLE SOLICITUD');
    urls.push(page.url());

    await page.goBack();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`CÉDULA DE CIUDADANÍA: 1013592259 - ${MANUAL_NAME}`);
    urls.push(page.url());
    await page.goBack();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ESTADO DEL TRAMITE DE SU CERTIFICADO DE FIRMA DIGITAL');
    expect(await page.getByLabel('Ingrese el número de identificación del solicitante').inputValue()).toBe('1013592259');
    // Forward again: the results come back from this tab's storage, without a new CAPTCHA or lookup.
    await page.goForward();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Ver detalle de la solicitud 434070' }).click();
    await expect.poll(() => page.locator('.serial code').textContent()).toBe('3b00cdd4a8d648335efb415e3b273bd8');
    expect(lookups).toHaveLength(1);
    urls.push(page.url());
    expect(urls.filter((u) => /1013592259|434070|CC/.test(u))).toEqual([]);
    expect(new Set(urls.map((u) => new URL(u).pathname + new URL(u).search))).toEqual(new Set(['/consulta']));

    // Once the lookup's handles have expired, Back leads to the form with a clear message.
    const expiredLookup = await page.evaluate(() => {
      const saved = JSON.parse(sessionStorage.getItem('ssps.consulta')!);
      saved.lookup.handlesExpireAt = new Date(Date.now() - 1000).toISOString();
      sessionStorage.setItem('ssps.consulta', JSON.stringify(saved));
      return JSON.stringify(saved);
    });
    await page.goBack();
    await expect.poll(() => page.locator('.alert').textContent()).toContain('Su consulta anterior venció');
    expect(await page.getByLabel('Ingrese el número de identificación del solicitante').inputValue()).toBe('1013592259');
    expect(await page.evaluate(() => sessionStorage.getItem('ssps.consulta'))).toBeNull();
    // An expired lookup left in the tab refills nothing on a reload of the form, and is dropped.
    await page.evaluate((saved) => sessionStorage.setItem('ssps.consulta', saved), expiredLookup);
    await page.reload();
    await expect.poll(() => page.getByLabel('Seleccione el tipo de identificación').isVisible()).toBe(true);
    expect(await page.getByLabel('Ingrese el número de identificación del solicitante').inputValue()).toBe('');
    expect(await page.evaluate(() => sessionStorage.getItem('ssps.consulta'))).toBeNull();
  });

  it('keeps the form above the manual\'s sentence when nobody has requests, and the hint follows the chosen type', async () => {
    await page.goto('/consulta');
    const hint = page.locator('.field__hint');
    expect(await hint.textContent()).toBe('Solo números, sin puntos, de 3 a 10 dígitos.');
    await page.getByLabel('Seleccione el tipo de identificación').selectOption({ label: 'Pasaporte' });
    expect(await hint.textContent()).toBe('Letras y números, sin espacios ni guiones, de 3 a 20 caracteres.');
    await page.getByLabel('Seleccione el tipo de identificación').selectOption({ label: 'Cédula de Ciudadanía' });

    await lookUp(page, 'Cédula de Ciudadanía', '14444524');
    const notice = page.locator('.notice');
    await expect.poll(() => notice.count()).toBe(1);
    const formBox = (await page.locator('form').boundingBox())!;
    const noticeBox = (await notice.boundingBox())!;
    expect(formBox.y + formBox.height).toBeLessThanOrEqual(noticeBox.y);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('ESTADO DEL TRAMITE DE SU CERTIFICADO DE FIRMA DIGITAL');
    // The CAPTCHA's check box is a square.
    const box = (await page.locator('altcha-widget input[type="checkbox"]').boundingBox())!;
    expect(Math.abs(box.width - box.height)).toBeLessThan(2);
  });

  it('closes a rejected request\'s remaining steps and links to a new request (CC 39876543)', async () => {
    await page.goto('/consulta');
    await lookUp(page, 'Cédula de Ciudadanía', '39876543');
    await page.getByRole('button', { name: /^Ver detalle de la solicitud/ }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('DETALLE SOLICITUD');
    const rows = await page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
    expect(rows.slice(3).map((r) => [r[3], r[4]])).toEqual([
      ['No aplica: la solicitud fue rechazada.', 'No aplica'],
      ['No aplica: la solicitud fue rechazada.', 'No aplica'],
    ]);
    expect(await page.locator('main').textContent()).not.toContain('pendiente de entrega');
    expect(await page.getByRole('link', { name: 'inicie una nueva solicitud' }).getAttribute('href')).toBe('/solicitud');
    await expectAccessible(page, 'rejected detail');
    await screenshot(page, 'detail-rejected');
  });

  it('reads the steps in English for an English reader', async () => {
    await context.addCookies([{ name: 'ssps-lang', value: 'en', url: session.server.url }]);
    await page.goto('/consulta');
    await page.getByLabel('Select the ID type').selectOption({ value: 'CC' });
    await page.getByLabel('Enter the applicant’s ID number').fill('1013592259');
    await solveCaptcha(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: /434070/ }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(5);
    const information = await page.locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(information.map((t) => t.trim())).toEqual([
      'Your request was filed successfully.',
      'Your payment was verified successfully.',
      'Your request was approved successfully.',
      'Your digital signature certificate was downloaded successfully',
      'Your digital signature certificate has been revoked.',
    ]);
    await screenshot(page, 'detail-en');
  });
});
