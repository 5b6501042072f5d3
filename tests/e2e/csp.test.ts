import type { BrowserContext, Page, Response } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { browserSession } from '../support/session.js';
import { lookUp } from '../support/pages.js';

const MANUAL_NAME = 'CARLOS ANDRÉS EJEMPLO DÍAZ';

/** The policy's directives by name, e.g. `script-src` → ["'self'", "'nonce-…'", …]. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

/** Checks the page's policy and returns its nonce. */
function pageNonce(response: Response | null): string {
  expect(response?.status()).toBe(200);
  const headers = response?.headers() ?? {};
  // What governs a document rides on every page (and on no API answer: http-security.test.ts).
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toMatch(/(^|, )camera=\(\), microphone=\(\), geolocation=\(\)/);
  const policy = headers['content-security-policy'] ?? '';
  const d = directives(policy);
  const scripts = d.get('script-src') ?? [];
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(d.get('base-uri')).toEqual(["'none'"]);
  const nonces = scripts.map((s) => /^'nonce-(.+)'$/.exec(s)?.[1]).filter((n) => n !== undefined);
  expect(nonces).toHaveLength(1);
  expect(Buffer.from(nonces[0], 'base64')).toHaveLength(16);
  return nonces[0];
}

/** The `<script>` tags of the HTML exactly as the server sent it. */
async function servedScripts(response: Response): Promise<string[]> {
  return (await response.text()).match(/<script\b[^>]*>/g) ?? [];
}

// The pages under the policy, in Debian's Chromium against the compiled server: Next.js's
// scripts must run by nonce alone, and ALTCHA's worker and styles must not be refused.
describe.runIf(browserAvailable())('Content-Security-Policy on the pages', () => {
  const session = browserSession();
  let context: BrowserContext;
  let page: Page;
  let violations: string[];

  beforeEach(async () => {
    context = await session.browser.newContext({ baseURL: session.server.url, viewport: { width: 1280, height: 900 }, locale: 'es-CO' });
    violations = [];
    // Reported through a CDP binding, so the policy under test cannot silence the report.
    await context.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Refused to|Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
    });
  });
  afterEach(async () => {
    await context.close();
  });

  it('gives every page load its own nonce, and Next.js stamps it on every script it renders', async () => {
    for (const path of ['/', '/consulta']) {
      const first = await page.goto(path);
      const nonce = pageNonce(first);
      const scripts = await servedScripts(first!);
      expect(scripts.length, path).toBeGreaterThan(3);
      expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`)), path).toEqual([]);

      const second = await page.goto(path);
      expect(pageNonce(second), path).not.toBe(nonce);
    }
    // The pages ran: the lookup form hydrated and ALTCHA's script loaded on demand.
    await expect.poll(() => page.locator('altcha-widget').textContent()).toContain('No soy un robot');
    expect(violations).toEqual([]);
  });

  it('refuses a script injected into the markup without the nonce, as an XSS would be, and reports it', async () => {
    await page.route('**/consulta', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('</main>', '<script>window.injected = true</script></main>');
      await route.fulfill({ response, body: html });
    });
    await page.goto('/consulta');
    await expect.poll(() => violations.filter((v) => v.startsWith('script-src')).length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    // Next.js's own scripts still ran: the form hydrated.
    await expect.poll(() => page.locator('altcha-widget').count()).toBe(1);
  });

  it('runs the lookup of CC 1013592259 and its detail, ALTCHA\'s blob: worker included, without one violation', async () => {
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto('/consulta');
    await lookUp(page, 'Cédula de Ciudadanía', '1013592259');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`CÉDULA DE CIUDADANÍA: 1013592259 - ${MANUAL_NAME}`);
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every((url) => url.startsWith('blob:'))).toBe(true);

    await page.getByRole('button', { name: 'Ver detalle de la solicitud 434070' }).click();
    await expect.poll(() => page.locator('.serial').innerText()).toContain('3b00cdd4a8d648335efb415e3b273bd8');
    expect(violations).toEqual([]);
  });
});
