import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { startCompiledServer } from '../support/process.js';
import { browserSession, QUICK_CAPTCHA } from '../support/session.js';
import { expectAccessible, focused, lookUp, screenshot, solveCaptcha, waitForCaptcha } from '../support/pages.js';

const NUMBER_LABEL = 'Ingrese el número de identificación del solicitante';

interface LookupBody {
  variables: { idType: string; idNumber: string; captchaToken: string };
}

/** Lets the next lookup reach the real server, changed on the way (a replayed token, a bad number). */
async function alterNextLookup(page: Page, change: (body: LookupBody) => void): Promise<void> {
  await page.route(
    '**/graphql',
    async (route: Route) => {
      const body = route.request().postDataJSON() as LookupBody;
      change(body);
      await route.continue({ postData: JSON.stringify(body) });
    },
    { times: 1 },
  );
}

/** For what a test cannot make the server answer (a database that times out): the contract's own shape. */
async function answerNextLookup(page: Page, code: string) {
  await page.route(
    '**/graphql',
    (route: Route) =>
      route.fulfill({
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ errors: [{ message: 'x', extensions: { code } }], data: null }),
      }),
    { times: 1 },
  );
}

async function expectError(page: Page, code: string, message: string) {
  const alert = page.locator('.alert');
  await expect.poll(() => alert.getAttribute('data-code')).toBe(code);
  expect(await alert.textContent()).toContain(message);
  expect(await focused(page)).toMatch(/^div:No fue posible hacer la consulta/);
  // The form keeps what the applicant typed, and the CAPTCHA asks to be solved again.
  expect(await page.getByLabel(NUMBER_LABEL).inputValue()).not.toBe('');
  expect(await page.locator('altcha-widget').evaluate((el) => (el as HTMLElement & { getState(): string }).getState())).not.toBe('verified');
}

