import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { overlaps, type OverlapResolution } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { documentHost } from '../documents/live-documents';
import { AppError } from '../errors';
import { authorize } from '../permissions/authorize-action';
import { notifyOverlapsChanged } from '../plans/plan-events';
import { listOf } from '../shared/cosponsorship';
import { sectionRoom } from '../shared/rooms';
import { saveVersion } from '../versions/save-version';
import { anchoredParagraph, cosponsorship, keepWording, replaceWithReference } from './resolution-edits';
import { inPlanQueue } from './plan-queue';
import { planSections, type PlanSection } from './plan-sections';
import type { ResolutionRequest } from './resolution-schema';

type Row = typeof overlaps.$inferSelect;

const STATUS = { merge: 'merged', keep: 'kept', dismiss: 'dismissed' } as const;

/**
 * The chair's decision on an open overlap. A merge changes both live documents (each as one change by
 * the chair, after a version that undoes it); every decision is stored with the overlap and audited.
 */
export async function resolveOverlap(db: Db, options: { userId: string; overlapId: string; resolution: ResolutionRequest }): Promise<{ status: Row['status'] }> {
  const [found] = await db.select({ planId: overlaps.planId }).from(overlaps).where(eq(overlaps.id, options.overlapId));
  if (!found) throw new AppError('not_found', 'No such overlap');
  await authorize(db, { userId: options.userId, planId: found.planId, action: { type: 'overlap.resolve' } });

  return inPlanQueue(found.planId, async () => {
    const [row] = await db.select().from(overlaps).where(eq(overlaps.id, options.overlapId));
    if (!row) throw new AppError('not_found', 'No such overlap');
    if (row.status !== 'open') throw decidedAlready(row.status);
    const request = options.resolution;
    const status = STATUS[request.kind];
    // The queue keeps this process's requests in turn; the overlap is claimed in the database before
    // either document changes, so a request that reached another instance at the same moment finds it
    // decided, rather than merging the passages a second time (two concurrent merges of one paragraph
    // would leave its wording twice).
    await claim(db, row.id, status, options.userId);
    let resolution: OverlapResolution;
    try {
      resolution =
        request.kind === 'merge'
          ? await merge(db, row, request.keep, request.wording, options.userId)
          : request.kind === 'keep'
            ? { kind: 'keep', reason: request.reason }
            : { kind: 'dismiss', reason: request.reason || null };
    } catch (error) {
      await db
        .update(overlaps)
        .set({ status: 'open', resolvedBy: null, resolvedAt: null, updatedAt: new Date() })
        .where(and(eq(overlaps.id, row.id), eq(overlaps.status, status)));
      throw error;
    }
    await db.transaction(async (tx) => {
      const texts = resolution.kind === 'merge' ? mergedTexts(row, resolution) : {};
      await tx
        .update(overlaps)
        .set({ resolution, updatedAt: new Date(), ...texts })
        .where(eq(overlaps.id, row.id));
      await recordAudit(tx, {
        planId: row.planId,
        actorId: options.userId,
        action: `overlap.${status}`,
        target: `overlap:${row.id}`,
        before: { a: { section: row.sectionA, text: row.textA }, b: { section: row.sectionB, text: row.textB }, score: row.score },
        after: resolution,
      });
    });
    notifyOverlapsChanged(row.planId, [row.sectionA, row.sectionB]);
    return { status };
  });
}

/** Marks an open overlap decided by `userId`, or says why it cannot be (decided or closed meanwhile). */
async function claim(db: Db, overlapId: string, status: Row['status'], userId: string): Promise<void> {
  const now = new Date();
  const [claimed] = await db
    .update(overlaps)
    .set({ status, resolvedBy: userId, resolvedAt: now, updatedAt: now })
    .where(and(eq(overlaps.id, overlapId), eq(overlaps.status, 'open')))
    .returning({ id: overlaps.id });
  if (claimed) return;
  const [current] = await db.select({ status: overlaps.status }).from(overlaps).where(eq(overlaps.id, overlapId));
  if (!current) throw new AppError('not_found', 'No such overlap');
  throw decidedAlready(current.status);
}

function decidedAlready(status: Row['status']): AppError {
  if (status === 'closed') return new AppError('conflict', 'These passages no longer overlap');
  // Open again: a decision taken at the same moment failed and was undone.
  if (status === 'open') return new AppError('conflict', 'Someone was deciding on this overlap at the same moment; try again');
  return new AppError('conflict', `This overlap was already ${status}`);
}

function mergedTexts(row: Row, merge: Extract<OverlapResolution, { kind: 'merge' }>) {
  return merge.kept === 'a' ? { textA: merge.wording, textB: merge.reference } : { textA: merge.reference, textB: merge.wording };
}

async function merge(db: Db, row: Row, keep: 'a' | 'b', wording: string | undefined, userId: string): Promise<OverlapResolution> {
  const sections = await planSections(db, row.planId);
  const section = (id: string): PlanSection => {
    const found = sections.find((s) => s.id === id);
    if (!found) throw new AppError('conflict', 'A section of this overlap was deleted');
    return found;
  };
  const kept = keep === 'a' ? { section: section(row.sectionA), anchor: row.anchorA } : { section: section(row.sectionB), anchor: row.anchorB };
  const other = keep === 'a' ? { section: section(row.sectionB), anchor: row.anchorB } : { section: section(row.sectionA), anchor: row.anchorA };

  const host = documentHost();
  const keptDoc = sectionRoom(kept.section.id);
  const otherDoc = sectionRoom(other.section.id);
  // Both passages must still be there before either document changes.
  const keptNow = await host.read(keptDoc, (doc) => {
    const { element, text, number } = anchoredParagraph(doc, kept.anchor);
    return { text, number, ...cosponsorship(element) };
  });
  await host.read(otherDoc, (doc) => anchoredParagraph(doc, other.anchor));

  // A paragraph kept by an earlier merge keeps its link target and adds the new states to its sponsors.
  const cosponsors = [...new Set([...keptNow.cosponsors, kept.section.state.name, other.section.state.name])];
  const mergeId = keptNow.mergeId ?? row.id;
  const finalWording = wording ?? keptNow.text;
  const link = `section ${kept.section.number}, paragraph ${keptNow.number}`;
  const href = `/plans/${row.planId}/sections/${kept.section.id}#merged-${mergeId}`;
  const reference = { before: 'See ', link, href, after: ` (${kept.section.title}) — co-sponsored by ${listOf(cosponsors)}.` };

  for (const docId of [keptDoc, otherDoc]) {
    await host.read(docId, (doc, users) => saveVersion(db, { docId, doc, users, kind: 'auto', name: 'Before an overlap was merged', createdBy: userId }));
  }
  await host.change(keptDoc, userId, (copy) => keepWording(anchoredParagraph(copy, kept.anchor).element, finalWording, cosponsors, mergeId));
  await host.change(otherDoc, userId, (copy) => replaceWithReference(anchoredParagraph(copy, other.anchor).element, reference));
  return { kind: 'merge', kept: keep, wording: finalWording, reference: `${reference.before}${reference.link}${reference.after}`, cosponsors };
}
