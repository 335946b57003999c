import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { ensureBuildOnce } from './build-lock';
import type { TestDatabase } from './database';
import { TEST_SECRET } from './server';

export type AppProcess = {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
};

/** The real entry point (`server/index.ts`: Next.js + collaboration) in its own process, as `npm start` runs it. */
export async function startAppProcess(
  database: TestDatabase,
  port: number,
  extraEnv: Record<string, string | undefined> = {},
): Promise<AppProcess> {
  await ensureBuildOnce();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: database.dataDir,
    NEXTAUTH_SECRET: TEST_SECRET,
    NEXTAUTH_URL: `http://localhost:${port}`,
    DEMO_ACCOUNTS: 'true',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
    ...extraEnv,
  };
  // A setting given as undefined is left unset (NEXTAUTH_URL, to run as a bare `npm start` does).
  for (const [name, value] of Object.entries(extraEnv)) if (value === undefined) delete env[name];
  if (database.url) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 180_000);
    const check = () => {
      if (output.includes('Concordia is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://localhost:${port}`,
    port,
    child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}

/** A port that is free now, so a server can be stopped and started again on the same address. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
