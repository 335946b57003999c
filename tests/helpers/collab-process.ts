import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { TestDatabase } from './database';
import { TEST_SECRET } from './server';

export type CollabProcess = { url: string; child: ChildProcess; kill(signal?: NodeJS.Signals): Promise<void> };

/** Starts tests/helpers/collab-main.ts on `port` against the test database. */
export async function startCollabProcess(database: TestDatabase, port: number, env: Record<string, string> = {}): Promise<CollabProcess> {
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
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/collab-main.ts'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
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
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}
