import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { presence } from '../../lib/presence-registry';
import { awarenessUser } from '../../lib/shared/awareness-user';
import { CloseCode } from '../../lib/shared/close-codes';
import { followsPlan, readsWholePlan } from '../../lib/shared/rooms';
import { authenticateUpgrade } from './access/authenticate-upgrade';
import type { PlanChangeRechecks } from './access/recheck-on-plan-change';
import { UpgradeLimits } from './access/upgrade-limits';
import { Connection } from './connection';
import type { Connections } from './connections';
import type { Metrics } from './metrics';
import type { CollabOptions } from './options';
import type { Rooms } from './rooms/rooms';
import type { SectionVisits } from './storage/record-visits';
import { MessageBudget } from './wire/message-budget';
import { takesSharedFrames } from './wire/shared-deflate';

export type UpgradeOptions = Pick<
  CollabOptions,
  | 'db'
  | 'log'
  | 'secret'
  | 'secureCookie'
  | 'siteOrigin'
  | 'maxMessagesPerSecond'
  | 'messageBurst'
  | 'upgradesPerAddress'
  | 'maxSocketsPerSession'
> & {
  wss: WebSocketServer;
  metrics: Metrics;
  rooms: Rooms;
  connections: Connections;
  visits: SectionVisits;
  rechecks: PlanChangeRechecks;
};

const HTTP_STATUS_TEXT = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
} as const;

/**
 * Takes the socket upgrades for /collab/<room>: counted against the address and session limits,
 * authenticated and authorized before any Yjs traffic, refused with an HTTP status (or, for too many
 * sockets, a close code a page can read), else opened as a Connection in its room.
 */
export function acceptUpgrades(options: UpgradeOptions) {
  const { log, wss, metrics, rooms, connections, visits, rechecks } = options;
  // What each handshake negotiated, read from its response as ws writes it (just before the connection).
  const sharedFrames = new WeakMap<IncomingMessage, boolean>();
  wss.on('headers', (headers: string[], req: IncomingMessage) => sharedFrames.set(req, takesSharedFrames(headers)));
  const limits = new UpgradeLimits({
    upgradesPerAddress: options.upgradesPerAddress,
    maxSocketsPerSession: options.maxSocketsPerSession,
  });
  let accepting = true;

  function refuse(
    socket: Duplex,
    status: keyof typeof HTTP_STATUS_TEXT,
    reason: string,
    retryAfterSeconds?: number,
  ): void {
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
      if (limited.first)
        log.warn(
          { address, retryAfterSeconds: limited.retryAfterSeconds },
          'upgrades refused: too many attempts from this address',
        );
      return refuse(socket, 429, 'too many connection attempts from this address', limited.retryAfterSeconds);
    }
    const changesBefore = rechecks.changes;
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
        identity: awarenessUser({
          userId,
          name: grant.member.name,
          stateCode: grant.member.stateCode,
          role: grant.role,
        }),
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
      const present = !readsWholePlan(req.url);
      if (present) presence().markOnline(roomName, userId);
      visits.saw(roomName, userId);
      ws.on('close', () => {
        connections.delete(connection);
        if (present) presence().markOffline(roomName, userId);
        const room = rooms.loadedRoom(roomName);
        visits.saw(roomName, userId, room?.seenNow());
      });
      // A permission change during the upgrade check may not have seen this connection yet.
      if (rechecks.changes !== changesBefore) rechecks.recheck(grant.planId);
      log.info({ room: roomName, userId, access: grant.access }, 'connected');
    });
  }

  return {
    handleUpgrade,
    /** Refuses further upgrades (503): the server is shutting down. */
    close(): void {
      accepting = false;
    },
  };
}
