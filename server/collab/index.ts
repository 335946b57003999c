import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Db } from '../../db/client';
import { isSessionRevoked, onSessionRevoked } from '../../lib/auth/sessions';
import { registerDocumentHost } from '../../lib/documents/host';
import { onPlanChanged } from '../../lib/plans/plan-events';
import { presence } from '../../lib/presence';
import { awarenessUser } from '../../lib/shared/awareness-user';
import { CloseCode } from '../../lib/shared/close-codes';
import { COLLAB_PATH, followsPlan } from '../../lib/shared/rooms';
import { authenticateUpgrade } from './access/authenticate-upgrade';
import { autoVersion, startAutoVersions } from './storage/auto-versions';
import { MessageBudget } from './wire/message-budget';
import { UpgradeLimits } from './access/upgrade-limits';
import { memoryReclaimer } from './rooms/memory-reclaim';
import { createMetrics } from './metrics';
import { Connection } from './connection';
import { createDocumentHost } from './rooms/live-documents';
import { DocumentStore } from './storage/document-store';
import { watchOverlaps } from './push/overlap-analysis';
import { pushComments } from './push/comments';
import { recordVisits } from './storage/section-visits';
import { pushOverlaps } from './push/overlaps';
import { pushPlanActivity } from './push/plan-activity';
import { recheckPlan } from './access/recheck-plan';
import type { RedisBus } from './redis/bus';
import { relayAuthorizationEvents } from './redis/events';
import { sharePresence } from './redis/presence';
import { RoomFanout } from './redis/fanout';
import { Rooms } from './rooms/rooms';
import { COMPRESSION, takesSharedFrames } from './wire/shared-deflate';
import { KeyedDebounce } from './timers/keyed-debounce';

export type CollabOptions = {
  db: Db;
  log: Logger;
  /** next-auth secret, to read session cookies on upgrade. */
  secret: string;
  /** Whether session cookies carry the __Secure- prefix (site served over HTTPS). */
  secureCookie: boolean;
  /** The site's origin; browsers on any other page may not open a socket with the user's cookie. Unset: the Host header. */
  siteOrigin?: string | undefined;
  /** Largest accepted message; a bigger frame closes the socket (1009) before it is buffered whole. */
  maxMessageBytes: number;
  flushMs: number;
  compactAfter: number;
  idleUnloadMs: number;
  autoVersionMs: number;
  /** Sustained and burst messages per connection; a faster client is slowed, a flood beyond ten bursts disconnected. */
  maxMessagesPerSecond: number;
  messageBurst: number;
  /** A document stops growing at this size; its writers are told why. */
  maxDocumentBytes: number;
  /** Readers are sent updates gathered at most every this many ms per reader (ReaderPacing). */
  readerMsPerReader: number;
  /** Quiet time after edits before the plan's overlaps are analysed again. */
  overlapDebounceMs: number;
  /** How often the plans followed here are read again for their open pages, and joined pages caught up. */
  activityMs: number;
  /** Redis shared with the other instances (REDIS_URL); absent, this instance serves every room alone. */
  bus?: RedisBus | undefined;
  /** Upgrade attempts one address may make per 10 s (COLLAB_UPGRADES_PER_ADDRESS); more are refused with 429. */
  upgradesPerAddress: number;
  /** Sockets one session may hold open (COLLAB_MAX_SOCKETS_PER_SESSION); more are closed with 4529. */
  maxSocketsPerSession: number;
};

/** Short enough that a permission change reaches open editors well within the promised 2 seconds. */
const REEVALUATE_DEBOUNCE_MS = 100;

const HTTP_STATUS_TEXT = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 503: 'Service Unavailable' } as const;

