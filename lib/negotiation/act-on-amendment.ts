import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { amendments, amendmentStances } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { documentHost } from '../documents/live-documents';
import { appError } from '../i18n/error-text';
import type { Action } from '../permissions/can';
import { authorize } from '../permissions/authorize-action';
import { notifyAmendmentsChanged } from '../plans/plan-events';
import type { AmendmentAction, AmendmentView } from '../shared/amendments';
import { sectionRoom } from '../shared/rooms';
import { documentTarget } from '../versions/document-target';
import { amendmentView, type AmendmentRow } from './amendment-views';
import { applyAmendment, locatePassage } from './locate-passage';
import { agreedAnchors, isAgreedParagraph } from './paragraph-statuses';

/**
 * Co-sponsors, objects to, accepts, rejects or withdraws an amendment, as `can` allows the user. An
 * accepted amendment changes the live text once, in the name of the member who proposed it (so of
 * their state), never of the one who accepted it. Every step is in the audit log.
 */
export async function actOnAmendment(
  db: Db,
  options: { userId: string; amendmentId: string; action: AmendmentAction },
): Promise<AmendmentView> {
  const { userId, action: step } = options;
  const [row] = await db.select().from(amendments).where(eq(amendments.id, options.amendmentId));
  if (!row) throw appError('not_found', 'amendmentNotFound');
  const { section } = await documentTarget(db, sectionRoom(row.sectionId));
  const permission: Action =
    step.action === 'cosponsor' || step.action === 'object'
      ? { type: 'amendment.stand', sponsorState: row.sponsorState }
      : step.action === 'withdraw'
        ? { type: 'amendment.withdraw', sponsorState: row.sponsorState }
        : { type: 'amendment.decide', section: section! };
  const ctx = await authorize(db, { userId, planId: row.planId, action: permission });

  await db.transaction(async (tx) => {
    // One step at a time on a plan's amendments: two decisions sent together never both apply.
    await lockUntilCommit(tx, lockKey.planAmendments(row.planId));
    const [current] = await tx.select().from(amendments).where(eq(amendments.id, row.id));
    if (current!.status !== 'pending') throw appError('conflict', 'amendmentDecided', { status: current!.status });
    const action =
      step.action === 'cosponsor'
        ? 'amendment.cosponsored'
        : step.action === 'object'
          ? 'amendment.objected'
          : step.action === 'withdraw'
            ? 'amendment.withdrawn'
            : step.action === 'reject'
              ? 'amendment.rejected'
              : 'amendment.accepted';
    const audit = (after: unknown) =>
      recordAudit(tx, { planId: row.planId, actorId: userId, action, target: `amendment:${row.id}`, after });
    switch (step.action) {
      case 'cosponsor':
      case 'object': {
        const stateCode = ctx.membership!.stateCode!;
        const stance = { amendmentId: row.id, stateCode, stance: step.action, userId, at: new Date() };
        await tx
          .insert(amendmentStances)
          .values(stance)
          .onConflictDoUpdate({
            target: [amendmentStances.amendmentId, amendmentStances.stateCode],
            set: { stance: step.action, userId, at: stance.at },
          });
        await audit({ stateCode });
        return;
      }
      case 'withdraw':
        await decide(tx, row, 'withdrawn', userId, null);
        await audit({});
        return;
      case 'reject':
        await decide(tx, row, 'rejected', userId, step.reason);
        await audit({ reason: step.reason });
        return;
      case 'accept':
        await decide(tx, row, 'accepted', userId, null);
        await audit({ kind: row.kind, targetText: row.targetText, proposedText: row.proposedText });
        // Last, so that a refusal leaves the text as it was; the text changes before the row commits.
        await applyToText(row, userId, await agreedAnchors(tx, row.sectionId));
        return;
    }
  });
  notifyAmendmentsChanged(row.sectionId);
  return amendmentView(db, row.id);
}

async function decide(
  tx: Db,
  row: AmendmentRow,
  status: 'accepted' | 'rejected' | 'withdrawn',
  userId: string,
  reason: string | null,
): Promise<void> {
  await tx
    .update(amendments)
    .set({ status, decidedBy: userId, decidedAt: new Date(), decisionReason: reason })
    .where(and(eq(amendments.id, row.id), eq(amendments.status, 'pending')));
}

/**
 * The accepted wording goes into the live text as one change by the proposer; a passage changed meanwhile,
 * or in a paragraph agreed meanwhile, is refused.
 */
async function applyToText(row: AmendmentRow, acceptedBy: string, agreed: readonly Uint8Array[]): Promise<void> {
  await documentHost().change(sectionRoom(row.sectionId), row.proposedBy ?? acceptedBy, (copy) => {
    const place = locatePassage(copy, row.targetFrom, row.targetTo);
    if (!place || place.reads !== row.targetText) throw appError('conflict', 'amendmentPassageChanged');
    if (isAgreedParagraph(place.paragraph, agreed)) throw appError('conflict', 'paragraphAgreed');
    applyAmendment(place, row.kind, row.proposedText);
  });
}
