import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { expectAccessible } from '../support/pages.js';
import { browserSession } from '../support/session.js';

// The npm start defaults: no OIDC_ISSUER, so the console signs in through the development provider.
describe.runIf(browserAvailable())("signing in to the operators' console", () => {
  const session = browserSession();

  it('signs the demo operator in through the development provider, shows her name and roles, and signs her out', async () => {
    // The default SSPS_PUBLIC_URL is http://localhost:<port>: the console is reached there.
    const base = session.server.url.replace('127.0.0.1', 'localhost');
    const context = await session.browser.newContext({ locale: 'es-CO' });
    const page = await context.newPage();
    try {
      await page.goto(`${base}/operaciones`);
      await page.getByRole('link', { name: 'Ingresar' }).click();

      await page.getByLabel(/^Usuario/).fill('laura');
      await page.getByLabel(/^Contraseña/).fill('operadora-demo');
      await page.getByRole('button', { name: 'Ingresar' }).click();

      await expect.poll(() => page.url()).toBe(`${base}/operaciones`);
      await expect.poll(() => page.getByText('Sesión iniciada como Laura Operadora').isVisible()).toBe(true);
      await expect.poll(() => page.getByText('Roles: Operador').isVisible()).toBe(true);
      await expectAccessible(page, 'console signed in');
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === 'ssps-console')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

      await page.getByRole('button', { name: 'Salir' }).click();
      await expect.poll(() => page.getByRole('link', { name: 'Ingresar' }).isVisible()).toBe(true);
      expect((await context.cookies()).find((c) => c.name === 'ssps-console')).toBeUndefined();
    } finally {
      await context.close();
    }
  });
});
