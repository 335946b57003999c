import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { docStats, memberStates, planMembers, plans, sectionCoEditors, sections, users } from '../../db/schema';
import { AppError } from '../errors';
import { can, type Phase, type Role } from '../permissions';
import { presence } from '../presence';
import { goalRoom, sectionRoom } from '../shared/rooms';
import { loadAccessContext } from './access-context';

export type StateRef = { code: string; name: string };

export type SectionView = {
  id: string;
  title: string;
  position: number;
  frozen: boolean;
  leadState: StateRef;
  coEditingStates: StateRef[];
  roomId: string;
  /** Mirrors the server's decision so the UI can show an editable or read-only editor. */
  canWrite: boolean;
  canNameVersion: boolean;
  online: OnlineMember[];
  words: number | null;
  lastEditAt: string | null;
};

export type OnlineMember = { name: string; role: Role | 'admin'; state: StateRef | null };

export type PlanView = {
  id: string;
  title: string;
  phase: Phase;
  goalRoomId: string;
  canWriteGoal: boolean;
  canManage: boolean;
  canRestoreVersions: boolean;
  goalOnline: OnlineMember[];
  /** Every member, so attribution (by user id) can be shown by person and state. */
  people: Array<{ userId: string; name: string; state: StateRef | null }>;
  viewer: { userId: string; name: string; role: Role | 'admin'; state: StateRef | null };
  sections: SectionView[];
};

/** A plan as one signed-in user sees it; throws not_found for unknown plans and forbidden for outsiders. */
export async function getPlan(db: Db, options: { userId: string; planId: string }): Promise<PlanView> {
  const ctx = await loadAccessContext(db, options.userId, options.planId);
  if (!ctx) throw new AppError('not_found', 'No such plan');
  if (!can(ctx, { type: 'plan.read' })) throw new AppError('forbidden', 'You are not a member of this plan');

  const [plan] = await db.select().from(plans).where(eq(plans.id, options.planId)).limit(1);
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, options.userId)).limit(1);
  if (!plan || !user) throw new AppError('not_found', 'No such plan');

  const rows = await db.select().from(sections).where(eq(sections.planId, plan.id)).orderBy(asc(sections.position));
  const coEditors = rows.length
    ? await db.select().from(sectionCoEditors).where(inArray(sectionCoEditors.sectionId, rows.map((r) => r.id)))
    : [];
  const states = new Map((await db.select().from(memberStates)).map((s) => [s.code, { code: s.code, name: s.nameEn }]));
  const stateRef = (code: string): StateRef => states.get(code) ?? { code, name: code };
  const roomIds = rows.map((r) => sectionRoom(r.id));
  const stats = new Map(
    roomIds.length ? (await db.select().from(docStats).where(inArray(docStats.docId, roomIds))).map((s) => [s.docId, s]) : [],
  );
  const onlineIds = [...new Set([...roomIds, goalRoom(plan.id)].flatMap((room) => presence().onlineIn(room)))];
  const members = await db
    .select({ userId: users.id, name: users.name, role: planMembers.role, stateCode: planMembers.stateCode })
    .from(planMembers)
    .innerJoin(users, eq(users.id, planMembers.userId))
    .where(eq(planMembers.planId, plan.id));
  const outsiders = onlineIds.filter((id) => !members.some((m) => m.userId === id));
  // Administrators may look in without being members.
  const visitors = outsiders.length ? await db.select({ userId: users.id, name: users.name }).from(users).where(inArray(users.id, outsiders)) : [];
  const people: Array<{ userId: string; name: string; role: Role | null; stateCode: string | null }> = [
    ...members,
    ...visitors.map((v) => ({ ...v, role: null, stateCode: null })),
  ];
  const online = (room: string): OnlineMember[] =>
    presence().onlineIn(room).flatMap((id) => {
      const p = people.find((x) => x.userId === id);
      return p ? [{ name: p.name, role: p.role ?? 'admin', state: p.stateCode ? stateRef(p.stateCode) : null }] : [];
    });

  return {
    id: plan.id,
    title: plan.title,
    phase: plan.phase,
    goalRoomId: goalRoom(plan.id),
    canWriteGoal: can(ctx, { type: 'goal.write' }),
    canManage: can(ctx, { type: 'plan.manage' }),
    canRestoreVersions: can(ctx, { type: 'version.restore' }),
    people: members.map((m) => ({ userId: m.userId, name: m.name, state: m.stateCode ? stateRef(m.stateCode) : null })),
    goalOnline: online(goalRoom(plan.id)),
    viewer: {
      userId: options.userId,
      name: user.name,
      role: ctx.membership?.role ?? 'admin',
      state: ctx.membership?.stateCode ? stateRef(ctx.membership.stateCode) : null,
    },
    sections: rows.map((row) => {
      const coEditing = coEditors.filter((c) => c.sectionId === row.id).map((c) => c.stateCode);
      const target = { leadState: row.leadState, coEditingStates: coEditing, frozen: row.frozen };
      const stat = stats.get(sectionRoom(row.id));
      return {
        id: row.id,
        title: row.title,
        position: row.position,
        frozen: row.frozen,
        leadState: stateRef(row.leadState),
        coEditingStates: coEditing.map(stateRef),
        roomId: sectionRoom(row.id),
        canWrite: can(ctx, { type: 'section.write', section: target }),
        canNameVersion: can(ctx, { type: 'version.name', section: target }),
        online: online(sectionRoom(row.id)),
        words: stat?.words ?? null,
        lastEditAt: stat?.lastEditAt.toISOString() ?? null,
      };
    }),
  };
}
