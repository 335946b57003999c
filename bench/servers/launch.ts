import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { encode } from 'next-auth/jwt';
import { COLLAB_PATH } from '../../lib/shared/rooms';
import type { ServerKind, Target } from '../load/wire';
import { pidsMentioning, rssMiB } from '../proc';
import { createBenchDatabase, type BenchDatabase } from './database';
import type { ConcordiaCall, ConcordiaReady, ConcordiaReply } from './concordia-ipc';
import { buildServer } from '../../scripts/build-server';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** One level below the root, as bench/ is: paths its modules take relative to themselves still hold. */
const BENCH_OUT_DIR = 'dist-bench';

export type RoomRole = 'edit' | 'load' | 'warm' | 'log';

export type ServerHandle = {
  kind: ServerKind;
  pid: number;
  /** RSS right after start, before any client: the baseline of the RSS figures. */
  idleRssMiB: number;
  /** Processes doing the server's work outside it: Concordia's Postgres backends. */
  helperPids(): number[];
  /** Its database's Postgres backends alone (Concordia on Postgres; none otherwise). */
  databasePids(): number[];
  /** The second instance of a pair (launchConcordiaPair), which probes and observers follow. */
  secondPid?: number;
  target(room: RoomRole): Target;
  /** Server log lines seen so far (Concordia logs JSON at info level). */
  logLines(): string[];
  /** Instrumentation inside the Concordia server process (watch the update log, time compaction). */
  request(request: ConcordiaCall): Promise<ConcordiaReply>;
  stop(): Promise<void>;
};

export type LaunchOptions = {
  secret: string;
  /** Postgres server for Concordia; unset → PGlite. */
  databaseUrl: string | undefined;
  /** Serve the Next.js app too, as `npm start` does (the app must be built). */
  web: boolean;
};

/**
 * How long the bench's Concordia keeps an empty room (COLLAB_IDLE_UNLOAD_MS, 30 s by default): short, so
 * that the idle-memory scenario sees rooms unloaded within its wait; the other scenarios measure rooms
 * while clients are in them.
 */
export const CONCORDIA_IDLE_UNLOAD_MS = 2_000;
/** Sockets per session and upgrades per address the bench's Concordia allows: above the capacity ramp's 8,000 observers. */
const BENCH_SOCKET_LIMIT = 1_000_000;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
/** Log lines kept for error messages and "room loaded" timings; a run logs one line per connection. */
const KEPT_LOG_LINES = 2_000;

