import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { overlaps, users, type OverlapResolution } from '../../db/schema';
import { appError } from '../i18n/error-text';
import { can } from '../permissions/can';
import { authorize } from '../permissions/authorize-action';
import { sectionRoom } from '../shared/rooms';
import type { TextLanguage } from '../shared/text-languages';
import { sharedTranslator, translationAvailability, type TranslationAvailability } from '../translation';
import { documentTarget } from '../versions/document-target';
import type { OverlapComparison } from './compare-passages';
import { planSections, type PlanSection } from './plan-sections';
import { refreshOverlaps } from './refresh-overlaps';

type Row = typeof overlaps.$inferSelect;
export type OverlapStatus = Row['status'];

export type OverlapPassage = {
  sectionId: string;
  sectionTitle: string;
  sectionNumber: number;
  state: { code: string; name: string };
  text: string;
  /** Base64 of the Yjs relative position on the paragraph, for highlighting it in the live editor. */
  anchor: string;
};

export type OverlapView = {
  id: string;
  status: OverlapStatus;
  score: number;
  kind: string;
  a: OverlapPassage;
  b: OverlapPassage;
  resolution: OverlapResolution | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  detectedAt: string;
  /** Open overlaps on the board: each passage's language, its machine translation for the reader, and the words shared. */
  comparison?: OverlapComparison;
};

/**
 * `revision`, for a whole plan's list: as the plan's activity tells it (lib/plans/plan-activity.ts).
 * `translation`: whether overlaps across languages are looked for, and if not why and how to install it.
 */
export type PlanOverlaps = {
  overlaps: OverlapView[];
  canResolve: boolean;
  revision?: string;
  translation: TranslationAvailability;
};

/**
 * Stands for a plan's overlaps as stored: every write to an overlap sets its updated_at, and rows go
 * only with their section. Computed the same from the rows or from their count and latest update.
 */
export function overlapsRevision(count: number, latest: Date | null | undefined): string {
  return `${count}:${latest?.toISOString() ?? ''}`;
}

/**
 * The plan's stored overlaps, open ones strongest first, then the resolved ones, latest first.
 * The first look at a plan in this process analyses it, so a list is never older than the server.
 * With `readIn` (the reader's interface language), each open overlap carries its comparison.
 */
export async function listPlanOverlaps(
  db: Db,
  options: { userId: string; planId: string; readIn?: TextLanguage },
): Promise<PlanOverlaps> {
  const ctx = await authorize(db, { userId: options.userId, planId: options.planId, action: { type: 'plan.read' } });
  await analysedOnce(db, options.planId);
  const rows = await db.select().from(overlaps).where(eq(overlaps.planId, options.planId));
  const latest = rows.reduce<Date | undefined>(
    (at, row) => (at && at >= row.updatedAt ? at : row.updatedAt),
    undefined,
  );
  const listed = await views(db, options.planId, rows);
  return {
    overlaps: options.readIn ? await withComparisons(listed, options.readIn) : listed,
    canResolve: can(ctx, { type: 'overlap.resolve' }),
    revision: overlapsRevision(rows.length, latest),
    translation: await translationAvailability(),
  };
}

/** Overlaps that involve one section: its open ones (to highlight) and the resolutions that touched it. */
export async function listSectionOverlaps(
  db: Db,
  options: { userId: string; sectionId: string },
): Promise<PlanOverlaps> {
  const target = await documentTarget(db, sectionRoom(options.sectionId));
  if (!target.section) throw appError('not_found', 'sectionNotFound');
  const ctx = await authorize(db, { userId: options.userId, planId: target.planId, action: { type: 'plan.read' } });
  await analysedOnce(db, target.planId);
  return {
    overlaps: await sectionOverlapViews(db, target.planId, options.sectionId),
    canResolve: can(ctx, { type: 'overlap.resolve' }),
    translation: await translationAvailability(),
  };
}

/**
 * A section's overlaps as listSectionOverlaps gives them, without a reader to authorize: for the
 * collaboration server, which sends them to the connections it already let into the section.
 */
export async function sectionOverlapViews(db: Db, planId: string, sectionId: string): Promise<OverlapView[]> {
  const rows = await db
    .select()
    .from(overlaps)
    .where(or(eq(overlaps.sectionA, sectionId), eq(overlaps.sectionB, sectionId)));
  return views(db, planId, rows);
}

