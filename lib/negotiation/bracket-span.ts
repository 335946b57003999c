import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { bracketedSpans } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { documentHost } from '../documents/live-documents';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { notifyAmendmentsChanged } from '../plans/plan-events';
import { bytesFromBase64 } from '../shared/base64';
import {
  bracketSpanInput,
  MAX_SPANS_PER_SECTION,
  SPAN_MAX_CHARS,
  type BracketSpanInput,
} from '../shared/bracketed-spans';
import { sectionRoom } from '../shared/rooms';
import { documentTarget } from '../versions/document-target';
import { overlaps, sectionSpanRows } from './bracketed-spans';
import { locatePassage, numberOf } from './locate-passage';
import { agreedAnchors, isAgreedParagraph } from './paragraph-statuses';
import { sectionNumbering } from './plan-numbering';

/**
 * The chair puts a span of a numbered paragraph in [brackets], with the wordings offered in its place
 * side by side. Refused in an agreed paragraph, across paragraphs, outside numbered paragraphs, and over
 * another bracketed span. The text does not change: the brackets are a record the pages draw. Audited.
 */
export async function bracketSpan(
  db: Db,
  options: { userId: string; sectionId: string; input: BracketSpanInput },
): Promise<{ id: string }> {
  const { userId, sectionId } = options;
  const input = bracketSpanInput.parse(options.input);
  const { planId } = await documentTarget(db, sectionRoom(sectionId));
  await authorize(db, { userId, planId, action: { type: 'paragraph.status' } });
  const from = bytesFromBase64(input.from);
  const to = bytesFromBase64(input.to);
  const numbering = await sectionNumbering(db, planId, sectionId);

  const id = await db.transaction(async (tx) => {
    // The lock amendments and statuses take: a paragraph is never agreed while a span in it is bracketed.
    await lockUntilCommit(tx, lockKey.planAmendments(planId));
    const agreed = await agreedAnchors(tx, sectionId);
    const open = await sectionSpanRows(tx, sectionId);
    if (open.length >= MAX_SPANS_PER_SECTION)
      throw appError('conflict', 'tooManyBracketedSpans', { max: MAX_SPANS_PER_SECTION });
    const place = await documentHost().read(sectionRoom(sectionId), (doc) => {
      const located = locatePassage(doc, from, to);
      if (!located || !located.reads.trim()) return null;
      const paragraph = numberOf(doc, located.paragraph, numbering);
      if (!paragraph || located.text.parent !== located.paragraph) return null;
      return {
        reads: located.reads,
        paragraph,
        agreed: isAgreedParagraph(located.paragraph, agreed),
        overlapping: open.some((row) => {
          const other = locatePassage(doc, row.spanFrom, row.spanTo);
          return other !== null && overlaps(located, other);
        }),
      };
    });
    if (!place) throw appError('invalid', 'spanSelect');
    if (place.reads.length > SPAN_MAX_CHARS) throw appError('invalid', 'spanTooLong', { max: SPAN_MAX_CHARS });
    if (place.agreed) throw appError('conflict', 'paragraphAgreed');
    if (place.overlapping) throw appError('conflict', 'spanOverlaps');
    const [row] = await tx
      .insert(bracketedSpans)
      .values({
        planId,
        sectionId,
        spanFrom: from,
        spanTo: to,
        spanText: place.reads,
        alternatives: input.alternatives,
        createdBy: userId,
      })
      .returning({ id: bracketedSpans.id });
    await recordAudit(tx, {
      planId,
      actorId: userId,
      action: 'paragraph.span_bracketed',
      target: `section:${sectionId}`,
      after: {
        paragraph: place.paragraph,
        text: place.reads,
        alternatives: input.alternatives,
        states: input.alternatives.flatMap((a) => (a.state ? [a.state] : [])),
      },
    });
    return row!.id;
  });
  notifyAmendmentsChanged(sectionId);
  return { id };
}
