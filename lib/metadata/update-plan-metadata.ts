import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { planMetadata } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { authorize } from '../permissions/authorize-action';
import type { PlanMetadata, PlanMetadataInput } from '../shared/plan-metadata';
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
  };
  const values = { ...metadata, updatedBy: options.userId, updatedAt: new Date() };
  await db.transaction(async (tx) => {
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
  });
  return metadata;
}
