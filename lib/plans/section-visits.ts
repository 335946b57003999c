import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sections, sectionVisits } from '../../db/schema';
import { presence } from '../presence';
import { sectionRoom } from '../shared/rooms';

export type SectionVisit = { userId: string; sectionId: string; at: Date };

/** Records that people had sections open at those moments; a later moment already stored is kept. */
export async function recordSectionVisits(db: Db, visits: readonly SectionVisit[]): Promise<void> {
  if (!visits.length) return;
  // A section deleted meanwhile has no visits to keep (and would fail the whole statement).
  const existing = await db
    .select({ id: sections.id })
    .from(sections)
    .where(inArray(sections.id, [...new Set(visits.map((v) => v.sectionId))]));
  const kept = visits.filter((v) => existing.some((s) => s.id === v.sectionId));
  if (!kept.length) return;
  await db
    .insert(sectionVisits)
    .values(kept.map((v) => ({ userId: v.userId, sectionId: v.sectionId, visitedAt: v.at })))
    .onConflictDoUpdate({
      target: [sectionVisits.userId, sectionVisits.sectionId],
      set: { visitedAt: sql`greatest(${sectionVisits.visitedAt}, excluded.visited_at)` },
    });
}

/**
 * When the user last had each section of the plan open (ISO times, by section id; absent: never).
 * A section open now, on any instance, counts as visited now: a page leaving a section for the plan
 * page is rendered before its connection closes.
 */
export async function lastVisits(db: Db, { userId, planId }: { userId: string; planId: string }): Promise<Record<string, string>> {
  const rows = await db
    .select({ sectionId: sections.id, at: sectionVisits.visitedAt })
    .from(sections)
    .leftJoin(sectionVisits, and(eq(sectionVisits.sectionId, sections.id), eq(sectionVisits.userId, userId)))
    .where(eq(sections.planId, planId));
  const now = new Date().toISOString();
  return Object.fromEntries(
    rows.flatMap(({ sectionId, at }) => {
      if (presence().onlineIn(sectionRoom(sectionId)).includes(userId)) return [[sectionId, now]];
      return at ? [[sectionId, at.toISOString()]] : [];
    }),
  );
}
