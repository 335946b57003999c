import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import type { TestDatabase } from './database';
import { callerOf } from './instance-calls';
import { TEST_SECRET } from './server';

export type CollabProcess = {
  url: string;
  child: ChildProcess;
  /** Has the process make a domain call itself, as another instance would when a request reaches it. */
  call: ReturnType<typeof callerOf>;
  kill(signal?: NodeJS.Signals): Promise<void>;
};

/** Starts tests/helpers/collab-main.ts on `port` against the test database. */
export async function startCollabProcess(
  database: TestDatabase,
  port: number,
  env: Record<string, string> = {},
): Promise<CollabProcess> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: database.dataDir,
    NEXTAUTH_SECRET: TEST_SECRET,
    LOG_LEVEL: process.env.DEBUG_CHILD ? 'info' : 'error',
    ...env,
  };
  if (database.url) childEnv.DATABASE_URL = database.url;
  else delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/collab-main.ts'], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  if (process.env.DEBUG_CHILD) child.stdout!.on('data', (d: Buffer) => process.stderr.write(d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collaboration server did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`collaboration server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://localhost:${port}`,
    child,
    call: callerOf(child),
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}

/**
 * The Redis URL for tests that run several server processes on one database, or null to skip them:
 * they need a shared Postgres (DATABASE_URL; PGlite serves one process) and a Redis that answers
 * (REDIS_URL, or the local default). Locally they are skipped with the reason; in CI their absence
 * fails the run rather than passing it silently.
 */
export async function scaleOutRedis(): Promise<string | null> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const missing = !process.env.DATABASE_URL
    ? 'DATABASE_URL is not set'
    : !(await redisAnswers(redisUrl))
      ? `no Redis answers at ${redisUrl}`
      : null;
  if (!missing) return redisUrl;
  if (process.env.CI) throw new Error(`CI=true but ${missing}: scale-out tests need a shared Postgres and Redis`);
  console.warn(`Skipping scale-out tests: ${missing} (they need a Postgres server in DATABASE_URL and Redis).`);
  return null;
}

async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
