import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { openDatabase, setSharedDatabase, type Database } from '../db/client';
import { seed } from '../db/seed';
import { sessionCookieOptions } from '../lib/auth/current-session';
import type { Config } from '../lib/env';
import { closePdfBrowsers } from '../lib/export/to-pdf';
import { logger } from '../lib/log';
import { OverlapThread } from '../lib/consolidation/overlap-thread';
import { setSharedAnalyser } from '../lib/consolidation/shared-analyser';
import { postgresStore, setSharedTranslator, translationAvailability } from '../lib/translation';
import { createCollabServer, type CollabServer } from './collab';
import { RedisBus } from './collab/redis/bus';
import { answerClientError } from './client-errors';
import { startEmailWorker } from './email/email-worker';
import { refuseCrossSiteWrite } from './cross-site-guard';
import { handleOps } from './ops';

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => Promise<void> | void;

export type WebApp = { handle: RequestHandler; upgrade?: UpgradeHandler; close?: () => Promise<void> };

export type StartOptions = {
  config: Config;
  /** The Next.js app; omitted by tests that exercise only the collaboration server. */
  web?: (database: Database) => Promise<WebApp>;
  /** Overrides config.PORT (0 picks a free port). */
  port?: number;
  /** Seed member states, and the demo plan into a database without plans when config.SEED_DEMO says so. */
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
  const httpLog = logger('http');
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  setSharedDatabase(database);
  // Seeded under the start-up lock, with the migrations: processes starting together add one demo plan.
  await database.migrate(
    options.seed === false
      ? undefined
      : async (db) => {
          const { seeded } = await seed(db, { demoPassword: config.DEMO_PASSWORD, demoPlan: config.SEED_DEMO });
          if (seeded) log.info('seeded the demo plan and its accounts');
        },
  );

  // Overlap analysis and translation run on their own thread; Apertium's pipelines start on first use.
  // Without Apertium the app runs, comparing within languages only.
  const overlapThread = new OverlapThread({ config, store: postgresStore(database.db), log: logger('overlaps') });
  const translator = overlapThread.translator;
  setSharedTranslator(translator);
  setSharedAnalyser(overlapThread);
  const translation = await translationAvailability(translator);
  if (!translation.available)
    log.warn(
      { reason: translation.reason },
      'machine translation is off: cross-language overlaps and "Read in" are not available',
    );

  const siteOrigin = config.NEXTAUTH_URL ? new URL(config.NEXTAUTH_URL).origin : undefined;
  const bus = config.REDIS_URL
    ? await RedisBus.connect(config.REDIS_URL, logger('redis'), config.REDIS_PREFIX)
    : undefined;
  if (bus) log.info({ instance: bus.instanceId }, 'sharing documents with other instances through Redis');
  const collab = await createCollabServer({
    db: database.db,
    log: logger('collab'),
    ...sessionCookieOptions(config),
    siteOrigin,
    maxMessageBytes: config.COLLAB_MAX_MESSAGE_BYTES,
    flushMs: config.COLLAB_FLUSH_MS,
    compactAfter: config.COLLAB_COMPACT_AFTER,
    idleUnloadMs: config.COLLAB_IDLE_UNLOAD_MS,
    autoVersionMs: config.COLLAB_AUTO_VERSION_MS,
    maxMessagesPerSecond: config.COLLAB_MAX_MESSAGES_PER_SECOND,
    messageBurst: config.COLLAB_MESSAGE_BURST,
    maxDocumentBytes: config.COLLAB_MAX_DOCUMENT_BYTES,
    readerMsPerReader: config.COLLAB_READER_MS_PER_READER,
    overlapDebounceMs: config.COLLAB_OVERLAP_DEBOUNCE_MS,
    activityMs: config.COLLAB_ACTIVITY_MS,
    bus,
    upgradesPerAddress: config.COLLAB_UPGRADES_PER_ADDRESS,
    maxSocketsPerSession: config.COLLAB_MAX_SOCKETS_PER_SESSION,
  });
  const web = options.web ? await options.web(database) : undefined;

  const ops = { db: database.db, collab, metricsToken: config.METRICS_TOKEN };
  // Headers (a WebSocket handshake's too) must arrive within HTTP_HEADERS_TIMEOUT_MS, checked every second.
  const timeouts = {
    headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS,
    connectionsCheckingInterval: Math.min(1_000, config.HTTP_HEADERS_TIMEOUT_MS),
  };
  const server = createServer(timeouts, (req, res) => {
    const requestId = randomUUID();
    // The app sits directly on the socket: the peer address is the client's, whatever a header claims.
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
    res.setHeader('x-request-id', requestId);
    const started = performance.now();
    res.once('finish', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (path.startsWith('/_next/')) return;
      httpLog.info(
        { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) },
        'request',
      );
    });
    void (async () => {
      if (refuseCrossSiteWrite(req, res, { siteOrigin, log: httpLog })) return;
      if (await handleOps(req, res, ops)) return;
      if (web) return web.handle(req, res);
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
    })().catch((error: unknown) => fail(res, error, requestId));
  });
  server.on('clientError', (error, socket) => answerClientError(error, socket, collab.headersTimedOut));
  server.on('upgrade', (req, socket, head) => {
    if (collab.matches(req)) return void collab.handleUpgrade(req, socket, head);
    if (web?.upgrade) return void web.upgrade(req, socket, head);
    socket.destroy();
  });

  function fail(res: ServerResponse, error: unknown, requestId: string): void {
    log.error({ err: error, requestId }, 'request failed');
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'internal error' }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.PORT, config.HOST, resolve);
  });
  const { port } = server.address() as AddressInfo;

  // Email is optional: without SMTP_URL invitation links are only shown, and notifications stay in the app.
  const email = config.SMTP_URL
    ? startEmailWorker({
        db: database.db,
        log: logger('email'),
        smtpUrl: config.SMTP_URL,
        from: config.EMAIL_FROM,
        siteOrigin: siteOrigin ?? `http://localhost:${port}`,
        secret: config.NEXTAUTH_SECRET,
        digestHour: config.EMAIL_DIGEST_HOUR,
        retryMs: config.EMAIL_RETRY_MS,
      })
    : undefined;
  if (!email) log.info('email is off (SMTP_URL unset): invitation links are shown to the chair, not emailed');

  let closing: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}`,
    port,
    database,
    collab,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await email?.close();
        await collab.close();
        await bus?.close();
        server.closeAllConnections();
        await stopped;
        await web?.close?.();
        await closePdfBrowsers();
        setSharedAnalyser(null);
        setSharedTranslator(null);
        await overlapThread.close();
        await database.close();
      })();
      return closing;
    },
  };
}
