import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { paragraphStatuses } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { anchorOf, anchoredElement } from '../consolidation/anchors';
import { documentHost } from '../documents/live-documents';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { notifyAmendmentsChanged } from '../plans/plan-events';
import { bytesFromBase64 } from '../shared/base64';
import type { ParagraphRow, ParagraphStatusInput } from '../shared/paragraph-status';
import { EDITOR_FIELD, sectionRoom } from '../shared/rooms';
import { documentTarget } from '../versions/document-target';
import { sectionSpanRows } from './bracketed-spans';
import { locatePassage } from './locate-passage';
import { lockedParagraphIds, sectionParagraphRows } from './paragraph-statuses';

/**
 * The chair sets the status of the paragraph that holds `at`: bracketed, agreed ad referendum by some
 * states, agreed (locked against edits and amendments), or none. Anything but `agreed` on an agreed
 * paragraph reopens it. Audited; the section's pages are told, and the collaboration server re-reads
 * which paragraphs it locks.
 */
export async function setParagraphStatus(
  db: Db,
  options: { userId: string; sectionId: string; input: ParagraphStatusInput },
): Promise<ParagraphRow[]> {
  const { userId, sectionId, input } = options;
  const { planId } = await documentTarget(db, sectionRoom(sectionId));
  await authorize(db, { userId, planId, action: { type: 'paragraph.status' } });
  const at = bytesFromBase64(input.at);
  const anchor = await documentHost().read(sectionRoom(sectionId), (doc) => {
    // `at` is the paragraph's own anchor (the status panel) or a place in its text (the editor).
    const element = anchoredElement(doc, at);
    const paragraph = element
      ? element.parent === doc.getXmlFragment(EDITOR_FIELD)
        ? element
        : null
      : locatePassage(doc, at, at)?.paragraph;
    return paragraph ? anchorOf(paragraph) : null;
  });
  if (!anchor) throw appError('invalid', 'paragraphSelect');

  const locked = await db.transaction(async (tx) => {
    // The same lock as amendments': an amendment is never accepted into a paragraph being agreed.
    await lockUntilCommit(tx, lockKey.planAmendments(planId));
    const here = and(eq(paragraphStatuses.sectionId, sectionId), eq(paragraphStatuses.anchor, anchor));
    const [before] = await tx.select().from(paragraphStatuses).where(here);
    if (input.status === 'agreed' && (await hasBracketedSpans(tx, sectionId, anchor)))
      throw appError('conflict', 'paragraphHasBrackets');
    const adRefStates = input.status === 'ad_referendum' ? [...new Set(input.adRefStates)].sort() : [];
    if (input.status === 'none') await tx.delete(paragraphStatuses).where(here);
    else
      await tx
        .insert(paragraphStatuses)
        .values({ planId, sectionId, anchor, status: input.status, adRefStates, setBy: userId })
        .onConflictDoUpdate({
          target: [paragraphStatuses.sectionId, paragraphStatuses.anchor],
          set: { status: input.status, adRefStates, setBy: userId, setAt: new Date() },
        });
    await recordAudit(tx, {
      planId,
      actorId: userId,
      action: before?.status === 'agreed' && input.status !== 'agreed' ? 'paragraph.reopened' : 'paragraph.status',
      target: `section:${sectionId}`,
      before: before ? { status: before.status, adRefStates: before.adRefStates } : null,
      after: { status: input.status, adRefStates },
    });
    // Read once, in the transaction that changed them: the rooms here lock from this.
    return lockedParagraphIds(tx, sectionId);
  });
  // Locked here at once; other instances' rooms read them again when told (server/collab/push/amendments.ts).
  documentHost().lockParagraphs(sectionRoom(sectionId), locked);
  notifyAmendmentsChanged(sectionId);
  return sectionParagraphRows(db, planId, sectionId);
}

/** Whether any span of the paragraph `anchor` holds stands in brackets: it cannot be agreed until they are settled. */
async function hasBracketedSpans(db: Db, sectionId: string, anchor: Uint8Array): Promise<boolean> {
  const rows = await sectionSpanRows(db, sectionId);
  if (!rows.length) return false;
  return documentHost().read(sectionRoom(sectionId), (doc) => {
    const paragraph = anchoredElement(doc, anchor);
    return rows.some(
      (row) => paragraph !== null && locatePassage(doc, row.spanFrom, row.spanTo)?.paragraph === paragraph,
    );
  });
}
