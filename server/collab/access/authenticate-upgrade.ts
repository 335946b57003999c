import type { IncomingMessage } from 'node:http';
import type { Db } from '../../../db/client';
import { currentSession } from '../../../lib/auth/current-session';
import type { SessionClaims } from '../../../lib/auth/session-token';
import { isSiteOrigin } from '../../../lib/http/cross-site';
import { resolveRoomAccess, type RoomGrant } from '../../../lib/permissions/resolve-room-access';
import { COLLAB_PATH, parseRoom } from '../../../lib/shared/rooms';

export type UpgradeDecision =
  | {
      ok: true;
      roomName: string;
      userId: string;
      session: SessionClaims;
      grant: RoomGrant & { access: 'read' | 'write' };
    }
  | { ok: false; status: 401 | 403 | 404 | 429; reason: string };

/**
 * Browsers always send Origin on a WebSocket handshake and attach the user's cookies whatever page
 * opened it, so a foreign Origin is refused (cross-site WebSocket hijacking). Clients without a
 * browser send none and still need a valid session.
 */
function sameSite(req: IncomingMessage, siteOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  return origin === undefined || isSiteOrigin(origin, { siteOrigin, host: req.headers.host });
}

/**
 * Decides an upgrade before any Yjs traffic: session first (401), then whether it may open one more
 * socket (`admit`, 429: before the database is read), then the room (404), then access (403).
 */
export async function authenticateUpgrade(
  req: IncomingMessage,
  options: {
    db: Db;
    secret: string;
    secureCookie: boolean;
    siteOrigin: string | undefined;
    admit?: (session: SessionClaims) => boolean;
  },
): Promise<UpgradeDecision> {
  if (!sameSite(req, options.siteOrigin)) return { ok: false, status: 403, reason: 'cross-site WebSocket refused' };
  // The same check as every route handler and page: a signed-out or expired session is refused here too.
  const session = await currentSession(options.db, req.headers, options);
  if (!session) return { ok: false, status: 401, reason: 'no valid session' };
  if (options.admit && !options.admit(session))
    return { ok: false, status: 429, reason: 'too many open connections for this session; close other tabs' };
  const { userId } = session;
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const roomName = decodeURIComponent(path.slice(COLLAB_PATH.length + 1));
  const room = parseRoom(roomName);
  const grant = room ? await resolveRoomAccess(options.db, userId, room) : null;
  if (!grant) return { ok: false, status: 404, reason: 'unknown room' };
  if (grant.access === 'none') return { ok: false, status: 403, reason: 'not a member of this plan' };
  return { ok: true, roomName, userId, session, grant: { ...grant, access: grant.access } };
}