/**
 * A plan's open overlaps as stored, without analysing the plan first, for a caller that authorized the
 * reader already: the collaboration server keeps them current as people type, and an analysis of a
 * large plan would hold up the page that marks them.
 */
export async function openOverlapViews(db: Db, planId: string): Promise<OverlapView[]> {
  const rows = await db
    .select()
    .from(overlaps)
    .where(and(eq(overlaps.planId, planId), eq(overlaps.status, 'open')));
  return views(db, planId, rows);
}

/** The chair's "analyse now". */
export async function analyseOverlapsNow(
  db: Db,
  options: { userId: string; planId: string; readIn?: TextLanguage },
): Promise<PlanOverlaps> {
  await authorize(db, { userId: options.userId, planId: options.planId, action: { type: 'overlap.resolve' } });
  await refreshOverlaps(db, options.planId);
  markAnalysed(options.planId);
  return listPlanOverlaps(db, options);
}

const ANALYSED = Symbol.for('concordia.overlapsAnalysed');

function analysedPlans(): Set<string> {
  const holder = globalThis as { [ANALYSED]?: Set<string> };
  return (holder[ANALYSED] ??= new Set());
}

export function markAnalysed(planId: string): void {
  analysedPlans().add(planId);
}

/** Analyses the plan if this process has not yet, so that what is read next is never older than the server. */
export async function analysedOnce(db: Db, planId: string): Promise<void> {
  if (analysedPlans().has(planId)) return;
  await refreshOverlaps(db, planId);
  markAnalysed(planId);
}

async function withComparisons(listed: OverlapView[], readIn: TextLanguage): Promise<OverlapView[]> {
  const open = listed.filter((o) => o.status === 'open');
  // Imported on the first comparison: it brings the language model (tens of MiB), which a server whose
  // readers never open the board need not hold.
  const { comparePassages } = await import('./compare-passages');
  const comparisons = await comparePassages(
    open.map((o) => ({ a: o.a.text, b: o.b.text })),
    readIn,
    sharedTranslator(),
  );
  const byId = new Map(open.map((o, i) => [o.id, comparisons[i]!]));
  return listed.map((o) => (byId.has(o.id) ? { ...o, comparison: byId.get(o.id)! } : o));
}

const ORDER: Record<OverlapStatus, number> = { open: 0, merged: 1, kept: 1, dismissed: 1, closed: 2 };

async function views(db: Db, planId: string, rows: Row[]): Promise<OverlapView[]> {
  const sections = new Map((await planSections(db, planId)).map((s) => [s.id, s]));
  const resolvers = [...new Set(rows.flatMap((r) => (r.resolvedBy ? [r.resolvedBy] : [])))];
  const names = new Map(
    resolvers.length
      ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, resolvers))).map(
          (u) => [u.id, u.name],
        )
      : [],
  );
  const passage = (section: PlanSection | undefined, text: string, anchor: Uint8Array): OverlapPassage => ({
    sectionId: section?.id ?? '',
    sectionTitle: section?.title ?? 'a deleted section',
    sectionNumber: section?.number ?? 0,
    state: section?.state ?? { code: '', name: '' },
    text,
    anchor: Buffer.from(anchor).toString('base64'),
  });
  return rows
    .sort(
      (x, y) =>
        ORDER[x.status] - ORDER[y.status] ||
        (x.status === 'open' ? y.score - x.score : +(y.resolvedAt ?? y.updatedAt) - +(x.resolvedAt ?? x.updatedAt)),
    )
    .map((row) => ({
      id: row.id,
      status: row.status,
      score: row.score,
      kind: row.kind,
      a: passage(sections.get(row.sectionA), row.textA, row.anchorA),
      b: passage(sections.get(row.sectionB), row.textB, row.anchorB),
      resolution: readerResolution(row.resolution),
      resolvedBy: row.resolvedBy ? (names.get(row.resolvedBy) ?? null) : null,
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      detectedAt: row.detectedAt.toISOString(),
    }));
}

/** The resolution as readers get it: what undoing a merge needs (runs with their authors' ids) stays on the server. */
function readerResolution(resolution: OverlapResolution | null): OverlapResolution | null {
  if (resolution?.kind !== 'merge') return resolution;
  const { undo, ...shown } = resolution;
  return { ...shown, undoable: Boolean(undo) };
}
