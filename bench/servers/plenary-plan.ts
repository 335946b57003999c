import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { planMembers, sections as sectionRows, users } from '../../db/schema';
import { appointMember } from '../../lib/plans/appoint-member';
import { updateSection } from '../../lib/plans/update-section';
import { OAS_MEMBER_STATES } from '../../lib/shared/member-states';
import { goalRoom, sectionRoom } from '../../lib/shared/rooms';
import type { PlanSize } from '../plan-text';
import { crowdAccounts } from './crowd-accounts';
import { growPlan } from './grow-plan';

/** The plenary's plan as the load needs it: its rooms, who writes in each, and the observers' accounts. */
export type PlenaryPlan = {
  planId: string;
  goalRoom: string;
  words: number;
  /** Per section: its room and its two writers' user ids, the lead state's coordinator first. */
  sections: Array<{ room: string; writers: [lead: string, coEditor: string] }>;
  crowd: string[];
};

/**
 * The demo plan grown to `size` (text in every section), each section led by one state and co-edited
 * by the next, and each state's coordinator appointed, as a chair sets a plenary up: the writers then
 * pass the server's real permission checks. A plan has one coordinator per state and the OAS 34
 * states, so each coordinator writes in two sections (the one it leads and the one it co-edits), in two
 * sessions of its own; with 35 sections, the first state leads two.
 */
export async function preparePlenary(db: Db, size: PlanSize, observers: number): Promise<PlenaryPlan> {
  const grown = await growPlan(db, size);
  const { planId, userId: chairId } = grown;
  const states = OAS_MEMBER_STATES.map(([code]) => code);
  const coordinator = new Map<string, string>();
  for (const code of states) coordinator.set(code, await appointCoordinator(db, planId, chairId, code));
  const sectionIds = await db
    .select({ id: sectionRows.id })
    .from(sectionRows)
    .where(eq(sectionRows.planId, planId))
    .orderBy(asc(sectionRows.position));
  const sections: PlenaryPlan['sections'] = [];
  for (const [i, { id }] of sectionIds.entries()) {
    const lead = states[i % states.length]!;
    const coEditor = states[(i + 1) % states.length]!;
    await updateSection(db, {
      actorId: chairId,
      sectionId: id,
      input: { leadState: lead, coEditingStates: [coEditor], frozen: false },
    });
    sections.push({ room: sectionRoom(id), writers: [coordinator.get(lead)!, coordinator.get(coEditor)!] });
  }
  return {
    planId,
    goalRoom: goalRoom(planId),
    words: grown.words,
    sections,
    crowd: await crowdAccounts(db, observers),
  };
}

/** The plan's coordinator for `code`: the one seeded, or a new account appointed by the chair. */
async function appointCoordinator(db: Db, planId: string, chairId: string, code: string): Promise<string> {
  const [seeded] = await db
    .select({ userId: planMembers.userId })
    .from(planMembers)
    .where(and(eq(planMembers.planId, planId), eq(planMembers.role, 'coordinator'), eq(planMembers.stateCode, code)));
  if (seeded) return seeded.userId;
  const email = `plenary-${code.toLowerCase()}@bench.test`;
  await db
    .insert(users)
    .values({ email, name: `Coordinator ${code}` })
    .onConflictDoNothing();
  const appointed = await appointMember(db, {
    actorId: chairId,
    planId,
    input: { email, role: 'coordinator', stateCode: code },
  });
  if (appointed.kind !== 'member') throw new Error(`${email} was invited, not appointed`);
  return appointed.userId;
}
