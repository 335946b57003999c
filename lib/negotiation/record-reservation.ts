import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { paragraphReservations, paragraphStatuses } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { anchorOf, anchoredElement } from '../consolidation/anchors';
import { documentHost } from '../documents/live-documents';
import { numberedParagraphs } from '../documents/paragraphs';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { notifyAmendmentsChanged } from '../plans/plan-events';
import { bytesFromBase64 } from '../shared/base64';
import { paragraphNumber } from '../shared/paragraph-numbers';
import { sectionNumbering } from './plan-numbering';
import type { ParagraphRow, ReservationInput } from '../shared/paragraph-status';
import { EDITOR_FIELD, sectionRoom } from '../shared/rooms';
import { documentTarget } from '../versions/document-target';
import { locatePassage } from './locate-passage';
import { sectionParagraphRows } from './paragraph-statuses';

type Options = { userId: string; sectionId: string };

/**
 * A coordinator records their state's reservation on an agreed paragraph of a section (recording again
 * replaces the statement). Audited; the section's pages are told, and every export carries it as a
 * footnote to the paragraph.
 */
export async function recordReservation(
  db: Db,
  options: Options & { input: ReservationInput },
): Promise<ParagraphRow[]> {
  const { userId, sectionId, input } = options;
  const { planId, stateCode, anchor, paragraph } = await reservedParagraph(db, options, input.at);
  await db.transaction(async (tx) => {
    const [status] = await tx
      .select({ status: paragraphStatuses.status })
      .from(paragraphStatuses)
      .where(and(eq(paragraphStatuses.sectionId, sectionId), eq(paragraphStatuses.anchor, anchor)));
    // A reservation is on text the meeting agreed: on anything else the state still negotiates.
    if (status?.status !== 'agreed') throw appError('conflict', 'reservationNotAgreed');
    const [before] = await tx
      .select()
      .from(paragraphReservations)
      .where(own(sectionId, anchor, stateCode));
    await tx
      .insert(paragraphReservations)
      .values({ planId, sectionId, anchor, stateCode, text: input.text, recordedBy: userId })
      .onConflictDoUpdate({
        target: [paragraphReservations.sectionId, paragraphReservations.anchor, paragraphReservations.stateCode],
        set: { text: input.text, recordedBy: userId, recordedAt: new Date() },
      });
    await recordAudit(tx, {
      planId,
      actorId: userId,
      action: 'paragraph.reserved',
      target: `section:${sectionId}`,
      before: before ? { stateCode, paragraph, text: before.text } : null,
      after: { stateCode, paragraph, text: input.text },
    });
  });
  notifyAmendmentsChanged(sectionId);
  return sectionParagraphRows(db, planId, sectionId);
}

/** A coordinator withdraws their state's reservation on a paragraph. Audited; the section's pages are told. */
export async function withdrawReservation(db: Db, options: Options & { at: string }): Promise<ParagraphRow[]> {
  const { userId, sectionId } = options;
  const { planId, stateCode, anchor, paragraph } = await reservedParagraph(db, options, options.at);
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(paragraphReservations)
      .where(own(sectionId, anchor, stateCode))
      .returning();
    if (!removed) throw appError('not_found', 'noReservation');
    await recordAudit(tx, {
      planId,
      actorId: userId,
      action: 'paragraph.reservation_withdrawn',
      target: `section:${sectionId}`,
      before: { stateCode, paragraph, text: removed.text },
      after: null,
    });
  });
  notifyAmendmentsChanged(sectionId);
  return sectionParagraphRows(db, planId, sectionId);
}

function own(sectionId: string, anchor: Uint8Array, stateCode: string) {
  return and(
    eq(paragraphReservations.sectionId, sectionId),
    eq(paragraphReservations.anchor, anchor),
    eq(paragraphReservations.stateCode, stateCode),
  );
}

/** The caller's state and the numbered paragraph that holds `at` (its own anchor, or a place in its text). */
async function reservedParagraph(db: Db, { userId, sectionId }: Options, at64: string) {
  const { planId } = await documentTarget(db, sectionRoom(sectionId));
  const ctx = await authorize(db, { userId, planId, action: { type: 'paragraph.reserve' } });
  const stateCode = ctx.membership!.stateCode!;
  const numbering = await sectionNumbering(db, planId, sectionId);
  const at = bytesFromBase64(at64);
  const found = await documentHost().read(sectionRoom(sectionId), (doc) => {
    const element = anchoredElement(doc, at);
    const paragraph = element
      ? element.parent === doc.getXmlFragment(EDITOR_FIELD)
        ? element
        : null
      : locatePassage(doc, at, at)?.paragraph;
    const index = paragraph ? numberedParagraphs(doc).findIndex((p) => p.element === paragraph) : -1;
    return paragraph && index >= 0
      ? { anchor: anchorOf(paragraph), paragraph: paragraphNumber(numbering, index) }
      : null;
  });
  if (!found) throw appError('invalid', 'paragraphSelect');
  return { planId, stateCode, ...found };
}
