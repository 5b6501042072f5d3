import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/paths.js';
import { solvedToken } from '../support/captcha.js';

// The compiled server exactly as `npm start` runs it (`npm test` builds it first).
const MAIN = path.join(projectRoot, 'dist/server/main.js');
const dirs: string[] = [];

function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssps-proc-'));
  dirs.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

function run(env: Record<string, string>) {
  const childEnv = { ...process.env };
  Reflect.deleteProperty(childEnv, 'NODE_ENV');
  Object.assign(childEnv, { LOG_LEVEL: 'info' }, env);
  const child = spawn(process.execPath, [MAIN], { cwd: projectRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(existsSync(MAIN) || process.env.CI === 'true')('the compiled server', () => {
  it('starts on an empty embedded database with the demo data, serves page and API on one port, and stops cleanly', async () => {
    const dir = tempDir();
    const port = await freePort();
    const proc = run({ PORT: String(port), HOST: '127.0.0.1', SSPS_DATA_DIR: dir, CAPTCHA_COST: '50', CAPTCHA_MAX_COUNTER: '20' });
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 100 && !(await fetch(`${base}/readyz`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
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
      expect(existsSync(path.join(dir, 'ssps.sqlite'))).toBe(true);
      expect(existsSync(path.join(dir, 'secret'))).toBe(true);
    } finally {
      proc.child.kill('SIGTERM');
    }
    expect(await proc.exited).toBe(0);
  });

  it.each([
    [{ DATABASE_URL: 'postgres://db/ssps' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'production' }, 'SSPS_SECRET'],
    [{ NODE_ENV: 'production', SSPS_SECRET: 'short' }, 'SSPS_SECRET'],
  ])('refuses %j with one line naming %s', async (env, variable) => {
    const proc = run({ PORT: '0', SSPS_DATA_DIR: tempDir(), ...env });
    expect(await proc.exited).toBe(1);
    const lines = proc.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: .*${variable}`));
  });
});
