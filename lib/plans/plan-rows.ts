import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { docStats, memberStates, planMembers, plans, sectionCoEditors, sections, users } from '../../db/schema';
import { sectionRoom } from '../shared/rooms';
import type { StateRef } from './online-members';

/**
 * A plan as stored, for the views built on it: its sections in order with their co-editing states and
 * figures, and its members. Ordered throughout, so that the same plan always reads the same. Null for
 * an unknown plan. No reader is authorized here: callers do that.
 */
export async function readPlanRows(db: Db, planId: string) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId)).limit(1);
  if (!plan) return null;
  const rows = await db
    .select()
    .from(sections)
    .where(eq(sections.planId, plan.id))
    .orderBy(asc(sections.position), asc(sections.id));
  const ids = rows.map((r) => r.id);
  const rooms = ids.map(sectionRoom);
  const coEditors = ids.length
    ? await db
        .select()
        .from(sectionCoEditors)
        .where(inArray(sectionCoEditors.sectionId, ids))
        .orderBy(asc(sectionCoEditors.stateCode))
    : [];
  const stats = new Map(
    rooms.length
      ? (await db.select().from(docStats).where(inArray(docStats.docId, rooms))).map((s) => [s.docId, s])
      : [],
  );
  const states = new Map((await db.select().from(memberStates)).map((s) => [s.code, { code: s.code, name: s.nameEn }]));
  const members = await db
    .select({ userId: users.id, name: users.name, role: planMembers.role, stateCode: planMembers.stateCode })
    .from(planMembers)
    .innerJoin(users, eq(users.id, planMembers.userId))
    .where(eq(planMembers.planId, plan.id))
    .orderBy(asc(users.id));
  return {
    plan,
    sections: rows.map((row) => {
      const stat = stats.get(sectionRoom(row.id));
      return {
        ...row,
        room: sectionRoom(row.id),
        coEditing: coEditors.filter((c) => c.sectionId === row.id).map((c) => c.stateCode),
        words: stat?.words ?? null,
        lastEditAt: stat?.lastEditAt.toISOString() ?? null,
      };
    }),
    members,
    stateRef: (code: string): StateRef => states.get(code) ?? { code, name: code },
  };
}
