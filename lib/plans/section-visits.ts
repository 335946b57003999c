import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sections, sectionVisits } from '../../db/schema';
import { presence } from '../presence-registry';
import { sectionRoom } from '../shared/rooms';

/** `seen`: the section's snapshot as the user left it; absent when they are only arriving. */
export type SectionVisit = { userId: string; sectionId: string; at: Date; seen?: Uint8Array };

/**
 * Records that people had sections open at those moments; a later moment already stored is kept, and
 * so is the last snapshot when a visit brings none.
 */
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
    .values(kept.map((v) => ({ userId: v.userId, sectionId: v.sectionId, visitedAt: v.at, seen: v.seen ?? null })))
    .onConflictDoUpdate({
      target: [sectionVisits.userId, sectionVisits.sectionId],
      set: {
        visitedAt: sql`greatest(${sectionVisits.visitedAt}, excluded.visited_at)`,
        seen: sql`case when excluded.seen is not null and excluded.visited_at >= ${sectionVisits.visitedAt} then excluded.seen else ${sectionVisits.seen} end`,
      },
    });
}

/**
 * When the user last had each section of the plan open (ISO times, by section id; absent: never).
 * A section open now, on any instance, counts as visited now: a page leaving a section for the plan
 * page is rendered before its connection closes.
 */
export async function lastVisits(
  db: Db,
  { userId, planId }: { userId: string; planId: string },
): Promise<Record<string, string>> {
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

/** The user's last visit to a section: when, and the section as they left it (null when not known). */
export async function lastVisitTo(
  db: Db,
  { userId, sectionId }: { userId: string; sectionId: string },
): Promise<{ at: Date; seen: Uint8Array | null } | null> {
  const [row] = await db
    .select({ at: sectionVisits.visitedAt, seen: sectionVisits.seen })
    .from(sectionVisits)
    .where(and(eq(sectionVisits.userId, userId), eq(sectionVisits.sectionId, sectionId)));
  return row ?? null;
}
