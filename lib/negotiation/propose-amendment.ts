import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { amendments } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { documentHost } from '../documents/live-documents';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { notifyAmendmentsChanged } from '../plans/plan-events';
import { AMENDMENT_MAX_CHARS, type AmendmentInput, type AmendmentView } from '../shared/amendments';
import { bytesFromBase64 } from '../shared/base64';
import { sectionRoom } from '../shared/rooms';
import { documentTarget } from '../versions/document-target';
import { amendmentView } from './amendment-views';
import { locatePassage } from './locate-passage';
import { agreedAnchors, isAgreedParagraph } from './paragraph-statuses';

/** Pending amendments one section holds at most: what one member can make every page of it list and mark. */
export const MAX_PENDING_PER_SECTION = 300;

/**
 * Records a state's proposal to change a passage of a section, in the name of the proposer's state (the
 * chair's own when the chair proposes). The text does not change until the amendment is accepted.
 */
export async function proposeAmendment(
  db: Db,
  options: { userId: string; sectionId: string; input: AmendmentInput },
): Promise<AmendmentView> {
  const { userId, sectionId, input } = options;
  const target = await documentTarget(db, sectionRoom(sectionId));
  const { planId } = target;
  const ctx = await authorize(db, { userId, planId, action: { type: 'amendment.propose' } });
  const from = bytesFromBase64(input.from);
  const to = bytesFromBase64(input.to);
  const agreed = await agreedAnchors(db, sectionId);
  const place = await documentHost().read(sectionRoom(sectionId), (doc) => {
    const located = locatePassage(doc, from, to);
    return located && { reads: located.reads, agreed: isAgreedParagraph(located.paragraph, agreed) };
  });
  if (!place || !place.reads.trim()) throw appError('invalid', 'amendmentSelect');
  if (place.agreed) throw appError('conflict', 'paragraphAgreed');
  const { reads } = place;
  if (reads.length > AMENDMENT_MAX_CHARS) throw appError('invalid', 'amendmentTooLong', { max: AMENDMENT_MAX_CHARS });

  const id = await db.transaction(async (tx) => {
    await lockUntilCommit(tx, lockKey.planAmendments(planId));
    const [pending] = await tx
      .select({ n: count() })
      .from(amendments)
      .where(and(eq(amendments.sectionId, sectionId), eq(amendments.status, 'pending')));
    if ((pending?.n ?? 0) >= MAX_PENDING_PER_SECTION)
      throw appError('conflict', 'tooManyPendingAmendments', { max: MAX_PENDING_PER_SECTION });
    const [next] = await tx
      .select({ n: sql<number>`coalesce(max(${amendments.number}), 0) + 1` })
      .from(amendments)
      .where(eq(amendments.planId, planId));
    const values = {
      planId,
      sectionId,
      number: Number(next!.n),
      sponsorState: ctx.membership?.role === 'coordinator' ? ctx.membership.stateCode : null,
      proposedBy: userId,
      kind: input.kind,
      targetText: reads,
      targetFrom: from,
      targetTo: to,
      proposedText: input.kind === 'delete' ? '' : input.text,
      justification: input.justification,
    };
    const [row] = await tx.insert(amendments).values(values).returning({ id: amendments.id });
    const { kind, targetText, proposedText, justification, number, sponsorState } = values;
    await recordAudit(tx, {
      planId,
      actorId: userId,
      action: 'amendment.proposed',
      target: `amendment:${row!.id}`,
      after: { number, sectionId, sponsorState, kind, targetText, proposedText, justification },
    });
    return row!.id;
  });
  notifyAmendmentsChanged(sectionId);
  return amendmentView(db, id);
}
