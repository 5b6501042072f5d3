import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { browserSession } from '../support/session.js';

// Next 16's build output no longer prints first-load JS, so the lookup page is weighed here,
// in the browser, as the bytes that travel (gzip) — the figure the README reports.
const FIRST_LOAD_BUDGET_KB = 160;
const WIDGET_BUDGET_KB = 50;

describe.runIf(browserAvailable())('the lookup page\'s JavaScript', () => {
  const session = browserSession({});

  it(`ships at most ${FIRST_LOAD_BUDGET_KB} kB (gzip) before it is interactive, and the CAPTCHA widget after`, async () => {
    const page = await session.browser.newPage();
    const scripts = new Map<string, number>();
    page.on('requestfinished', async (request) => {
      if (request.resourceType() === 'script') scripts.set(new URL(request.url()).pathname, (await request.sizes()).responseBodySize);
    });
    const html = await (await page.goto(`${session.server.url}/consulta`, { waitUntil: 'networkidle' }))!.text();
    await page.locator('altcha-widget').waitFor();
    const kb = (paths: string[]) => Math.round(paths.reduce((sum, p) => sum + (scripts.get(p) ?? 0), 0) / 1024);
    const all = [...scripts.keys()];
    const firstLoad = all.filter((p) => html.includes(p));
    const later = all.filter((p) => !html.includes(p));
    const weights = { firstLoadKb: kb(firstLoad), widgetKb: kb(later), files: { firstLoad: firstLoad.length, later: later.length } };
    console.log(`lookup page JS (gzip): ${JSON.stringify(weights)}`);
    expect(firstLoad.length).toBeGreaterThan(0);
    expect(weights.firstLoadKb).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_KB);
    expect(weights.widgetKb).toBeLessThanOrEqual(WIDGET_BUDGET_KB);
    await page.close();
  });
});
