import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './app-process';
import type { TestDatabase } from './database';

const DEBIAN_POSTGRES = '/usr/lib/postgresql';

/** `fast` is a clean restart (sessions told to go); `immediate` is a crash (sockets just close, recovery on start). */
export type StopMode = 'fast' | 'immediate';
const STOP_SIGNAL: Record<StopMode, NodeJS.Signals> = { fast: 'SIGINT', immediate: 'SIGQUIT' };

export type PrivatePostgres = TestDatabase & {
  url: string;
  stop(mode?: StopMode): Promise<void>;
  /** Starts the cluster again on the same port and data, as a restarted server would come back. */
  start(): Promise<void>;
};

type Runner = { bin: string; uid?: number; gid?: number };

/**
 * How to run a Postgres cluster of our own: Debian's binaries, as the `postgres` user when we are
 * root (Postgres refuses to run as root). A string says why it cannot.
 */
function runner(): Runner | string {
  const versions = existsSync(DEBIAN_POSTGRES) ? readdirSync(DEBIAN_POSTGRES).filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  const bin = newest && path.join(DEBIAN_POSTGRES, newest, 'bin');
  if (!bin || !existsSync(path.join(bin, 'postgres')))
    return `no Postgres binaries under ${DEBIAN_POSTGRES}/<version>/bin (apt-get install postgresql)`;
  if (process.getuid?.() !== 0) return { bin };
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) return 'running as root and there is no `postgres` user to run Postgres as';
  return { bin, uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/**
 * Whether a private cluster can be started. Without one the tests that need it are skipped with the
 * reason, except in CI, where that must fail the run rather than pass it silently.
 */
export function privatePostgresAvailable(): boolean {
  const found = runner();
  if (typeof found !== 'string') return true;
  if (process.env.CI) throw new Error(`CI=true but a private Postgres cannot be started: ${found}`);
  console.warn(`Skipping Postgres restart tests: ${found}.`);
  return false;
}

/**
 * A Postgres cluster of its own on a free port, so a test may stop and restart it without touching
 * the shared server others use. Trust auth and no fsync: it lives for one test file.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const found = runner();
  if (typeof found === 'string') throw new Error(found);
  const { bin, uid, gid } = found;
  const root = mkdtempSync(path.join(tmpdir(), 'concordia-pg-'));
  const dataDir = path.join(root, 'app');
  const cluster = path.join(root, 'cluster');
  mkdirSync(dataDir);
  if (uid !== undefined && gid !== undefined) chownSync(root, uid, gid);
  const as = { uid, gid, cwd: root };

  const init = spawnSync(
    path.join(bin, 'initdb'),
    ['-D', cluster, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
    { ...as, encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stderr}`);
  const port = await freePort();

  let server: ChildProcess | undefined;
  async function start(): Promise<void> {
    const child = spawn(
      path.join(bin, 'postgres'),
      [
        '-D',
        cluster,
        '-p',
        String(port),
        '-h',
        '127.0.0.1',
        '-k',
        root,
        '-c',
        'fsync=off',
        '-c',
        'full_page_writes=off',
      ],
      { ...as, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    let ready = false;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Postgres did not start:\n${log}`)), 30_000);
      // Read for the cluster's whole life (a full pipe would block Postgres), kept only until it is ready.
      child.stderr!.on('data', (d: Buffer) => {
        if (ready) return;
        log += d.toString();
        if (!log.includes('ready to accept connections')) return;
        ready = true;
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Postgres exited with ${code}:\n${log}`));
      });
    });
    server = child;
  }

  async function stop(mode: StopMode = 'fast'): Promise<void> {
    const child = server;
    server = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(STOP_SIGNAL[mode]);
    await exited;
  }

  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    start,
    stop,
    async drop() {
      await stop('immediate');
      rmSync(root, { recursive: true, force: true });
    },
  };
}
