import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { appError } from '../i18n/error-text';
import { can, type Phase, type Role } from '../permissions/can';
import { goalRoom } from '../shared/rooms';
import { loadAccessContext } from '../permissions/load-access-context';
import { onlineMembers, type OnlineMember, type StateRef } from './online-members';
import { readPlanRows } from './plan-rows';

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
  /** Restore an earlier version: the chair, or the coordinator of the lead state. */
  canRestoreVersion: boolean;
  /** Accept or reject amendments to the section. */
  canDecideAmendments: boolean;
  /** Resolve and reopen anyone's thread in its discussion (the chair, the lead state's coordinator). */
  canResolveThreads: boolean;
  online: OnlineMember[];
  words: number | null;
  lastEditAt: string | null;
};

export type PlanView = {
  id: string;
  title: string;
  phase: Phase;
  /** Archived by an administrator: read-only for everyone until restored. */
  archived: boolean;
  goalRoomId: string;
  canWriteGoal: boolean;
  canManage: boolean;
  /** Read the plan's audit log (the chair, an administrator; archived plans' too). */
  canReadAudit: boolean;
  /** Move the plan between phases (the chair). */
  canChangePhase: boolean;
  /** Appoint the plan's chair (an administrator). */
  canAppointChair: boolean;
  /** Write in the sections' discussions (the delegations' threads). */
  canComment: boolean;
  /** The chair opened the observers' channel; and whether the reader may write in it. */
  observerComments: boolean;
  canCommentObservers: boolean;
  /** Whether the reader may write in the observers' channel once the chair opens it: the page follows it live. */
  canCommentObserversWhenOpen: boolean;
  /** Propose amendments to any section's text. */
  canPropose: boolean;
  /** Set paragraphs' status (bracketed, ad referendum, agreed): the chair, consolidating. */
  canSetParagraphStatus: boolean;
  /** The state whose reservations on agreed paragraphs the reader records (a coordinator, consolidating or adopted); null for others. */
  reservingState: string | null;
  goalOnline: OnlineMember[];
  /** Every member, so attribution (by user id) can be shown by person and state. */
  people: Array<{ userId: string; name: string; state: StateRef | null }>;
  viewer: { userId: string; name: string; role: Role | 'admin'; state: StateRef | null };
  sections: SectionView[];
};

/** A plan as one signed-in user sees it; throws not_found for unknown plans and forbidden for outsiders. */
export async function getPlan(db: Db, options: { userId: string; planId: string }): Promise<PlanView> {
  const ctx = await loadAccessContext(db, options.userId, options.planId);
  if (!ctx) throw appError('not_found', 'noSuchPlan');
  if (!can(ctx, { type: 'plan.read' })) throw appError('forbidden', 'noSuchPlan');

  const stored = await readPlanRows(db, options.planId);
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, options.userId)).limit(1);
  if (!stored || !user) throw appError('not_found', 'noSuchPlan');
  const { plan, members, stateRef } = stored;
  const onlineByRoom = await onlineMembers(
    db,
    members,
    [...stored.sections.map((s) => s.room), goalRoom(plan.id)],
    stateRef,
  );
  const online = (room: string) => onlineByRoom.get(room) ?? [];

  return {
    id: plan.id,
    title: plan.title,
    phase: plan.phase,
    archived: ctx.plan.archived,
    goalRoomId: goalRoom(plan.id),
    canWriteGoal: can(ctx, { type: 'goal.write' }),
    canManage: can(ctx, { type: 'plan.manage' }),
    canReadAudit: can(ctx, { type: 'audit.read' }),
    canChangePhase: can(ctx, { type: 'plan.changePhase' }),
    canAppointChair: can(ctx, { type: 'plan.appointChair' }),
    canComment: can(ctx, { type: 'section.comment' }),
    observerComments: ctx.plan.observerComments === true,
    canCommentObservers: can(ctx, { type: 'section.comment', channel: 'observers' }),
    canCommentObserversWhenOpen: can(
      { ...ctx, plan: { ...ctx.plan, observerComments: true } },
      { type: 'section.comment', channel: 'observers' },
    ),
    canPropose: can(ctx, { type: 'amendment.propose' }),
    canSetParagraphStatus: can(ctx, { type: 'paragraph.status' }),
    reservingState: can(ctx, { type: 'paragraph.reserve' }) ? (ctx.membership?.stateCode ?? null) : null,
    people: members.map((m) => ({ userId: m.userId, name: m.name, state: m.stateCode ? stateRef(m.stateCode) : null })),
    goalOnline: online(goalRoom(plan.id)),
    viewer: {
      userId: options.userId,
      name: user.name,
      role: ctx.membership?.role ?? 'admin',
      state: ctx.membership?.stateCode ? stateRef(ctx.membership.stateCode) : null,
    },
    sections: stored.sections.map((row) => {
      const target = { leadState: row.leadState, coEditingStates: row.coEditing, frozen: row.frozen };
      return {
        id: row.id,
        title: row.title,
        position: row.position,
        frozen: row.frozen,
        leadState: stateRef(row.leadState),
        coEditingStates: row.coEditing.map(stateRef),
        roomId: row.room,
        canWrite: can(ctx, { type: 'section.write', section: target }),
        canNameVersion: can(ctx, { type: 'version.name', section: target }),
        canRestoreVersion: can(ctx, { type: 'version.restore', section: target }),
        canDecideAmendments: can(ctx, { type: 'amendment.decide', section: target }),
        canResolveThreads: can(ctx, { type: 'thread.resolve', authorId: null, leadState: row.leadState }),
        online: online(row.room),
        words: row.words,
        lastEditAt: row.lastEditAt,
      };
    }),
  };
}