export async function launchServer(kind: ServerKind, options: LaunchOptions): Promise<ServerHandle> {
  switch (kind) {
    case 'concordia':
      return launchConcordia(options);
    case 'y-websocket': {
      const port = await freePort();
      const script = path.join(
        path.dirname(createRequire(import.meta.url).resolve('y-websocket-1/package.json')),
        'bin',
        'server.js',
      );
      // The reference server as published; it reads HOST and PORT (and GC, left at its default: on).
      const child = spawn(process.execPath, [script], {
        cwd: REPO_ROOT,
        env: { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return peerHandle(kind, child, port, (line) => line.includes('running at'));
    }
    case 'hocuspocus':
    case 'relay': {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(REPO_ROOT, `bench/servers/${kind}.ts`), String(port)],
        {
          cwd: REPO_ROOT,
          env: { NODE_ENV: 'production' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      return peerHandle(kind, child, port, (line) => line.includes('"bench":"ready"'));
    }
  }
}

async function launchConcordia(options: LaunchOptions): Promise<ServerHandle> {
  const database = await createBenchDatabase(options.databaseUrl);
  try {
    const server = await spawnConcordia(options, database);
    return { ...server, stop: () => server.stop().finally(() => database.drop()) };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/**
 * Two Concordia processes on one new database, sharing rooms through Redis; the second starts once
 * the first has migrated and seeded the database. The handle is the first instance, except that its
 * targets send probes and observers to the second and its helpers include the second process.
 */
export async function launchConcordiaPair(options: LaunchOptions & { redisUrl: string }): Promise<ServerHandle> {
  const database = await createBenchDatabase(options.databaseUrl);
  const started: ServerHandle[] = [];
  const stop = async () => {
    for (const server of started) await server.stop();
    await database.drop();
  };
  try {
    for (let i = 0; i < 2; i++) started.push(await spawnConcordia(options, database, { REDIS_URL: options.redisUrl }));
  } catch (error) {
    await stop();
    throw error;
  }
  const [first, second] = started as [ServerHandle, ServerHandle];
  return {
    ...first,
    helperPids: () => [second.pid, ...first.helperPids()],
    secondPid: second.pid,
    target: (room) => ({ ...first.target(room), observerUrl: second.target(room).providerUrl }),
    logLines: () => [...first.logLines(), ...second.logLines()],
    stop,
  };
}

let compiling: Promise<string> | undefined;

/**
 * The launcher compiled as `npm start` compiles the server (scripts/build-server.ts), once per run:
 * Concordia runs as JavaScript, not through tsx, as a deployment runs it.
 */
function compiledLauncher(): Promise<string> {
  compiling ??= buildServer(REPO_ROOT, { main: 'bench/servers/concordia.ts', out: BENCH_OUT_DIR }).then(() =>
    path.join(REPO_ROOT, BENCH_OUT_DIR, 'index.mjs'),
  );
  return compiling;
}

/** One Concordia process on `database`; stopping it leaves the database to its owner. */
async function spawnConcordia(
  options: LaunchOptions,
  database: BenchDatabase,
  extraEnv: Record<string, string> = {},
): Promise<ServerHandle> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: database.dataDir,
    NEXTAUTH_SECRET: options.secret,
    DEMO_ACCOUNTS: 'true',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'info',
    COLLAB_IDLE_UNLOAD_MS: String(CONCORDIA_IDLE_UNLOAD_MS),
    // Thousands of observers share one cookie and connect from 127.0.0.1 within seconds: the limits a
    // deployment sets per session and per address (lib/env.ts) are lifted so they measure the relay.
    COLLAB_MAX_SOCKETS_PER_SESSION: String(BENCH_SOCKET_LIMIT),
    COLLAB_UPGRADES_PER_ADDRESS: String(BENCH_SOCKET_LIMIT),
    NEXT_TELEMETRY_DISABLED: '1',
    ...(database.url && { DATABASE_URL: database.url }),
    ...extraEnv,
  };
  const script = await compiledLauncher();
  const child = spawn(process.execPath, [script, ...(options.web ? ['--web'] : [])], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  try {
    const output = collectOutput(child);
    const readyLine = await output.waitFor((line) => line.startsWith('{"bench":"ready"'));
    const ready = JSON.parse(readyLine) as ConcordiaReady;
    const cookie = (userId: string) => sessionCookie(userId, options.secret);
    const writerCookies = [
      await cookie(ready.users.chair),
      await cookie(ready.users.peru),
      await cookie(ready.users.mexico),
    ];
    const observerCookie = await cookie(ready.users.observer);
    const crowdCookies = await Promise.all(ready.crowd.map(cookie));
    const replies = new Map<number, (reply: ConcordiaReply) => void>();
    child.on('message', (reply: ConcordiaReply) => replies.get(reply.id)?.(reply));
    let nextId = 1;
    return {
      kind: 'concordia',
      pid: child.pid!,
      idleRssMiB: rssMiB(child.pid!),
      helperPids: () => (database.name ? pidsMentioning(` ${database.name} `) : []),
      databasePids: () => (database.name ? pidsMentioning(` ${database.name} `) : []),
      target: (room) => ({
        kind: 'concordia',
        providerUrl: `ws://127.0.0.1:${ready.port}${COLLAB_PATH}`,
        room: ready.rooms[room],
        writerCookies,
        observerCookie,
        crowdCookies,
      }),
      logLines: output.lines,
      request(request) {
        const id = nextId++;
        return new Promise((resolve) => {
          replies.set(id, (reply) => {
            replies.delete(id);
            resolve(reply);
          });
          child.send({ ...request, id });
        });
      },
      stop: () => stopChild(child),
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/** A signed-in session's cookie, as every sign-in issues one (its own session id: the server refuses tokens without). */
export async function sessionCookie(userId: string, secret: string): Promise<string> {
  const token = await encode({ token: { sub: userId, sid: randomUUID() }, secret, maxAge: 24 * 3600 });
  return `next-auth.session-token=${token}`;
}

async function peerHandle(
  kind: ServerKind,
  child: ChildProcess,
  port: number,
  isReady: (line: string) => boolean,
): Promise<ServerHandle> {
  const output = collectOutput(child);
  try {
    await output.waitFor(isReady);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    kind,
    pid: child.pid!,
    idleRssMiB: rssMiB(child.pid!),
    helperPids: () => [],
    databasePids: () => [],
    target: (room) => ({
      kind,
      providerUrl: `ws://127.0.0.1:${port}`,
      room: `bench-${room}`,
      writerCookies: [],
      observerCookie: undefined,
    }),
    logLines: output.lines,
    request: async () => ({ id: 0, ok: false, error: `${kind} has no instrumentation` }),
    stop: () => stopChild(child),
  };
}

function collectOutput(child: ChildProcess) {
  const lines: string[] = [];
  const waiters = new Set<(line: string) => void>();
  const onLine = (line: string) => {
    lines.push(line);
    if (lines.length > KEPT_LOG_LINES) lines.splice(0, lines.length - KEPT_LOG_LINES);
    waiters.forEach((w) => w(line));
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  return {
    lines: () => [...lines],
    waitFor(match: (line: string) => boolean): Promise<string> {
      return new Promise((resolve, reject) => {
        const done = (error?: Error, line?: string) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          child.off('exit', onExit);
          if (error) reject(error);
          else resolve(line!);
        };
        const waiter = (line: string) => match(line) && done(undefined, line);
        const onExit = (code: number | null) =>
          done(new Error(`server exited (${code}) before it was ready:\n${lines.slice(-30).join('\n')}`));
        const timer = setTimeout(
          () => done(new Error(`server not ready after ${START_TIMEOUT_MS} ms:\n${lines.slice(-30).join('\n')}`)),
          START_TIMEOUT_MS,
        );
        waiters.add(waiter);
        child.once('exit', onExit);
      });
    },
  };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** A port that is free now; the reference server reads its port from the environment. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
