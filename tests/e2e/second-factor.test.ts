import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { browserSession, QUICK_CAPTCHA } from '../support/session.js';
import { expectAccessible, lookUp, screenshot } from '../support/pages.js';

// LOOKUP_SECOND_FACTOR=order-number: the serial number needs the order number too.
describe.runIf(browserAvailable())('the detail behind the order number', () => {
  const session = browserSession({ ...QUICK_CAPTCHA, LOOKUP_SECOND_FACTOR: 'order-number' });

  it('shows only the last digits of the order, asks for it, refuses a wrong one and opens with the right one', async () => {
    const context = await session.browser.newContext({ baseURL: session.server.url });
    const page = await context.newPage();
    await page.goto('/consulta');
    await lookUp(page, 'Cédula de Ciudadanía', '1013592259');
    await expect.poll(() => page.locator('tbody tr td').first().innerText()).toBe('••••43');
    await page.getByRole('button', { name: 'Ver detalle de la solicitud 434070' }).click();
    const orderNumber = page.getByLabel('Orden Pedido No.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('orderNumber');
    await expectAccessible(page, 'order number prompt');
    await screenshot(page, 'order-number-prompt');

    await orderNumber.fill('434044');
    await page.getByRole('button', { name: 'Ver Detalle', exact: true }).click();
    await expect.poll(() => page.locator('.alert').textContent()).toContain('El número de Orden Pedido no corresponde a esta solicitud');
    expect(await page.locator('main').textContent()).not.toContain('3b00cdd4a8d648335efb415e3b273bd8');

    await page.getByRole('button', { name: 'Volver a mis solicitudes' }).click();
    await page.getByRole('button', { name: 'Ver detalle de la solicitud 434070' }).click();
    await page.getByLabel('Orden Pedido No.').fill('434043');
    await page.getByRole('button', { name: 'Ver Detalle', exact: true }).click();
    await expect.poll(() => page.locator('.serial').innerText()).toContain('3b00cdd4a8d648335efb415e3b273bd8');
    await context.close();
  });
});
