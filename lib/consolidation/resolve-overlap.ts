import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { overlaps, type MergedParagraph, type OverlapResolution } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { readPlanMetadata } from '../metadata/get-plan-metadata';
import { documentHost } from '../documents/live-documents';
import type { AppError } from '../errors';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { notifyOverlapsChanged } from '../plans/plan-events';
import { sectionRoom } from '../shared/rooms';
import { saveVersion } from '../versions/save-version';
import { numberedParagraphs } from '../documents/paragraphs';
import { removedWords } from '../shared/compare-words';
import { overlappingSpan, type Span } from '../shared/overlapping-span';
import { paragraphRuns } from './paragraph-runs';
import { anchoredParagraph, cosponsorship, keepWording, replaceWithReference } from './resolution-edits';
import { mergeReference } from './merge-reference';
import { inPlanQueue } from './plan-queue';
import { planSections, type PlanSection } from './plan-sections';
import type { ResolutionRequest } from './resolution-schema';

type Row = typeof overlaps.$inferSelect;

const STATUS = { merge: 'merged', keep: 'kept', dismiss: 'dismissed' } as const;

/**
 * The chair's decision on an open overlap. A merge changes both live documents (each as one change by
 * the chair, after a version that undoes it); every decision is stored with the overlap and audited.
 */