describe.runIf(browserAvailable())('errors, keyboard, phone and English', () => {
  const session = browserSession();
  let context: BrowserContext;
  let page: Page;

  beforeEach(async () => {
    context = await session.browser.newContext({ baseURL: session.server.url, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto('/consulta');
  });
  afterEach(async () => {
    await context.close();
  });

  it('asks for the CAPTCHA when it is not solved, without calling the API', async () => {
    await page.getByLabel(NUMBER_LABEL).fill('1013592259');
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expectError(page, 'CAPTCHA_MISSING', 'Marque la casilla "No soy un robot"');
    await expectAccessible(page, 'lookup with an error');
    await screenshot(page, 'lookup-error');
  });

  it('says the CAPTCHA was already used when a spent token comes back (CAPTCHA_REUSED from the server)', async () => {
    let spent = '';
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql')) spent ||= (r.postDataJSON() as LookupBody).variables.captchaToken;
    });
    await lookUp(page, 'Cédula de Ciudadanía', '1013592259');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Nueva consulta' }).click();
    await solveCaptcha(page);
    await alterNextLookup(page, (body) => void (body.variables.captchaToken = spent));
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expectError(page, 'CAPTCHA_REUSED', 'Ese código de seguridad ya se usó en otra consulta.');
  });

  it('says the CAPTCHA is not valid when the server refuses it (CAPTCHA_INVALID)', async () => {
    await page.getByLabel(NUMBER_LABEL).fill('1013592259');
    await solveCaptcha(page);
    await alterNextLookup(page, (body) => void (body.variables.captchaToken = 'forged'));
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expectError(page, 'CAPTCHA_INVALID', 'El código de seguridad no es válido o ya venció.');
  });

  it('explains an ID number the server refuses (BAD_USER_INPUT)', async () => {
    await page.getByLabel(NUMBER_LABEL).fill('1013592259');
    await solveCaptcha(page);
    await alterNextLookup(page, (body) => void (body.variables.idNumber = '12'));
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expectError(page, 'BAD_USER_INPUT', 'Revise el número de identificación: Debe tener entre 3 y 10 caracteres.');
  });

  it('tells how long to wait after too many lookups (RATE_LIMITED, HTTP 429 from a server allowing one lookup per 10 minutes)', async () => {
    const limited = await startCompiledServer({ ...QUICK_CAPTCHA, RATE_LIMIT_LOOKUP_IP: '1/10m' });
    try {
      await page.goto(`${limited.url}/consulta`);
      await lookUp(page, 'Cédula de Ciudadanía', '1013592259');
      await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
      await page.getByRole('button', { name: 'Nueva consulta' }).click();
      await solveCaptcha(page);
      await page.getByRole('button', { name: 'Continuar' }).click();
      await expectError(page, 'RATE_LIMITED', 'Por seguridad, espere 10 minutos antes de intentarlo de nuevo.');
    } finally {
      await limited.stop();
    }
  }, 90_000);

  it('says the service is unavailable (SERVICE_UNAVAILABLE) or unreachable (network)', async () => {
    await page.getByLabel(NUMBER_LABEL).fill('1013592259');
    await solveCaptcha(page);
    await answerNextLookup(page, 'SERVICE_UNAVAILABLE');
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expectError(page, 'SERVICE_UNAVAILABLE', 'El servicio de consulta no está disponible en este momento.');

    await solveCaptcha(page);
    await page.route('**/graphql', (route) => route.abort('connectionrefused'), { times: 1 });
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expectError(page, 'NETWORK', 'No pudimos comunicarnos con el servicio.');
  });

  it('works with the keyboard alone, and moves focus to each new screen', async () => {
    const tabTo = async (pattern: RegExp) => {
      for (let i = 0; i < 15; i++) {
        await page.keyboard.press('Tab');
        if (pattern.test(await focused(page))) return;
      }
      throw new Error(`never reached ${pattern} with Tab (at ${await focused(page)})`);
    };
    await tabTo(/^select/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await tabTo(/^input\[text\]/);
    await page.keyboard.type('1013592259');
    await tabTo(/^input\[checkbox\]/); // the widget's "No soy un robot"
    await page.keyboard.press('Space');
    await waitForCaptcha(page);
    await tabTo(/^button:Continuar/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^h1#results-title:CÉDULA DE CIUDADANÍA: 1013592259/);
    await tabTo(/^button:Ver Detalle/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^h1#detail-title:DETALLE SOLICITUD/);
    await tabTo(/^button:Volver a mis solicitudes/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^h1#results-title/);
  });

  it('fits a 360 px phone: rows become cards, nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await lookUp(page, 'Cédula de Ciudadanía', '71234567');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    // Each value is shown beside its column's name.
    expect(await page.locator('tbody tr').first().locator('td').first().evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Orden Pedido No."');
    await expectAccessible(page, 'results on a phone');
    await screenshot(page, 'results-phone');
    await page.getByRole('button', { name: 'Ver detalle de la solicitud 503377' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(5);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'detail on a phone');
    await screenshot(page, 'detail-phone');
  });

  it('switches to English and back, everywhere', async () => {
    await page.getByRole('button', { name: 'Ver el sitio en inglés' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('STATUS OF YOUR DIGITAL SIGNATURE CERTIFICATE REQUEST');
    await expect.poll(() => page.locator('altcha-widget').textContent()).toContain("I'm not a robot");
    await page.getByLabel('Enter the applicant’s ID number').fill('1013592259');
    await solveCaptcha(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('thead th').allTextContents()).toEqual([
      'Order No.', 'Request No.', 'Issued on', 'Holder', 'Company', 'Project', 'Certificate type', 'Status', 'Detail',
    ]);
    expect(await page.locator('tbody td:nth-child(8)').innerText()).toBe('Completed');
    await expectAccessible(page, 'results in English');
    await screenshot(page, 'results-en');
    await page.getByRole('button', { name: 'Ver el sitio en español' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es-CO');
  });
});
