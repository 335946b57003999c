import { createHash } from 'node:crypto';
import { and, count, eq, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  bracketedSpans,
  overlaps,
  paragraphStatuses,
  planMetadata,
  planVersions,
  sectionComments,
  sections,
} from '../../db/schema';
import { analysedOnce, overlapsRevision } from '../consolidation/list-overlaps';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { onlineMembers, type OnlineMember } from './online-members';
import { readPlanRows } from './plan-rows';

/** Who is in a room: the people drafting or chairing by name, observers as a count (there may be hundreds). */
export type RoomPresence = { people: OnlineMember[]; observing: number };

/**
 * `messages`: how many there are in the section's discussion, the last posted at `lastMessageAt`;
 * `openThreads`: its threads neither resolved nor withdrawn.
 */
export type SectionActivity = {
  id: string;
  words: number | null;
  lastEditAt: string | null;
  messages: number;
  lastMessageAt: string | null;
  openThreads: number;
} & RoomPresence;

/**
 * What a plan's pages show that changes while people work, the same for every member: the collaboration
 * server sends it to the plan's open pages whenever it changes (server/collab/push/push-plan-activity.ts).
 * `revision` stands for the rest (title, phase, sections and their states, members, versions, paragraph
 * statuses and bracketed spans, the numbering): a page holding another revision renders again. `overlapsRevision` changes with any overlap of the plan (found,
 * re-scored, closed, resolved): the overlaps board fetches the list again.
 */
export type PlanActivity = {
  revision: string;
  openOverlaps: number;
  overlapsRevision: string;
  sections: SectionActivity[];
};

/**
 * The activity for a reader of the plan, the plan analysed first if this process has not yet (as any
 * list of its overlaps is); throws not_found for unknown plans and forbidden for outsiders.
 */
export async function readPlanActivity(db: Db, options: { userId: string; planId: string }): Promise<PlanActivity> {
  await authorize(db, { ...options, action: { type: 'plan.read' } });
  await analysedOnce(db, options.planId);
  const activity = await planActivity(db, options.planId);
  if (!activity) throw appError('not_found', 'planNotFound');
  return activity;
}

/** The plan's activity now; null for an unknown plan. No reader is authorized here: callers do that. */
export async function planActivity(db: Db, planId: string): Promise<PlanActivity | null> {
  const stored = await readPlanRows(db, planId);
  if (!stored) return null;
  const [found] = await db
    .select({
      n: count(),
      open: sql<number>`count(*) filter (where ${overlaps.status} = 'open')`.mapWith(Number),
      latest: max(overlaps.updatedAt),
    })
    .from(overlaps)
    .where(eq(overlaps.planId, planId));
  const [versions] = await db
    .select({ n: count(), latest: max(planVersions.createdAt) })
    .from(planVersions)
    .where(eq(planVersions.planId, planId));
  // The negotiation's progress (paragraphs agreed, ad referendum, bracketed) is rendered with the page:
  // any status set, changed or lifted renders it again.
  const [statuses] = await db
    .select({ n: count(), latest: max(paragraphStatuses.setAt) })
    .from(paragraphStatuses)
    .where(eq(paragraphStatuses.planId, planId));
  // So are spans bracketed and settled, and the chair's switching the numbering (every number on the page).
  const [spans] = await db
    .select({ n: count(), latest: max(bracketedSpans.createdAt) })
    .from(bracketedSpans)
    .where(eq(bracketedSpans.planId, planId));
  const [numbering] = await db
    .select({ numbering: planMetadata.numbering })
    .from(planMetadata)
    .where(eq(planMetadata.planId, planId));
  const discussed = await db
    .select({
      sectionId: sectionComments.sectionId,
      n: count(),
      latest: max(sectionComments.createdAt),
      open: sql<number>`count(*) filter (where ${and(isNull(sectionComments.parentId), isNull(sectionComments.resolvedAt), isNull(sectionComments.withdrawnAt), eq(sectionComments.channel, 'delegations'))})`.mapWith(
        Number,
      ),
    })
    .from(sectionComments)
    .innerJoin(sections, eq(sections.id, sectionComments.sectionId))
    .where(eq(sections.planId, planId))
    .groupBy(sectionComments.sectionId);
  const messages = new Map(discussed.map((d) => [d.sectionId, d]));
  const online = await onlineMembers(
    db,
    stored.members,
    stored.sections.map((s) => s.room),
    stored.stateRef,
  );
  const structure = {
    plan: [stored.plan.title, stored.plan.phase],
    sections: stored.sections.map((s) => [s.id, s.title, s.position, s.frozen, s.leadState, s.coEditing]),
    members: stored.members.map((m) => [m.userId, m.name, m.role, m.stateCode]),
    versions: [versions?.n ?? 0, versions?.latest?.toISOString() ?? null],
    statuses: [statuses?.n ?? 0, statuses?.latest?.toISOString() ?? null],
    spans: [spans?.n ?? 0, spans?.latest?.toISOString() ?? null],
    numbering: numbering?.numbering ?? 'section',
  };
  return {
    revision: createHash('sha256').update(JSON.stringify(structure)).digest('base64url').slice(0, 22),
    openOverlaps: found?.open ?? 0,
    overlapsRevision: overlapsRevision(found?.n ?? 0, found?.latest),
    sections: stored.sections.map((s) => ({
      id: s.id,
      words: s.words,
      lastEditAt: s.lastEditAt,
      messages: messages.get(s.id)?.n ?? 0,
      lastMessageAt: messages.get(s.id)?.latest?.toISOString() ?? null,
      openThreads: messages.get(s.id)?.open ?? 0,
      ...roomPresence(online.get(s.room) ?? []),
    })),
  };
}

function roomPresence(members: OnlineMember[]): RoomPresence {
  const people = members.filter((m) => m.role !== 'observer');
  return { people, observing: members.length - people.length };
}
