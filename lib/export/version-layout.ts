import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { planVersions, versions } from '../../db/schema';
import { appError } from '../i18n/error-text';
import { currentLayout, storedLayout, type PlanLayout } from '../plans/plan-layout';
import { parseRoom } from '../shared/rooms';

export type VersionLayout = PlanLayout & {
  id: string;
  name: string;
  /** Yjs snapshot of each document the version holds, by document id: the goal and its sections. */
  snapshots: Map<string, Uint8Array>;
};

/**
 * A plan version with the sections it snapshotted, in the order and with the titles, lead and
 * co-editing states and document block stored when it was named. A version named before layouts were
 * stored (migration 0006) falls back to today's titles and order for the sections it snapshotted.
 */
export async function layoutAtVersion(db: Db, options: { planId: string; versionId: string }): Promise<VersionLayout> {
  const [planVersion] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.id, options.versionId), eq(planVersions.planId, options.planId)));
  if (!planVersion) throw appError('not_found', 'noSuchVersion');
  const snapshotRows = await db
    .select({ docId: versions.docId, snapshot: versions.snapshot })
    .from(versions)
    .where(eq(versions.planVersionId, planVersion.id));
  const snapshotted = new Set(
    snapshotRows.map((r) => parseRoom(r.docId)).flatMap((room) => (room?.kind === 'section' ? [room.sectionId] : [])),
  );
  const stored = storedLayout.safeParse(planVersion.layout);
  const layout = stored.success ? stored.data : await currentLayout(db, options.planId);
  return {
    id: planVersion.id,
    name: planVersion.name,
    snapshots: new Map(snapshotRows.map((r) => [r.docId, r.snapshot])),
    metadata: layout.metadata,
    sections: layout.sections.filter((s) => snapshotted.has(s.id)),
  };
}