/** The collaboration WebSocket server: y-websocket protocol at /collab/<room>, authenticated on upgrade. */
export async function createCollabServer(options: CollabOptions) {
  const { log } = options;
  const metrics = createMetrics();
  const overlapWatch = watchOverlaps({ db: options.db, log: log.child({ part: 'overlaps' }), debounceMs: options.overlapDebounceMs });
  const store = new DocumentStore({
    db: options.db,
    log,
    flushMs: options.flushMs,
    compactAfter: options.compactAfter,
    onFlushed: (seconds) => metrics.flushSeconds.observe(seconds),
    onAppended: (docId) => overlapWatch.changed(docId),
  });
  const fanout = options.bus && new RoomFanout(options.bus, log);
  const reclaimer = memoryReclaimer(log);
  const rooms = new Rooms({
    store,
    log,
    idleUnloadMs: options.idleUnloadMs,
    limits: { maxBytes: options.maxDocumentBytes, readerMsPerReader: options.readerMsPerReader },
    beforeUnload: (room) => autoVersion(options.db, room),
    afterUnload: () => reclaimer.roomUnloaded(),
    fanout,
  });
  const stopPushingOverlaps = pushOverlaps({ db: options.db, log: log.child({ part: 'overlaps' }), rooms, sweepMs: options.activityMs });
  const stopPushingActivity = pushPlanActivity({ db: options.db, log, rooms, intervalMs: options.activityMs });
  const stopPushingComments = pushComments({ db: options.db, log, rooms });
  const visits = recordVisits({ db: options.db, log });
  const stopAutoVersions = startAutoVersions({ db: options.db, log, periodMs: options.autoVersionMs, rooms: () => rooms.all() });
  registerDocumentHost(createDocumentHost(rooms));
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: COMPRESSION });
  // What each handshake negotiated, read from its response as ws writes it (just before the connection).
  const sharedFrames = new WeakMap<IncomingMessage, boolean>();
  wss.on('headers', (headers: string[], req: IncomingMessage) => sharedFrames.set(req, takesSharedFrames(headers)));
  const connections = new Set<Connection>();
  const limits = new UpgradeLimits({ upgradesPerAddress: options.upgradesPerAddress, maxSocketsPerSession: options.maxSocketsPerSession });
  let accepting = true;

  // Several changes in a burst (a chair editing a section's states) lead to one re-evaluation.
  const reevaluations = new KeyedDebounce<string>({
    waitMs: REEVALUATE_DEBOUNCE_MS,
    maxWaitMs: REEVALUATE_DEBOUNCE_MS,
    run: (planId) => void recheckPlan(options.db, log, planId, connections).catch((error: unknown) => log.error({ err: error, planId }, 're-evaluation failed')),
  });
  let changes = 0;
  const scheduleReevaluation = (planId: string) => reevaluations.call(planId);
  const stopListening = onPlanChanged((planId) => {
    changes++;
    scheduleReevaluation(planId);
  });
  const stopRevocations = onSessionRevoked((sessionId) => {
    for (const c of connections) if (c.sessionId === sessionId) c.close(CloseCode.Unauthenticated, 'signed out');
  });
  // Changes made on other instances come through Redis; those it lost while away are looked up again.
  const stopRelay = options.bus
    ? await relayAuthorizationEvents(options.bus, log, () => {
        for (const planId of new Set([...connections].map((c) => c.planId))) scheduleReevaluation(planId);
        void closeRevokedSessions().catch((error: unknown) => log.error({ err: error }, 're-checking sessions failed'));
      })
    : () => {};
  const stopSharingPresence = options.bus ? await sharePresence(options.bus, presence(), log) : async () => {};
  async function closeRevokedSessions(): Promise<void> {
    for (const sessionId of new Set([...connections].map((c) => c.sessionId))) {
      if (!(await isSessionRevoked(options.db, sessionId))) continue;
      for (const c of connections) if (c.sessionId === sessionId) c.close(CloseCode.Unauthenticated, 'signed out');
    }
  }

  function refuse(socket: Duplex, status: keyof typeof HTTP_STATUS_TEXT, reason: string, retryAfterSeconds?: number): void {
    metrics.refusedUpgrades.inc({ reason });
    const body = JSON.stringify({ error: reason });
    socket.end(
      `HTTP/1.1 ${status} ${HTTP_STATUS_TEXT[status]}\r\nContent-Type: application/json\r\n` +
        (retryAfterSeconds ? `Retry-After: ${retryAfterSeconds}\r\n` : '') +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }

  /** Completes the handshake only to close at once with a code and reason: what a browser's page can read, unlike a status. */
  function closeAtOnce(req: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string): void {
    metrics.refusedUpgrades.inc({ reason });
    wss.handleUpgrade(req, socket, head, (ws) => ws.close(code, reason));
  }

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    if (!accepting) return refuse(socket, 503, 'server shutting down');
    const address = req.socket.remoteAddress;
    const limited = await limits.attempt(address);
    if (limited) {
      if (limited.first) log.warn({ address, retryAfterSeconds: limited.retryAfterSeconds }, 'upgrades refused: too many attempts from this address');
      return refuse(socket, 429, 'too many connection attempts from this address', limited.retryAfterSeconds);
    }
    const changesBefore = changes;
    let decision;
    try {
      decision = await authenticateUpgrade(req, {
        db: options.db,
        secret: options.secret,
        secureCookie: options.secureCookie,
        siteOrigin: options.siteOrigin,
        admit: (session) => limits.holdSocket(session, socket),
      });
    } catch (error) {
      log.error({ err: error }, 'upgrade check failed');
      return refuse(socket, 503, 'try again');
    }
    if (!decision.ok) {
      log.info({ status: decision.status, reason: decision.reason, url: req.url }, 'upgrade refused');
      if (decision.status === 429) return closeAtOnce(req, socket, head, CloseCode.TooManySockets, decision.reason);
      return refuse(socket, decision.status, decision.reason);
    }
    const { roomName, userId, grant, session } = decision;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new Connection({
        socket: ws,
        rawSocket: sharedFrames.get(req) ? socket : undefined,
        rooms,
        roomName,
        userId,
        access: grant.access,
        role: grant.role,
        identity: awarenessUser({ userId, name: grant.member.name, stateCode: grant.member.stateCode, role: grant.role }),
        session,
        planId: grant.planId,
        followsPlan: followsPlan(req.url),
        metrics,
        budget: new MessageBudget(options.maxMessagesPerSecond, options.messageBurst),
        maxQueuedMessages: options.messageBurst * 10,
        log,
        maxBufferedBytes: 16 * 1024 * 1024,
      });
      connections.add(connection);
      presence().markOnline(roomName, userId);
      visits.saw(roomName, userId);
      ws.on('close', () => {
        connections.delete(connection);
        presence().markOffline(roomName, userId);
        const room = rooms.loadedRoom(roomName);
        visits.saw(roomName, userId, room?.seenNow());
      });
      // A permission change during the upgrade check may not have seen this connection yet.
      if (changes !== changesBefore) scheduleReevaluation(grant.planId);
      log.info({ room: roomName, userId, access: grant.access }, 'connected');
    });
  }

  return {
    /** Whether this upgrade request is for the collaboration server. */
    matches: (req: IncomingMessage) => (req.url ?? '').startsWith(`${COLLAB_PATH}/`),
    handleUpgrade,
    /** Flushes queued updates without closing anything (tests, readiness). */
    flush: () => store.flushAll(),
    stats: () => ({ connections: connections.size, rooms: rooms.size, decodedRooms: rooms.decodedCount }),
    /** A client took longer than HTTP_HEADERS_TIMEOUT_MS to send its headers (see server/client-errors.ts). */
    headersTimedOut: () => metrics.refusedUpgrades.inc({ reason: 'headers timeout' }),
    /** Prometheus text for /metrics, with gauges read at scrape time. */
    async metrics(): Promise<{ contentType: string; body: string }> {
      metrics.rooms.set(rooms.size);
      metrics.decodedRooms.set(rooms.decodedCount);
      metrics.persistenceQueue.set(store.pendingUpdates());
      metrics.connections.reset();
      for (const c of connections) metrics.connections.inc({ role: c.role, access: c.access });
      return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
    },
    /** Stops accepting, tells clients to reconnect elsewhere, and stores everything pending. */
    async close(): Promise<void> {
      accepting = false;
      stopListening();
      stopRevocations();
      stopRelay();
      await stopSharingPresence();
      stopAutoVersions();
      stopPushingOverlaps();
      stopPushingActivity();
      stopPushingComments();
      reclaimer.close();
      overlapWatch.close();
      registerDocumentHost(null);
      reevaluations.clear();
      rooms.close();
      for (const connection of connections) connection.close(CloseCode.GoingAway, 'server shutting down');
      for (const room of await rooms.all()) {
        await autoVersion(options.db, room).catch((error: unknown) => log.error({ err: error, room: room.name }, 'version at shutdown failed'));
      }
      await store.flushAll();
      await visits.close();
      fanout?.close();
      // Each room's awareness runs a timer; a stopped server must not keep its process alive.
      for (const room of await rooms.all()) room.destroy();
      wss.close();
    },
  };
}

export type CollabServer = Awaited<ReturnType<typeof createCollabServer>>;
