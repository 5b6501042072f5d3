import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';

const run = promisify(execFile);

const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = '/usr/bin/mariadb-install-db';
const PROVIDER = '/usr/lib/galera/libgalera_smm.so';
const NODES = 3;

/**
 * Whether this machine can run a Galera cluster (Debian's galera-4, mariadb-server and rsync,
 * and root, to run each node as the mysql user). Without them the Galera tests are skipped —
 * except in CI, where a missing binary is an error.
 */
export function galeraAvailable(): boolean {
  const missing = [MARIADBD, INSTALL_DB, PROVIDER, '/usr/bin/rsync'].filter((file) => !existsSync(file));
  if (process.getuid?.() !== 0) missing.push('root (the nodes run as the mysql user)');
  if (missing.length === 0) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true but the Galera tests cannot run: missing ${missing.join(', ')} (apt-get install galera-4 mariadb-server rsync)`);
  return false;
}

interface NodePorts {
  sql: number;
  /** Group communication (gcomm). */
  group: number;
  ist: number;
  sst: number;
}

export interface GaleraNode {
  readonly index: number;
  readonly ports: NodePorts;
  /** mysql://root@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  readonly running: boolean;
}

export interface GaleraCluster {
  readonly nodes: GaleraNode[];
  /** A database created through node 1 (DDL is replicated to every node); `drop` removes it. */
  createDatabase(name: string): Promise<{ urls: string[]; drop: () => Promise<void> }>;
  /** Shuts one node down cleanly (it leaves the cluster; the other two keep the quorum). */
  stop(index: number): Promise<void>;
  /** Starts a stopped node again; it rejoins through IST and is back once Synced. */
  restart(index: number): Promise<void>;
  /** The end of a node's error log (how it joined: IST or SST). */
  errorLog(index: number): string;
  /** Resolves once every running node reports Synced in a cluster of `size` nodes. */
  waitSynced(size?: number, timeoutMs?: number): Promise<void>;
  /** Kills every node and removes the directory; safe to call twice. */
  close(): Promise<void>;
}

/** `count` distinct free ports on 127.0.0.1, held open together so none is handed out twice. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = net.createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return server;
    }),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

async function status(port: number, names: string[]): Promise<Record<string, string>> {
  const connection = await createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 2_000 });
  try {
    const [rows] = await connection.query(`SHOW STATUS WHERE Variable_name IN (${names.map(() => '?').join(',')})`, names);
    return Object.fromEntries((rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]));
  } finally {
    await connection.end();
  }
}

/**
 * A fresh three-node MariaDB Galera cluster in a temporary directory, on free ports of
 * 127.0.0.1 (SQL, group communication, IST and SST for each node), as the mysql user, with
 * rsync SST: node 1 bootstraps the cluster (--wsrep-new-cluster), the others join it.
 * root@127.0.0.1 has no password. Whatever happens, `close()` (and the end of the process)
 * kills the nodes and removes the directory.
 */
export async function startGaleraCluster(): Promise<GaleraCluster> {
  // A machine loaded by the rest of the suite can make a joiner miss its deadline: the harness
  // (not SSPS) gets one more try, from scratch, and says why the first one failed.
  try {
    return await startCluster();
  } catch (error) {
    process.stderr.write(`Galera cluster did not start, trying once more: ${error instanceof Error ? error.message : String(error)}\n`);
    return startCluster();
  }
}

async function startCluster(): Promise<GaleraCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssps-galera-'));
  const runDir = path.join(dir, 'run');
  mkdirSync(runDir);
  const { uid, gid } = mysqlUser();
  chmodSync(dir, 0o755);
  chownSync(runDir, uid, gid);

  const allPorts = await freePorts(NODES * 4);
  const ports: NodePorts[] = Array.from({ length: NODES }, (_, i) => {
    const [sql, group, ist, sst] = allPorts.slice(i * 4, i * 4 + 4);
    return { sql, group, ist, sst };
  });
  const clusterAddress = `gcomm://${ports.map((p) => `127.0.0.1:${p.group}`).join(',')}`;
  const processes: (ChildProcess | null)[] = Array.from({ length: NODES }, () => null);
  const dataDir = (i: number) => path.join(dir, `n${i + 1}`);
  const errorLog = (i: number) => path.join(runDir, `n${i + 1}.err`);
  // Each node's own temporary directory: a mariadbd that starts (mariadb-install-db's bootstrap
  // too) clears the temporary-table files (`#sql*`) it finds in its tmpdir, and in a shared /tmp
  // those are the other nodes' — three bootstraps in parallel failed so, once ("Could not remove
  // temporary table: '/tmp/#sql-temptable-…'", then "Unknown table 'mysql.tmp_user_sys'").
  const tmpDir = (i: number) => path.join(dir, `tmp${i + 1}`);
  for (let i = 0; i < NODES; i++) {
    mkdirSync(tmpDir(i));
    chownSync(tmpDir(i), uid, gid);
  }

  let closed = false;
  // Each node runs in its own process group, so that the SST scripts it starts (rsync and its
  // daemon, which write into the data directory) die with it rather than outlive the removal.
  const killAll = () => {
    for (const child of processes) {
      if (!child?.pid) continue;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    }
  };
  const removeDir = () => {
    // Whatever still runs on the directory (an SST's rsync daemon may leave its node's group) goes first.
    try {
      execFileSync('pkill', ['-KILL', '-f', dir]);
    } catch {
      // Nothing left to kill.
    }
    rmSync(dir, { recursive: true, force: true, maxRetries: 25, retryDelay: 200 });
  };
  const onExit = () => {
    killAll();
    removeDir();
  };
  process.once('exit', onExit);

  function launch(i: number, bootstrap: boolean): ChildProcess {
    const p = ports[i];
    const args = [
      '--no-defaults',
      '--user=mysql',
      `--datadir=${dataDir(i)}`,
      `--tmpdir=${tmpDir(i)}`,
      `--port=${p.sql}`,
      '--bind-address=127.0.0.1',
      `--socket=${path.join(runDir, `n${i + 1}.sock`)}`,
      `--pid-file=${path.join(runDir, `n${i + 1}.pid`)}`,
      `--log-error=${errorLog(i)}`,
      '--binlog-format=ROW',
      '--default-storage-engine=InnoDB',
      '--innodb-autoinc-lock-mode=2',
      '--innodb-buffer-pool-size=64M',
      '--skip-name-resolve',
      '--wsrep-on=ON',
      `--wsrep-provider=${PROVIDER}`,
      '--wsrep-cluster-name=ssps-test',
      `--wsrep-cluster-address=${clusterAddress}`,
      `--wsrep-node-address=127.0.0.1:${p.group}`,
      `--wsrep-node-name=n${i + 1}`,
      `--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:${p.group};ist.recv_addr=127.0.0.1:${p.ist};gcache.size=32M`,
      `--wsrep-sst-receive-address=127.0.0.1:${p.sst}`,
      '--wsrep-sst-method=rsync',
      ...(bootstrap ? ['--wsrep-new-cluster'] : []),
    ];
    const child = spawn(MARIADBD, args, { stdio: 'ignore', detached: true });
    processes[i] = child;
    return child;
  }

  async function waitNode(i: number, size: number, deadline: number): Promise<void> {
    for (;;) {
      const child = processes[i];
      if (!child || child.exitCode !== null) throw new Error(`Galera node ${i + 1} exited:\n${tail(errorLog(i))}`);
      try {
        const s = await status(ports[i].sql, ['wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_ready']);
        if (s.wsrep_local_state_comment === 'Synced' && Number(s.wsrep_cluster_size) === size && s.wsrep_ready === 'ON') return;
      } catch {
        // Not accepting connections yet.
      }
      if (Date.now() > deadline) throw new Error(`Galera node ${i + 1} not Synced in time:\n${tail(errorLog(i))}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  const running = () => processes.map((child, i) => (child && child.exitCode === null ? i : -1)).filter((i) => i >= 0);

  const cluster: GaleraCluster = {
    nodes: ports.map((p, i) => ({
      index: i,
      ports: p,
      url: (database = '') => `mysql://root@127.0.0.1:${p.sql}/${database}`,
      get running() {
        const child = processes[i];
        return !!child && child.exitCode === null;
      },
    })),

    async createDatabase(name) {
      const connection = await createConnection({ host: '127.0.0.1', port: ports[0].sql, user: 'root' });
      try {
        await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      } finally {
        await connection.end();
      }
      return {
        urls: ports.map((p) => `mysql://root@127.0.0.1:${p.sql}/${name}`),
        drop: async () => {
          const index = running()[0];
          if (index === undefined) return;
          const c = await createConnection({ host: '127.0.0.1', port: ports[index].sql, user: 'root' });
          try {
            await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
          } finally {
            await c.end();
          }
        },
      };
    },

    async stop(index) {
      const child = processes[index];
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },

    async restart(index) {
      if (cluster.nodes[index].running) return;
      launch(index, false);
      await cluster.waitSynced();
    },

    errorLog: (index) => tail(errorLog(index), 400),

    async waitSynced(size = running().length, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      await Promise.all(running().map((i) => waitNode(i, size, deadline)));
    },

    async close() {
      if (closed) return;
      closed = true;
      const exits = processes.filter((c): c is ChildProcess => !!c && c.exitCode === null).map((c) => new Promise((resolve) => c.once('exit', resolve)));
      killAll();
      await Promise.all(exits);
      process.removeListener('exit', onExit);
      removeDir();
    },
  };

  try {
    // Each node's data directory, prepared in parallel; the joiners' are replaced by SST anyway.
    await Promise.all(
      Array.from({ length: NODES }, (_, i) =>
        run(INSTALL_DB, ['--no-defaults', '--user=mysql', `--datadir=${dataDir(i)}`, `--tmpdir=${tmpDir(i)}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { timeout: 120_000 }),
      ),
    );
    launch(0, true);
    await cluster.waitSynced(1);
    for (let i = 1; i < NODES; i++) {
      launch(i, false);
      await waitNode(i, i + 1, Date.now() + 90_000);
    }
    await cluster.waitSynced(NODES);
    return cluster;
  } catch (error) {
    // The first failure is the one worth reporting, not a cleanup's.
    await cluster.close().catch(() => {});
    throw error;
  }
}

function mysqlUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('mysql:'));
  if (!line) throw new Error('no mysql user on this machine (Debian creates it with mariadb-server)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no error log)';
  }
}
