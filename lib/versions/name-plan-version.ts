import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { planVersions } from '../../db/schema';
import { documentHost } from '../documents/live-documents';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import { currentLayout } from '../plans/plan-layout';
import { goalRoom, sectionRoom } from '../shared/rooms';
import { saveVersion } from './save-version';

/** The chair names an instant of the whole plan: the goal and every section, snapshotted together. */
export async function namePlanVersion(
  db: Db,
  options: { userId: string; planId: string; name: string },
): Promise<{ id: string }> {
  await authorize(db, { userId: options.userId, planId: options.planId, action: { type: 'version.name' } });
  const layout = await currentLayout(db, options.planId);
  const planVersion = await db.transaction(async (tx) => {
    // A name names one version of the plan, also when it is sent twice at once (a double click, two instances).
    await lockUntilCommit(tx, lockKey.planVersions(options.planId));
    const [taken] = await tx
      .select({ id: planVersions.id })
      .from(planVersions)
      .where(and(eq(planVersions.planId, options.planId), eq(planVersions.name, options.name)))
      .limit(1);
    if (taken) throw appError('conflict', 'planVersionNameTaken', { name: options.name });
    const [row] = await tx
      .insert(planVersions)
      .values({ planId: options.planId, name: options.name, layout, createdBy: options.userId })
      .returning({ id: planVersions.id });
    if (!row) throw new Error('plan version insert returned nothing');
    return row;
  });
  const docIds = [goalRoom(options.planId), ...layout.sections.map((s) => sectionRoom(s.id))];
  const host = documentHost();
  for (const docId of docIds) {
    await host.read(docId, (doc, people) =>
      saveVersion(db, {
        docId,
        doc,
        users: people,
        kind: 'named',
        name: options.name,
        createdBy: options.userId,
        planVersionId: planVersion.id,
      }),
    );
  }
  return planVersion;
}
