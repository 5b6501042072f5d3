import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot, serveFlags } from '../../server/paths.js';
import { freePort, MAIN } from '../support/process.js';
import { testCaFiles } from '../support/server.js';

const run = promisify(execFile);

interface Step {
  kind: 'ENV' | 'COPY' | 'RUN' | 'CMD' | 'HEALTHCHECK';
  args: string;
  imageOnly: boolean;
}

/** The runtime stage of the Dockerfile, instruction by instruction (continuation lines joined). */
function runtimeStage(): Step[] {
  const text = readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^FROM .* AS runtime$/i.test(l));
  expect(start).toBeGreaterThan(0);
  const steps: Step[] = [];
  let imageOnly = false;
  for (const line of lines.slice(start + 1)) {
    if (/^#\s*image only/i.test(line)) imageOnly = true;
    const m = /^(ENV|COPY|RUN|CMD|HEALTHCHECK)\s+(.*)$/.exec(line);
    if (!m) continue;
    steps.push({ kind: m[1] as Step['kind'], args: m[2], imageOnly });
    imageOnly = false;
  }
  return steps;
}

function envOf(args: string): Record<string, string> {
  return Object.fromEntries([...args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
}

describe.runIf(existsSync(MAIN) || process.env.CI === 'true')('the container image', () => {
  it("runs with the runtime stage's own commands in a clean directory: production dependencies only, the server as the command, its health check, a graceful stop on SIGTERM", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ssps-image-'));
    const data = mkdtempSync(path.join(os.tmpdir(), 'ssps-image-data-'));
    let env: Record<string, string> = {};
    let cmd: string[] = [];
    let healthcheck: string[] = [];
    try {
      for (const step of runtimeStage()) {
        if (step.kind === 'ENV') env = { ...env, ...envOf(step.args) };
        else if (step.kind === 'COPY') {
          const words = step.args.split(/\s+/);
          const fromBuild = words[0] === '--from=build';
          const sources = (fromBuild ? words.slice(1, -1).map((s) => s.replace(/^\/app\//, '')) : words.slice(0, -1));
          const target = path.join(dir, words[words.length - 1]);
          for (const source of sources) {
            const into = target.endsWith('/') ? path.join(target, path.basename(source)) : target;
            if (source === 'node_modules') {
              // What the build stage installed, linked rather than copied (it is large); npm's own
              // record of the tree is a real copy, as npm rewrites it.
              await run('cp', ['-al', path.join(projectRoot, source), into]);
              unlinkSync(path.join(into, '.package-lock.json'));
              copyFileSync(path.join(projectRoot, source, '.package-lock.json'), path.join(into, '.package-lock.json'));
            } else cpSync(path.join(projectRoot, source), into, { recursive: true });
          }
        } else if (step.kind === 'RUN' && !step.imageOnly) {
          await run('sh', ['-c', step.args], { cwd: dir, env: { ...process.env, ...env }, maxBuffer: 1 << 24 });
        } else if (step.kind === 'CMD') cmd = JSON.parse(step.args) as string[];
        else if (step.kind === 'HEALTHCHECK') healthcheck = JSON.parse(step.args.replace(/^.*?CMD\s+/, '')) as string[];
      }
      // Production dependencies only: the test tools are gone, what the server needs is there.
      expect(existsSync(path.join(dir, 'node_modules/vitest'))).toBe(false);
      expect(existsSync(path.join(dir, 'node_modules/typescript'))).toBe(false);
      expect(existsSync(path.join(dir, 'node_modules/next'))).toBe(true);
      expect(existsSync(path.join(dir, 'app'))).toBe(false);
      // The server itself, with the flags of `npm run serve`: as PID 1 it gets the stop signal.
      expect(cmd).toEqual(['node', ...serveFlags(), 'dist/server/main.js']);

      const port = await freePort();
      // Production needs the issuing CA's files: a test CA stands for the authority's.
      const childEnv = { ...process.env, ...env, ...(await testCaFiles()), PORT: String(port), HOST: '127.0.0.1', SSPS_DATA_DIR: data, SSPS_SECRET: 'image-test-secret-0123456789abcdef0123456789', LOG_LEVEL: 'warn' };
      Reflect.deleteProperty(childEnv, 'DATABASE_URL');
      const child = spawn(cmd[0], cmd.slice(1), { cwd: dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      try {
        const url = `http://127.0.0.1:${port}`;
        let ready = false;
        for (let i = 0; i < 200 && !ready; i++) {
          ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
          if (!ready) await new Promise((r) => setTimeout(r, 150));
        }
        expect(ready, err).toBe(true);
        const page = await fetch(`${url}/`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('lang="es-CO"');
        expect((await fetch(`${url}/captcha/challenge`)).status).toBe(200);
        // The image's own health check, as Docker runs it.
        await run(healthcheck[0], healthcheck.slice(1), { env: { ...process.env, PORT: String(port) } });
        // `docker stop`: SIGTERM to the command, which stops gracefully and exits 0, leaving nothing running.
        const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
        expect(await fetch(`${url}/healthz`).then(() => 'answering', () => 'gone')).toBe('gone');
      } finally {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL');
          await new Promise((r) => child.once('exit', r));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    }
  }, 240_000);
});
