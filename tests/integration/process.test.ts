import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { solvedToken } from '../support/captcha.js';
import { MAIN, runServer, startCompiledServer, tempDir } from '../support/process.js';

describe.runIf(existsSync(MAIN) || process.env.CI === 'true')('the compiled server', () => {
  it('starts on an empty embedded database with the demo data, serves page and API on one port, and stops cleanly', async () => {
    const server = await startCompiledServer({ CAPTCHA_COST: '50', CAPTCHA_MAX_COUNTER: '20' });
    try {
      const base = server.url;
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html lang="es-CO"');
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query ($t: String) { certificateRequests(idType: CC, idNumber: "1013592259", captchaToken: $t) { requests { requestNumber } } }',
          variables: { t: await solvedToken(base) },
        }),
      });
      expect(await res.json()).toEqual({ data: { certificateRequests: { requests: [{ requestNumber: '434070' }] } } });
      expect(existsSync(path.join(server.dataDir, 'ssps.sqlite'))).toBe(true);
      expect(existsSync(path.join(server.dataDir, 'secret'))).toBe(true);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it.each([
    [{ DATABASE_URL: 'postgres://db/ssps' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'production' }, 'SSPS_SECRET'],
    [{ NODE_ENV: 'production', SSPS_SECRET: 'short' }, 'SSPS_SECRET'],
  ])('refuses %j with one line naming %s', async (env, variable) => {
    const data = tempDir();
    const proc = runServer({ PORT: '0', SSPS_DATA_DIR: data.dir, ...env });
    expect(await proc.exited).toBe(1);
    data.remove();
    const lines = proc.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: .*${variable}`));
  });
});
