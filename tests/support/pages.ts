import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { projectRoot } from '../../server/paths.js';

/** Ticks "No soy un robot" and waits until the widget has solved its proof of work. */
export async function solveCaptcha(page: Page): Promise<void> {
  await page.locator('altcha-widget input[type="checkbox"]').click();
  await waitForCaptcha(page);
}

export async function waitForCaptcha(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('altcha-widget').evaluate((el) => (el as HTMLElement & { getState(): string }).getState()), { timeout: 20_000 })
    .toBe('verified');
}

/** Fills the lookup form as an applicant does and presses "Continuar". */
export async function lookUp(page: Page, idTypeLabel: string, idNumber: string): Promise<void> {
  await page.getByLabel('Seleccione el tipo de identificación').selectOption({ label: idTypeLabel });
  await page.getByLabel('Ingrese el número de identificación del solicitante').fill(idNumber);
  await solveCaptcha(page);
  await page.getByRole('button', { name: 'Continuar' }).click();
}

/** axe-core on the page as it stands: no serious or critical violation is acceptable. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const grave = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(grave).toEqual([]);
}

const SHOTS = path.join(projectRoot, 'docs/screenshots');

/**
 * Every screen is photographed on every run (a broken render fails here too); the files
 * under docs/screenshots/ are rewritten only with UPDATE_SCREENSHOTS=1 (npm run screenshots).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const buffer = await page.screenshot({ fullPage: true });
  expect(buffer.length).toBeGreaterThan(1_000);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ fullPage: true, path: path.join(SHOTS, `${name}.png`) });
  }
}

/** What the element with focus is, for keyboard and focus-management checks. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const type = el instanceof HTMLInputElement ? `[${el.type}]` : '';
    return `${el.tagName.toLowerCase()}${type}${el.id ? `#${el.id}` : ''}:${(el.textContent ?? '').trim().slice(0, 60)}`;
  });
}
