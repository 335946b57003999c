import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { overlaps, type OverlapResolution } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { documentHost } from '../documents/live-documents';
import { AppError } from '../errors';
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
  if (!found) throw new AppError('not_found', 'No such overlap');
  await authorize(db, { userId: options.userId, planId: found.planId, action: { type: 'overlap.reopen' } });

  return inPlanQueue(found.planId, async () => {
    const [row] = await db.select().from(overlaps).where(eq(overlaps.id, options.overlapId));
    if (!row) throw new AppError('not_found', 'No such overlap');
    if (row.status === 'open') throw new AppError('conflict', 'This overlap is open already');
    if (row.status === 'closed' || !row.resolution) throw new AppError('conflict', 'These passages no longer overlap');
    const resolution = row.resolution;
    const texts = resolution.kind === 'merge' ? await undoMerge(row, resolution, options.userId) : {};

    await db.transaction(async (tx) => {
      const [reopened] = await tx
        .update(overlaps)
        .set({ status: 'open', resolution: null, resolvedBy: null, resolvedAt: null, updatedAt: new Date(), ...texts })
        .where(and(eq(overlaps.id, row.id), eq(overlaps.status, row.status)))
        .returning({ id: overlaps.id });
      if (!reopened) throw new AppError('conflict', 'Someone changed this overlap at the same moment; try again');
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
    throw new AppError(
      'conflict',
      'A paragraph of this merge changed since; compare the versions saved before the merge instead',
      undefined,
      {
        versions: merge.versions ?? null,
      },
    );
  }
  for (const { docId, anchor, record } of sides)
    await restoreParagraph(host, { docId, anchor, record: record!, userId });
  return { textA: merge.previous?.a ?? row.textA, textB: merge.previous?.b ?? row.textB };
}
