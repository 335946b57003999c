import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { planMembers, plans, users } from '../../db/schema';
import type { Phase, Role } from '../permissions/can';

/**
 * A plan in the list of one's plans, with what has happened in it: its last edit (when, by whom: null
 * when not known), the sections one's state drafts or co-edits, the overlaps still open, and the
 * discussion messages others posted in its sections since one last had each section open.
 */
export type PlanSummary = {
  id: string;
  title: string;
  phase: Phase;
  role: Role | 'admin';
  lastEditAt: string | null;
  lastEditor: string | null;
  mySections: number;
  openOverlaps: number;
  unreadMessages: number;
  /** The latest of its last edit, its last message and its creation: the list is ordered by it. */
  lastActivityAt: string;
};

const epochMs = (expression: ReturnType<typeof sql>) =>
  sql<number | null>`(extract(epoch from ${expression}) * 1000)`.mapWith(Number);

/**
 * The plans a user belongs to (an administrator: every plan), most recent activity first. Archived plans
 * are left out (see listAllPlans). Two queries whatever the number of plans: the figures are subqueries
 * on indexed columns (doc_stats by document, overlaps by plan and status, messages by section).
 */
export async function listPlans(db: Db, userId: string): Promise<PlanSummary[]> {
  const [user] = await db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return [];
  // The plan's documents: its goal and its sections.
  const planDocs = sql`(ds.doc_id = 'goal-' || ${plans.id}::text or ds.doc_id in (select 'section-' || s.id::text from sections s where s.plan_id = ${plans.id}))`;
  const lastEdit = sql`(select max(ds.last_edit_at) from doc_stats ds where ${planDocs})`;
  const lastMessage = sql`(select max(c.created_at) from section_comments c join sections s on s.id = c.section_id where s.plan_id = ${plans.id} and c.withdrawn_at is null)`;
  const activity = sql`greatest(${lastEdit}, ${lastMessage}, ${plans.createdAt})`;
  const rows = await db
    .select({
      id: plans.id,
      title: plans.title,
      phase: plans.phase,
      role: planMembers.role,
      lastEditAt: epochMs(lastEdit),
      lastEditor: sql<
        string | null
      >`(select u.name from doc_stats ds left join users u on u.id = ds.last_edit_by where ${planDocs} order by ds.last_edit_at desc limit 1)`,
      mySections:
        sql<number>`(select count(*) from sections s where s.plan_id = ${plans.id} and ${planMembers.stateCode} is not null and (s.lead_state = ${planMembers.stateCode} or exists (select 1 from section_co_editors e where e.section_id = s.id and e.state_code = ${planMembers.stateCode})))`.mapWith(
          Number,
        ),
      openOverlaps:
        sql<number>`(select count(*) from "overlaps" o where o.plan_id = ${plans.id} and o.status = 'open')`.mapWith(
          Number,
        ),
      unreadMessages:
        sql<number>`(select count(*) from section_comments c join sections s on s.id = c.section_id left join section_visits v on v.section_id = c.section_id and v.user_id = ${userId} where s.plan_id = ${plans.id} and c.withdrawn_at is null and c.author_id is distinct from ${userId} and (v.visited_at is null or c.created_at > v.visited_at))`.mapWith(
          Number,
        ),
      lastActivityAt: epochMs(activity),
    })
    .from(plans)
    .leftJoin(planMembers, and(eq(planMembers.planId, plans.id), eq(planMembers.userId, userId)))
    .where(and(isNull(plans.archivedAt), user.isAdmin ? undefined : isNotNull(planMembers.userId)))
    .orderBy(desc(activity), desc(plans.createdAt));
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return rows.map((row) => ({
    ...row,
    role: row.role ?? 'admin',
    lastEditAt: iso(row.lastEditAt),
    lastActivityAt: iso(row.lastActivityAt)!,
  }));
}
