import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { overlaps } from '../../db/schema';
import type { Overlap } from '../overlap';
// Not the index: it brings the language model (tens of MiB) into a collaboration server that only compares versions.
import { textSimilarity } from '../overlap/text-similarity';
import { notifyOverlapsChanged } from '../plans/plan-events';
import { sharedTranslator } from '../translation';
import { inPlanQueue } from './plan-queue';
import { planSections, readSectionText, type SectionText } from './plan-sections';
import { sharedAnalyser } from './shared-analyser';

type Row = typeof overlaps.$inferSelect;

/**
 * Below this similarity to the text the chair judged, a dismissed or kept overlap counts as changed
 * substantially and comes back; small edits (a word, punctuation) stay well above it.
 */
const SAME_TEXT = 0.8;

/** Which stored overlap wins when several point at the same two paragraphs. */
const PRECEDENCE: Record<Row['status'], number> = { open: 0, merged: 1, kept: 1, dismissed: 1, closed: 2 };

const pairKey = (a: { section: string; paragraph: number }, b: { section: string; paragraph: number }) =>
  [`${a.section}:${a.paragraph}`, `${b.section}:${b.paragraph}`].sort().join('|');

/** Overlaps opened and closed; `changedSections`: the sections of every overlap stored differently now. */
export type RefreshResult = { opened: number; closed: number; changedSections: string[] };

/**
 * Analyses the plan's current text (translation included, see currentOverlaps) and brings the stored overlaps up to date: new ones are stored with
 * anchors on both paragraphs; stored ones follow their anchors, so an overlap stays the same overlap
 * while people type; open ones whose passages no longer match are closed; dismissed and kept ones
 * come back only if a passage changed substantially since the chair's decision.
 */
export function refreshOverlaps(db: Db, planId: string): Promise<RefreshResult> {
  return inPlanQueue(planId, async () => {
    const rows = await db.select().from(overlaps).where(eq(overlaps.planId, planId));
    const sections = await planSections(db, planId);
    const texts = new Map<string, SectionText>();
    for (const section of sections) {
      const anchors = rows.flatMap((r) => [
        ...(r.sectionA === section.id ? [r.anchorA] : []),
        ...(r.sectionB === section.id ? [r.anchorB] : []),
      ]);
      texts.set(section.id, await readSectionText(section.id, anchors));
    }
    const current = new Map(sections.map((s) => [s.id, texts.get(s.id)!.paragraphs]));
    // On the server's overlap thread, off the collaboration event loop; in a process without one (a
    // script, a test without a server) here, through the process's translator when it has one. The
    // analysis and its language model are imported then, so a server whose thread does it never loads them.
    const analyser = sharedAnalyser();
    const { overlaps: found } = analyser
      ? await analyser.currentOverlaps(planId, current)
      : await (await import('./plan-index')).currentOverlaps(planId, current, sharedTranslator());
    // No transaction: each write stands alone and the next analysis completes an interrupted one, and a
    // transaction cut by a database restart can take the process down (postgres.js 3.4.9, porsager/postgres#1208).
    const result = await reconcile(db, planId, rows, texts, found);
    notifyOverlapsChanged(planId, result.changedSections);
    return result;
  });
}

async function reconcile(
  db: Db,
  planId: string,
  rows: Row[],
  texts: Map<string, SectionText>,
  found: Overlap[],
): Promise<RefreshResult> {
  const where = (row: Row) => ({
    a: texts.get(row.sectionA)?.located.get(row.anchorA) ?? -1,
    b: texts.get(row.sectionB)?.located.get(row.anchorB) ?? -1,
  });
  const stored = new Map<string, Row>();
  for (const row of [...rows].sort((x, y) => PRECEDENCE[x.status] - PRECEDENCE[y.status])) {
    const { a, b } = where(row);
    if (a < 0 || b < 0) continue;
    const key = pairKey({ section: row.sectionA, paragraph: a }, { section: row.sectionB, paragraph: b });
    if (!stored.has(key)) stored.set(key, row);
  }

  const now = new Date();
  const matched = new Set<string>();
  const changed = new Set<string>();
  const touch = (row: { sectionA: string; sectionB: string }) => changed.add(row.sectionA).add(row.sectionB);
  let opened = 0;
  for (const overlap of found) {
    const row = stored.get(pairKey(overlap.a, overlap.b));
    const text = (ref: { section: string; paragraph: number }) => texts.get(ref.section)!.paragraphs[ref.paragraph]!;
    if (!row) {
      const anchor = (ref: { section: string; paragraph: number }) => texts.get(ref.section)!.anchors[ref.paragraph]!;
      const [inserted] = await db
        .insert(overlaps)
        .values({
          planId,
          sectionA: overlap.a.section,
          anchorA: anchor(overlap.a),
          textA: text(overlap.a),
          sectionB: overlap.b.section,
          anchorB: anchor(overlap.b),
          textB: text(overlap.b),
          score: overlap.score,
          kind: overlap.kind,
        })
        // Another instance may have stored the same pair a moment ago.
        .onConflictDoNothing()
        .returning({ id: overlaps.id });
      if (inserted) {
        opened++;
        touch({ sectionA: overlap.a.section, sectionB: overlap.b.section });
      }
      continue;
    }
    matched.add(row.id);
    const { a, b } = where(row);
    const current = {
      textA: texts.get(row.sectionA)!.paragraphs[a]!,
      textB: texts.get(row.sectionB)!.paragraphs[b]!,
      score: overlap.score,
      kind: overlap.kind,
    };
    if (row.status === 'open') {
      if (row.textA !== current.textA || row.textB !== current.textB || row.score !== current.score) {
        // The sections show the score; the passages' text matters to the chair's view, which polls.
        if ((await writeIfStill(db, row, { ...current, updatedAt: now })) && row.score !== current.score) touch(row);
      }
    } else if (
      row.status === 'closed' ||
      ((row.status === 'dismissed' || row.status === 'kept') && changedSubstantially(row, current))
    ) {
      if (
        await writeIfStill(db, row, {
          ...current,
          status: 'open',
          resolution: null,
          resolvedBy: null,
          resolvedAt: null,
          detectedAt: now,
          updatedAt: now,
        })
      ) {
        opened++;
        touch(row);
      }
    }
  }

  let closed = 0;
  for (const row of rows) {
    if (row.status !== 'open' || matched.has(row.id)) continue;
    if (!(await writeIfStill(db, row, { status: 'closed', updatedAt: now }))) continue;
    closed++;
    touch(row);
  }
  return { opened, closed, changedSections: [...changed] };
}

/**
 * Writes over a stored overlap only while it has the status this analysis read: a decision the chair
 * took meanwhile, on any instance (a merge, which also changes the passages), is not closed or reopened
 * by an analysis of the text before it. The next analysis sees the decision.
 */
async function writeIfStill(db: Db, row: Row, values: Partial<Row>): Promise<boolean> {
  const written = await db
    .update(overlaps)
    .set(values)
    .where(and(eq(overlaps.id, row.id), eq(overlaps.status, row.status)))
    .returning({ id: overlaps.id });
  return written.length > 0;
}

function changedSubstantially(row: Row, current: { textA: string; textB: string }): boolean {
  return textSimilarity(row.textA, current.textA) < SAME_TEXT || textSimilarity(row.textB, current.textB) < SAME_TEXT;
}
