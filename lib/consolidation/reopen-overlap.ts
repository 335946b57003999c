import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { overlaps, type OverlapResolution } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { documentHost } from '../documents/live-documents';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { notifyOverlapsChanged } from '../plans/plan-events';
import { sectionRoom } from '../shared/rooms';
import { anchoredParagraph } from './resolution-edits';
import { inPlanQueue } from './plan-queue';
import { restoreParagraph } from './restore-paragraph';

type Row = typeof overlaps.$inferSelect;
type Merge = Extract<OverlapResolution, { kind: 'merge' }>;

/**
 * The chair takes back a decision: the overlap is open again, and both decisions stay in the audit
 * log. A merge is undone first (both paragraphs back to their text and authors before it), which is
 * possible only while neither paragraph changed since; otherwise the versions saved before the merge
 * are offered to compare instead.
 */
export async function reopenOverlap(
  db: Db,
  options: { userId: string; overlapId: string },
): Promise<{ status: 'open'; undone: boolean }> {
  const [found] = await db.select({ planId: overlaps.planId }).from(overlaps).where(eq(overlaps.id, options.overlapId));
  if (!found) throw appError('not_found', 'overlapNotFound');
  await authorize(db, { userId: options.userId, planId: found.planId, action: { type: 'overlap.reopen' } });

  return inPlanQueue(found.planId, async () => {
    const [row] = await db.select().from(overlaps).where(eq(overlaps.id, options.overlapId));
    if (!row) throw appError('not_found', 'overlapNotFound');
    if (row.status === 'open') throw appError('conflict', 'overlapOpenAlready');
    if (row.status === 'closed' || !row.resolution) throw appError('conflict', 'passagesNoLongerOverlap');
    const resolution = row.resolution;
    const texts = resolution.kind === 'merge' ? await undoMerge(row, resolution, options.userId) : {};

    await db.transaction(async (tx) => {
      const [reopened] = await tx
        .update(overlaps)
        .set({ status: 'open', resolution: null, resolvedBy: null, resolvedAt: null, updatedAt: new Date(), ...texts })
        .where(and(eq(overlaps.id, row.id), eq(overlaps.status, row.status)))
        .returning({ id: overlaps.id });
      if (!reopened) throw appError('conflict', 'overlapChangedMeanwhile');
      await recordAudit(tx, {
        planId: row.planId,
        actorId: options.userId,
        action: 'overlap.reopened',
        target: `overlap:${row.id}`,
        before: {
          status: row.status,
          resolution: resolution.kind === 'merge' ? { ...resolution, undo: undefined } : resolution,
          resolvedBy: row.resolvedBy,
        },
        after: { status: 'open', undone: resolution.kind === 'merge' },
      });
    });
    notifyOverlapsChanged(row.planId, [row.sectionA, row.sectionB]);
    return { status: 'open', undone: resolution.kind === 'merge' };
  });
}

async function undoMerge(row: Row, merge: Merge, userId: string): Promise<{ textA: string; textB: string }> {
  const host = documentHost();
  const sides = [
    { docId: sectionRoom(row.sectionA), anchor: row.anchorA, record: merge.undo?.a },
    { docId: sectionRoom(row.sectionB), anchor: row.anchorB, record: merge.undo?.b },
  ];
  const unchanged = await Promise.all(
    sides.map(({ docId, anchor, record }) =>
      host
        .read(docId, (doc) => anchoredParagraph(doc, anchor, record?.after).text)
        .then((text) => record !== undefined && text === record.after)
        .catch(() => false),
    ),
  );
  if (!unchanged.every(Boolean)) {
    throw appError('conflict', 'mergeChangedSince', undefined, {
      versions: merge.versions ?? null,
    });
  }
  for (const { docId, anchor, record } of sides)
    await restoreParagraph(host, { docId, anchor, record: record!, userId });
  return { textA: merge.previous?.a ?? row.textA, textB: merge.previous?.b ?? row.textB };
}
