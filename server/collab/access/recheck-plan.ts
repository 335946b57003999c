import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { resolveRoomAccess } from '../../../lib/permissions/resolve-room-access';
import { awarenessUser } from '../../../lib/shared/awareness-user';
import { CloseCode } from '../../../lib/shared/close-codes';
import { parseRoom } from '../../../lib/shared/rooms';
import type { Connection } from '../connection';

/**
 * Re-decides every open connection of a plan after its appointments, sections, freezes or phase
 * changed: downgrade to read, upgrade to write, or close (removed from the plan, section deleted);
 * who the user is to the others (role, state) follows the appointment.
 */
export async function recheckPlan(
  db: Db,
  log: Logger,
  planId: string,
  connections: Iterable<Connection>,
): Promise<void> {
  const affected = [...connections].filter((c) => c.planId === planId);
  const decisions = new Map<string, ReturnType<typeof resolveRoomAccess>>();
  for (const connection of affected) {
    const key = `${connection.userId} ${connection.roomName}`;
    let decision = decisions.get(key);
    if (!decision) {
      const room = parseRoom(connection.roomName);
      decision = room ? resolveRoomAccess(db, connection.userId, room) : Promise.resolve(null);
      decisions.set(key, decision);
    }
    const grant = await decision;
    if (!grant) connection.close(CloseCode.Gone, 'this document no longer exists');
    else if (grant.access === 'none') connection.close(CloseCode.Forbidden, 'no longer a member of this plan');
    else
      connection.setAccess(
        grant.access,
        awarenessUser({
          userId: connection.userId,
          name: grant.member.name,
          stateCode: grant.member.stateCode,
          role: grant.role,
        }),
      );
  }
  log.debug({ planId, connections: affected.length }, 're-evaluated connections');
}
