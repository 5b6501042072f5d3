import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot, serveFlags } from '../../server/paths.js';

/** The compiled server exactly as `npm start` runs it (`npm test` builds it first). */
export const MAIN = path.join(projectRoot, 'dist/server/main.js');


export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

export function tempDir(prefix = 'ssps-proc-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Spawns the compiled server with `env` over a clean environment (NODE_ENV unset unless given). */
export function runServer(env: Record<string, string>) {
  const childEnv = { ...process.env };
  Reflect.deleteProperty(childEnv, 'NODE_ENV');
  Object.assign(childEnv, { LOG_LEVEL: 'info' }, env);
  const child = spawn(process.execPath, [...serveFlags(), MAIN], { cwd: projectRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

/** A compiled server on a fresh embedded database with the demo data, ready to answer. */
export async function startCompiledServer(env: Record<string, string> = {}) {
  const data = tempDir();
  const port = await freePort();
  // No grace on SIGTERM unless a test asks for one: stopping is then as quick as before.
  const proc = runServer({ PORT: String(port), HOST: '127.0.0.1', SSPS_DATA_DIR: data.dir, SHUTDOWN_GRACE_MS: '0', ...env });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) break;
    if (proc.child.exitCode !== null) throw new Error(`server exited: ${proc.err()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dataDir: data.dir,
    proc,
    async stop() {
      proc.child.kill('SIGTERM');
      const code = await proc.exited;
      data.remove();
      return code;
    },
  };
}
