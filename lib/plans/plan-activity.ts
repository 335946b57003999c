import { createHash } from 'node:crypto';
import { and, count, eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { overlaps, planVersions } from '../../db/schema';
import { onlineMembers, type OnlineMember } from './online-members';
import { readPlanRows } from './plan-rows';

/** Who is in a room: the people drafting or chairing by name, observers as a count (there may be hundreds). */
export type RoomPresence = { people: OnlineMember[]; observing: number };

export type SectionActivity = { id: string; words: number | null; lastEditAt: string | null } & RoomPresence;

/**
 * What a plan's page shows that changes while people work, the same for every member: the collaboration
 * server sends it to the plan's open pages whenever it changes (server/collab/plan-activity-push.ts).
 * `revision` stands for the rest (title, phase, sections and their states, members, versions): a page
 * holding another revision renders again.
 */
export type PlanActivity = { revision: string; openOverlaps: number; sections: SectionActivity[] };

/** The plan's activity now; null for an unknown plan. No reader is authorized here: callers do that. */
export async function planActivity(db: Db, planId: string): Promise<PlanActivity | null> {
  const stored = await readPlanRows(db, planId);
  if (!stored) return null;
  const [open] = await db.select({ n: count() }).from(overlaps).where(and(eq(overlaps.planId, planId), eq(overlaps.status, 'open')));
  const [versions] = await db.select({ n: count(), latest: max(planVersions.createdAt) }).from(planVersions).where(eq(planVersions.planId, planId));
  const online = await onlineMembers(db, stored.members, stored.sections.map((s) => s.room), stored.stateRef);
  const structure = {
    plan: [stored.plan.title, stored.plan.phase],
    sections: stored.sections.map((s) => [s.id, s.title, s.position, s.frozen, s.leadState, s.coEditing]),
    members: stored.members.map((m) => [m.userId, m.name, m.role, m.stateCode]),
    versions: [versions?.n ?? 0, versions?.latest?.toISOString() ?? null],
  };
  return {
    revision: createHash('sha256').update(JSON.stringify(structure)).digest('base64url').slice(0, 22),
    openOverlaps: open?.n ?? 0,
    sections: stored.sections.map((s) => ({ id: s.id, words: s.words, lastEditAt: s.lastEditAt, ...roomPresence(online.get(s.room) ?? []) })),
  };
}

function roomPresence(members: OnlineMember[]): RoomPresence {
  const people = members.filter((m) => m.role !== 'observer');
  return { people, observing: members.length - people.length };
}
