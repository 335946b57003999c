import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { bracketedSpans } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { documentHost } from '../documents/live-documents';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { notifyAmendmentsChanged } from '../plans/plan-events';
import type { SettleSpanInput } from '../shared/bracketed-spans';
import { sectionRoom } from '../shared/rooms';
import { locatePassage, numberOf } from './locate-passage';
import { agreedAnchors, isAgreedParagraph } from './paragraph-statuses';
import { sectionNumbering } from './plan-numbering';

/**
 * The chair settles a bracketed span: `resolve` keeps one wording (the span's own words, or an alternative,
 * which then replaces them in the live text as one change by the chair) and `unbracket` leaves the words as
 * they stand; either way the brackets and the other alternatives go. Refused in an agreed paragraph. Audited.
 */
export async function settleBracketedSpan(
  db: Db,
  options: { userId: string; spanId: string; input: SettleSpanInput },
): Promise<void> {
  const { userId, input } = options;
  const [row] = await db.select().from(bracketedSpans).where(eq(bracketedSpans.id, options.spanId));
  if (!row) throw appError('not_found', 'spanNotFound');
  await authorize(db, { userId, planId: row.planId, action: { type: 'paragraph.status' } });
  const keep = input.action === 'resolve' ? input.keep : 0;
  const alternative = keep > 0 ? row.alternatives[keep - 1] : undefined;
  if (keep > 0 && !alternative) throw appError('invalid', 'spanAlternative');
  const numbering = await sectionNumbering(db, row.planId, row.sectionId);
  const room = sectionRoom(row.sectionId);

  await db.transaction(async (tx) => {
    await lockUntilCommit(tx, lockKey.planAmendments(row.planId));
    const [current] = await tx
      .select({ id: bracketedSpans.id })
      .from(bracketedSpans)
      .where(eq(bracketedSpans.id, row.id));
    if (!current) throw appError('not_found', 'spanNotFound');
    const agreed = await agreedAnchors(tx, row.sectionId);
    const place = await documentHost().read(room, (doc) => {
      const located = locatePassage(doc, row.spanFrom, row.spanTo);
      return (
        located && {
          reads: located.reads,
          paragraph: numberOf(doc, located.paragraph, numbering),
          agreed: isAgreedParagraph(located.paragraph, agreed),
        }
      );
    });
    if (place?.agreed) throw appError('conflict', 'paragraphAgreed');
    if (alternative && !place) throw appError('conflict', 'spanGone');
    await tx.delete(bracketedSpans).where(eq(bracketedSpans.id, row.id));
    await recordAudit(tx, {
      planId: row.planId,
      actorId: userId,
      action: input.action === 'resolve' ? 'paragraph.span_resolved' : 'paragraph.span_unbracketed',
      target: `section:${row.sectionId}`,
      before: {
        paragraph: place?.paragraph ?? null,
        text: place?.reads ?? row.spanText,
        alternatives: row.alternatives,
      },
      after: {
        text: alternative ? alternative.text : (place?.reads ?? row.spanText),
        states: row.alternatives.flatMap((a) => (a.state ? [a.state] : [])),
      },
    });
    // Last, so that a refusal leaves the record; the text changes before the row's deletion commits.
    if (alternative)
      await documentHost().change(room, userId, (copy) => {
        const located = locatePassage(copy, row.spanFrom, row.spanTo);
        if (!located) throw appError('conflict', 'spanGone');
        if (isAgreedParagraph(located.paragraph, agreed)) throw appError('conflict', 'paragraphAgreed');
        located.text.insert(located.to, alternative.text);
        located.text.delete(located.from, located.to - located.from);
      });
  });
  notifyAmendmentsChanged(row.sectionId);
}
