import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { openDatabase, setSharedDatabase, type Database } from '../db/client';
import { seed } from '../db/seed';
import type { Config } from '../lib/env';
import { logger } from '../lib/log';
import { createCollabServer, type CollabServer } from './collab';

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => Promise<void> | void;

export type WebApp = { handle: RequestHandler; upgrade?: UpgradeHandler; close?: () => Promise<void> };

export type StartOptions = {
  config: Config;
  /** The Next.js app; omitted by tests that exercise only the collaboration server. */
  web?: (database: Database) => Promise<WebApp>;
  /** Overrides config.PORT (0 picks a free port). */
  port?: number;
  /** Seed member states, and the demo plan into an empty database. */
  seed?: boolean;
};

export type RunningServer = {
  url: string;
  port: number;
  database: Database;
  collab: CollabServer;
  /** Graceful stop: refuse new work, flush every pending update, close sockets and the database. */
  close(): Promise<void>;
};

/** Opens the database, migrates it, and serves the web app and the collaboration socket on one port. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const log = logger('server');
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  setSharedDatabase(database);
  await database.migrate();
  if (options.seed ?? true) await seed(database.db, { demoPassword: config.DEMO_PASSWORD });

  const collab = createCollabServer({
    db: database.db,
    log: logger('collab'),
    secret: config.NEXTAUTH_SECRET,
    secureCookie: config.NEXTAUTH_URL?.startsWith('https://') ?? false,
    maxMessageBytes: config.COLLAB_MAX_MESSAGE_BYTES,
    flushMs: config.COLLAB_FLUSH_MS,
    compactAfter: config.COLLAB_COMPACT_AFTER,
    idleUnloadMs: config.COLLAB_IDLE_UNLOAD_MS,
    autoVersionMs: config.COLLAB_AUTO_VERSION_MS,
  });
  const web = options.web ? await options.web(database) : undefined;

  const server = createServer((req, res) => {
    if (web) return void Promise.resolve(web.handle(req, res)).catch((error) => fail(res, error));
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
  });
  server.on('upgrade', (req, socket, head) => {
    if (collab.matches(req)) return void collab.handleUpgrade(req, socket, head);
    if (web?.upgrade) return void web.upgrade(req, socket, head);
    socket.destroy();
  });

  function fail(res: ServerResponse, error: unknown): void {
    log.error({ err: error }, 'request failed');
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'internal error' }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.PORT, config.HOST, resolve);
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}`,
    port,
    database,
    collab,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await collab.close();
        server.closeAllConnections();
        await stopped;
        await web?.close?.();
        await database.close();
      })();
      return closing;
    },
  };
}
