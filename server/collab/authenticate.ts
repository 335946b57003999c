import type { IncomingMessage } from 'node:http';
import type { Db } from '../../db/client';
import { sessionUserId } from '../../lib/auth/session-token';
import { resolveRoomAccess, type RoomGrant } from '../../lib/plans/room-access';
import { COLLAB_PATH, parseRoom } from '../../lib/shared/rooms';

export type UpgradeDecision =
  | { ok: true; roomName: string; userId: string; grant: RoomGrant & { access: 'read' | 'write' } }
  | { ok: false; status: 401 | 403 | 404; reason: string };

/** Decides an upgrade before any Yjs traffic: session first (401), then the room (404), then access (403). */
export async function authenticateUpgrade(
  req: IncomingMessage,
  options: { db: Db; secret: string; secureCookie: boolean },
): Promise<UpgradeDecision> {
  const userId = await sessionUserId(req, options.secret, options.secureCookie);
  if (!userId) return { ok: false, status: 401, reason: 'no valid session' };
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const roomName = decodeURIComponent(path.slice(COLLAB_PATH.length + 1));
  const room = parseRoom(roomName);
  if (!room) return { ok: false, status: 404, reason: 'unknown room' };
  const grant = await resolveRoomAccess(options.db, userId, room);
  if (!grant) return { ok: false, status: 404, reason: 'unknown room' };
  if (grant.access === 'none') return { ok: false, status: 403, reason: 'not a member of this plan' };
  return { ok: true, roomName, userId, grant: { ...grant, access: grant.access } };
}
