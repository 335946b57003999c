import type { LoadJob, LoadResult } from '../load/protocol';
import { LoadProcess, type MarkHandler } from '../load/spawn';
import type { ServerKind } from '../load/wire';
import type { BenchOptions } from '../options';
import { waitForQuietMachine } from '../proc';
import { launchServer, type ServerHandle } from '../servers/launch';

export type Context = {
  options: BenchOptions;
  /** Signs the session cookies; handed to Concordia as NEXTAUTH_SECRET. */
  secret: string;
  log: (line: string) => void;
  /** With options.reuseServers: one server process per kind, and one load process, for the whole run. */
  pool: Map<ServerKind, Promise<ServerHandle>>;
  load?: LoadProcess;
};

/** Each round starts with the next server, so no server always runs first (or last) on a warm machine. */
export function serverOrder(servers: readonly ServerKind[], round: number): ServerKind[] {
  const shift = round % servers.length;
  return [...servers.slice(shift), ...servers.slice(0, shift)];
}

/** Other processes' CPU (% of one core) under which a measurement may start. */
const QUIET_BUSY_PERCENT = 15;

const seconds = (from: number, to = performance.now()) => ((to - from) / 1000).toFixed(1);

/**
 * Runs `use` against a server of this kind: by default a fresh process (and, for Concordia, a fresh
 * database) that is stopped afterwards, so no measurement inherits another's memory or documents.
 */
export async function withServer<T>(
  kind: ServerKind,
  context: Context,
  use: (server: ServerHandle) => Promise<T>,
): Promise<T> {
  await waitForQuiet(context);
  if (context.options.reuseServers) {
    let server = context.pool.get(kind);
    if (!server) {
      server = start(kind, context);
      context.pool.set(kind, server);
    }
    return use(await server);
  }
  const server = await start(kind, context);
  const started = performance.now();
  try {
    return await use(server);
  } finally {
    const stopping = performance.now();
    await server.stop();
    context.log(`  ${kind}: measured in ${seconds(started, stopping)} s, stopped in ${seconds(stopping)} s`);
  }
}

/** Before a measurement: lets other processes' work finish, so it does not count against the server. */
export async function waitForQuiet(context: Context): Promise<void> {
  const { quietWaitMs } = context.options;
  if (quietWaitMs <= 0) return;
  const waited = await waitForQuietMachine(quietWaitMs, QUIET_BUSY_PERCENT);
  if (waited > 2_000) context.log(`  waited ${seconds(0, waited)} s for other processes to leave the CPUs alone`);
}

async function start(kind: ServerKind, context: Context): Promise<ServerHandle> {
  const started = performance.now();
  const server = await launchServer(kind, {
    secret: context.secret,
    databaseUrl: context.options.databaseUrl,
    web: context.options.web,
  });
  context.log(`  ${kind}: started in ${seconds(started)} s`);
  return server;
}

/** Stops the processes a reusing run kept. */
export async function closePool(context: Context): Promise<void> {
  await context.load?.stop();
  context.load = undefined;
  const servers = await Promise.allSettled(context.pool.values());
  context.pool.clear();
  for (const s of servers) if (s.status === 'fulfilled') await s.value.stop();
}

/**
 * Runs one job in a load-generator process: a fresh one by default, so no job inherits another's
 * heap or timers; the run's shared one with options.reuseServers.
 */
export async function runLoad(
  context: Context,
  job: LoadJob,
  onMark: MarkHandler,
  deadlineMs: number,
): Promise<LoadResult> {
  if (!context.options.reuseServers) {
    const load = LoadProcess.start();
    try {
      return await load.run(job, onMark, deadlineMs);
    } finally {
      await load.stop();
    }
  }
  if (!context.load?.alive) context.load = LoadProcess.start();
  return context.load.run(job, onMark, deadlineMs);
}
