import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDatabase } from '../../db/prepared';
import { planMembers, plans, sectionCoEditors, sections, users } from '../../db/schema';
import { roomAccess, type Role, type RoomAccess } from './can';
import type { RoomRef } from '../shared/rooms';
import { accessColumns, loadAccessRow, toAccessContext, type AccessRow } from './load-access-context';

/** `member`: who the user is in the plan, as others in the room see them (name, state; server/collab/awareness/stamp.ts). */
export type RoomGrant = {
  planId: string;
  access: RoomAccess;
  role: Role | 'admin';
  member: { name: string; stateCode: string | null };
};

/**
 * What `userId` may do in a collaboration room; null when the room names nothing that exists. One
 * statement per room: it runs for every socket that opens, and a plenary's worth of them reconnect
 * together after a restart.
 */
export async function resolveRoomAccess(db: Db, userId: string, room: RoomRef): Promise<RoomGrant | null> {
  if (room.kind === 'goal') {
    const row = await loadAccessRow(db, userId, room.planId);
    if (!row) return null;
    const ctx = toAccessContext(userId, row);
    return {
      planId: room.planId,
      access: roomAccess(ctx, { kind: 'goal' }),
      role: ctx.membership?.role ?? 'admin',
      member: memberOf(row),
    };
  }
  const [row] = await sectionAccessQuery(db).execute({ sectionId: room.sectionId, userId });
  if (!row) return null;
  const ctx = toAccessContext(userId, row);
  const target = {
    leadState: row.leadState,
    coEditingStates: row.coEditingStates?.split(',') ?? [],
    frozen: row.frozen,
  };
  return {
    planId: row.planId,
    access: roomAccess(ctx, { kind: 'section', section: target }),
    role: ctx.membership?.role ?? 'admin',
    member: memberOf(row),
  };
}

function memberOf(row: AccessRow): RoomGrant['member'] {
  return { name: row.userName, stateCode: row.role ? row.stateCode : null };
}

const sectionAccessQuery = preparedPerDatabase((db) =>
  db
    .select({
      ...accessColumns,
      planId: sections.planId,
      leadState: sections.leadState,
      frozen: sections.frozen,
      // State codes are three letters: a comma-separated list reads the same on Postgres and PGlite.
      coEditingStates: sql<
        string | null
      >`(select string_agg(${sectionCoEditors.stateCode}, ',') from ${sectionCoEditors} where ${sectionCoEditors.sectionId} = ${sections.id})`,
    })
    .from(sections)
    .innerJoin(plans, eq(plans.id, sections.planId))
    .innerJoin(users, eq(users.id, sql.placeholder('userId')))
    .leftJoin(planMembers, and(eq(planMembers.planId, plans.id), eq(planMembers.userId, users.id)))
    .where(eq(sections.id, sql.placeholder('sectionId')))
    .limit(1)
    .prepare('section_room_access'),
);
