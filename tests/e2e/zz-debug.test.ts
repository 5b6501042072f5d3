import { describe, it } from 'vitest';
import { browserSession } from '../support/session.js';

describe('debug', () => {
  const session = browserSession();
  it('dumps', async () => {
    const base = session.server.url.replace('127.0.0.1', 'localhost');
    const context = await session.browser.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
    page.on('response', (r) => { if (r.url().includes('graphql')) void r.text().then((t) => console.log('GQL', r.status(), t.slice(0, 400))); });
    await page.goto(`${base}/operaciones`);
    await page.getByRole('link', { name: 'Ingresar' }).click();
    await page.getByLabel(/^Usuario/).fill('laura');
    await page.getByLabel(/^Contraseña/).fill('operadora-demo');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.waitForTimeout(4000);
    console.log(await page.locator('main').innerText());
    await page.goto(`${base}/operaciones/solicitud/512002`);
    await page.waitForTimeout(4000);
    console.log(await page.locator('main').innerText());
    await page.screenshot({ path: '/tmp/dbg/req.png', fullPage: true });
  }, 120_000);
});
