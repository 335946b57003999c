import type { IncomingMessage } from 'node:http';
import { WebSocketServer } from 'ws';
import { presence } from '../../lib/presence-registry';
import { COLLAB_PATH } from '../../lib/shared/rooms';
import { closeRevokedSessions } from './access/close-revoked-sessions';
import { recheckOnPlanChange } from './access/recheck-on-plan-change';
import { Connections } from './connections';
import { createMetrics } from './metrics';
import type { CollabOptions } from './options';
import { pushAmendments } from './push/amendments';
import { LockedParagraphs } from './rooms/locked-paragraphs';
import { pushComments } from './push/comments';
import { pushObserverChannel } from './push/observer-channel';
import { pushNotifications } from './push/notifications';
import { watchOverlaps } from './push/overlap-analysis';
import { pushOverlaps } from './push/overlaps';
import { pushPlanActivity } from './push/push-plan-activity';
import { pushRenumbering } from './push/renumbering';
import { relayAuthorizationEvents } from './redis/events';
import { RoomFanout } from './redis/fanout';
import { sharePresence } from './redis/presence';
import { serveLiveDocuments } from './rooms/live-documents';
import { memoryReclaimer } from './rooms/memory-reclaim';
import { Rooms } from './rooms/rooms';
import { autoVersion, startAutoVersions } from './storage/auto-versions';
import { DocumentStore } from './storage/document-store';
import { recordVisits } from './storage/record-visits';
import { acceptUpgrades } from './upgrade';
import { COMPRESSION } from './wire/shared-deflate';

export type { CollabOptions } from './options';

/** A part of the server that holds something (a timer, a listener, a socket, pending writes) until closed. */
type Part = { close(): void | Promise<void> };

/**
 * The collaboration WebSocket server: y-websocket protocol at /collab/<room>, authenticated on upgrade.
 * Parts are created in order, each from those before it, and closed in the reverse order: upgrades are
 * refused first, then what acts on the rooms stops, then the connections close, and last what they
 * left is versioned and stored before the rooms, visits and sockets go.
 */
export async function createCollabServer(options: CollabOptions) {
  const { db, log, bus } = options;
  const parts: Part[] = [];
  const part = <T extends Part>(created: T): T => {
    parts.push(created);
    return created;
  };

  const metrics = createMetrics();
  const wss = part(
    new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: COMPRESSION }),
  );
  const fanout = bus && part(new RoomFanout(bus, log));
  const visits = part(recordVisits({ db, log }));
  const store = new DocumentStore({
    db,
    log,
    flushMs: options.flushMs,
    compactAfter: options.compactAfter,
    onFlushed: (seconds) => metrics.flushSeconds.observe(seconds),
  });
  const reclaimer = part(memoryReclaimer(log));
  const locks = await LockedParagraphs.read(db);
  const rooms = part(
    new Rooms({
      store,
      log,
      idleUnloadMs: options.idleUnloadMs,
      limits: { maxBytes: options.maxDocumentBytes, readerMsPerReader: options.readerMsPerReader },
      beforeUnload: (room) => autoVersion(db, room),
      afterUnload: () => reclaimer.roomUnloaded(),
      fanout,
      lockedParagraphs: (name) => locks.of(name),
    }),
  );
  const connections = part(new Connections());
  part(serveLiveDocuments(rooms, locks));
  part(watchOverlaps({ db, log: log.child({ part: 'overlaps' }), store, debounceMs: options.overlapDebounceMs }));
  part(pushComments({ db, log, rooms }));
  part(pushAmendments({ db, log, rooms, locks }));
  part(pushNotifications({ db, log, connections }));
  part(pushObserverChannel({ db, log, connections }));
  part(pushPlanActivity({ db, log, rooms, intervalMs: options.activityMs }));
  part(pushRenumbering({ db, log, rooms, intervalMs: options.activityMs }));
  part(pushOverlaps({ db, log: log.child({ part: 'overlaps' }), rooms, sweepMs: options.activityMs }));
  part(startAutoVersions({ db, log, periodMs: options.autoVersionMs, rooms: () => rooms.all() }));
  const rechecks = part(recheckOnPlanChange({ db, log, connections }));
  const revocations = part(closeRevokedSessions({ db, log, connections }));
  if (bus) {
    part(await sharePresence(bus, presence(), log));
    // Changes made on other instances come through Redis; those it lost while away are looked up again.
    part(
      await relayAuthorizationEvents(bus, log, () => {
        rechecks.recheckAll();
        revocations.recheckAll();
      }),
    );
  }
  const upgrades = part(acceptUpgrades({ ...options, wss, metrics, rooms, connections, visits, rechecks }));

  return {
    /** Whether this upgrade request is for the collaboration server. */
    matches: (req: IncomingMessage) => (req.url ?? '').startsWith(`${COLLAB_PATH}/`),
    handleUpgrade: upgrades.handleUpgrade,
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
      for (const created of [...parts].reverse()) await created.close();
    },
  };
}

export type CollabServer = Awaited<ReturnType<typeof createCollabServer>>;
