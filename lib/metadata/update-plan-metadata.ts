import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { planMetadata } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { authorize } from '../permissions/authorize-action';
import type { PlanMetadata, PlanMetadataInput } from '../shared/plan-metadata';
import { planSections } from '../consolidation/plan-sections';
import { notifyAmendmentsChanged } from '../plans/plan-events';
import { readPlanMetadata } from './get-plan-metadata';

/** The chair replaces the plan's document block; the previous one is kept in the audit log. */
export async function updatePlanMetadata(
  db: Db,
  options: { userId: string; planId: string; metadata: PlanMetadataInput },
): Promise<PlanMetadata> {
  await authorize(db, { userId: options.userId, planId: options.planId, action: { type: 'plan.manage' } });
  const metadata: PlanMetadata = {
    ...options.metadata,
    language: options.metadata.language ?? options.metadata.originalLanguage,
    paperSize: options.metadata.paperSize ?? 'letter',
    numbering: options.metadata.numbering ?? 'section',
  };
  const values = { ...metadata, updatedBy: options.userId, updatedAt: new Date() };
  const before = await db.transaction(async (tx) => {
    // The block it replaces, read under the lock: of two changes at once, the second's audit entry
    // keeps the first's block as the one it replaced.
    await lockUntilCommit(tx, lockKey.planMetadata(options.planId));
    const before = await readPlanMetadata(tx, options.planId);
    await tx
      .insert(planMetadata)
      .values({ planId: options.planId, ...values })
      .onConflictDoUpdate({ target: planMetadata.planId, set: values });
    await recordAudit(tx, {
      planId: options.planId,
      actorId: options.userId,
      action: 'plan.metadata_updated',
      target: `plan:${options.planId}`,
      before,
      after: metadata,
    });
    return before;
  });
  // Every number on the sections' open pages changes: they are sent their paragraphs again, numbered anew.
  if (before.numbering !== metadata.numbering)
    for (const section of await planSections(db, options.planId)) notifyAmendmentsChanged(section.id);
  return metadata;
}