export async function resolveOverlap(
  db: Db,
  options: { userId: string; overlapId: string; resolution: ResolutionRequest },
): Promise<{ status: Row['status'] }> {
  const [found] = await db.select({ planId: overlaps.planId }).from(overlaps).where(eq(overlaps.id, options.overlapId));
  if (!found) throw appError('not_found', 'overlapNotFound');
  await authorize(db, { userId: options.userId, planId: found.planId, action: { type: 'overlap.resolve' } });

  return inPlanQueue(found.planId, async () => {
    const [row] = await db.select().from(overlaps).where(eq(overlaps.id, options.overlapId));
    if (!row) throw appError('not_found', 'overlapNotFound');
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
          ? await merge(db, row, request, options.userId)
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
        before: {
          a: { section: row.sectionA, text: row.textA },
          b: { section: row.sectionB, text: row.textB },
          score: row.score,
        },
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
  if (!current) throw appError('not_found', 'overlapNotFound');
  throw decidedAlready(current.status);
}

function decidedAlready(status: Row['status']): AppError {
  if (status === 'closed') return appError('conflict', 'passagesNoLongerOverlap');
  // Open again: a decision taken at the same moment failed and was undone.
  if (status === 'open') return appError('conflict', 'overlapDecidingMeanwhile');
  return appError('conflict', 'overlapDecided', { status });
}

function mergedTexts(row: Row, merge: Extract<OverlapResolution, { kind: 'merge' }>) {
  const otherSide = merge.kept === 'a' ? 'b' : 'a';
  const previous = merge.previous?.[otherSide];
  // The other paragraph as the merge left it: its own sentences around the reference.
  const other = previous && merge.replaced ? previous.replace(merge.replaced, merge.reference) : merge.reference;
  return merge.kept === 'a' ? { textA: merge.wording, textB: other } : { textA: other, textB: merge.wording };
}

async function merge(
  db: Db,
  row: Row,
  request: Extract<ResolutionRequest, { kind: 'merge' }>,
  userId: string,
): Promise<OverlapResolution> {
  const sections = await planSections(db, row.planId);
  const section = (id: string): PlanSection => {
    const found = sections.find((s) => s.id === id);
    if (!found) throw appError('conflict', 'overlapSectionDeleted');
    return found;
  };
  const keep = request.keep;
  const kept =
    keep === 'a'
      ? { section: section(row.sectionA), anchor: row.anchorA }
      : { section: section(row.sectionB), anchor: row.anchorB };
  const other =
    keep === 'a'
      ? { section: section(row.sectionB), anchor: row.anchorB }
      : { section: section(row.sectionA), anchor: row.anchorA };

  const host = documentHost();
  const keptDoc = sectionRoom(kept.section.id);
  const otherDoc = sectionRoom(other.section.id);
  // Both passages must still be there before either document changes.
  const keptNow = await host.read(keptDoc, (doc, users) => {
    const { element, text } = anchoredParagraph(doc, kept.anchor);
    const index = numberedParagraphs(doc).findIndex((p) => p.element === element);
    // Counted as paragraph numbers count (shared/paragraph-numbers), so the reference names the number readers see.
    return { text, number: index + 1, runs: paragraphRuns(doc, users, element), ...cosponsorship(element) };
  });
  const otherNow = await host.read(otherDoc, (doc, users) => {
    const { element, text } = anchoredParagraph(doc, other.anchor);
    return { text, runs: paragraphRuns(doc, users, element), ...cosponsorship(element) };
  });

  const finalWording = request.wording ?? keptNow.text;
  const span = replacedSpan(otherNow.text, request.replace, finalWording, otherNow.runs !== null);
  const replaced = otherNow.text.slice(span.start, span.end);

  // A paragraph kept by an earlier merge keeps its link target and adds the new states to its sponsors.
  const cosponsors = [...new Set([...keptNow.cosponsors, kept.section.state.name, other.section.state.name])];
  const mergeId = keptNow.mergeId ?? row.id;
  // Written in the language of the section it goes into: sections declare none of their own, so the plan's.
  const { language } = await readPlanMetadata(db, row.planId);
  const reference = mergeReference({
    language,
    section: kept.section.number,
    paragraph: keptNow.number,
    title: kept.section.title,
    href: `/plans/${row.planId}/sections/${kept.section.id}#merged-${mergeId}`,
    cosponsors,
  });
  const referenceText = `${reference.before}${reference.link}${reference.after}`;

  const versionIds: Record<'kept' | 'other', string> = { kept: '', other: '' };
  for (const [which, docId] of [
    ['kept', keptDoc],
    ['other', otherDoc],
  ] as const) {
    const saved = await host.read(docId, (doc, users) =>
      saveVersion(db, { docId, doc, users, kind: 'auto', name: 'Before an overlap was merged', createdBy: userId }),
    );
    versionIds[which] = saved.id;
  }
  await host.change(keptDoc, userId, (copy) =>
    keepWording(anchoredParagraph(copy, kept.anchor).element, finalWording, cosponsors, mergeId),
  );
  await host.change(otherDoc, userId, (copy) =>
    replaceWithReference(anchoredParagraph(copy, other.anchor).element, reference, span),
  );
  const keptAfter = await host.read(keptDoc, (doc) => anchoredParagraph(doc, kept.anchor).text);
  const otherAfter = await host.read(otherDoc, (doc) => anchoredParagraph(doc, other.anchor).text);

  const record = (
    now: { runs: MergedParagraph['before'] | null; cosponsors: string[]; mergeId: string | null },
    after: string,
  ): MergedParagraph | null =>
    now.runs && { before: now.runs, cosponsors: now.cosponsors, mergeId: now.mergeId, after };
  const keptRecord = record(keptNow, keptAfter);
  const otherRecord = record(otherNow, otherAfter);
  const bySide = <T>(forKept: T, forOther: T) =>
    keep === 'a' ? { a: forKept, b: forOther } : { a: forOther, b: forKept };
  return {
    kind: 'merge',
    kept: keep,
    wording: finalWording,
    reference: referenceText,
    cosponsors,
    previous: bySide(keptNow.text, otherNow.text),
    removed: bySide(removedWords(keptNow.text, finalWording), removedWords(replaced, '')),
    replaced,
    versions: bySide(versionIds.kept, versionIds.other),
    undo:
      keptRecord && otherRecord
        ? (bySide(keptRecord, otherRecord) as { a: MergedParagraph; b: MergedParagraph })
        : null,
  };
}

/**
 * Where the reference goes in the other paragraph: the part the chair confirmed in the preview, found in
 * the paragraph as it is now, or else the sentences that overlap the kept wording. A paragraph with
 * inline nodes is replaced whole.
 */
function replacedSpan(paragraph: string, confirmed: string | undefined, wording: string, plain: boolean): Span {
  if (!plain) return { start: 0, end: paragraph.length };
  if (!confirmed) return overlappingSpan(paragraph, wording);
  const start = paragraph.indexOf(confirmed);
  if (start < 0) throw appError('conflict', 'passageChanged');
  return { start, end: start + confirmed.length };
}
