import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { auditLog, planVersions, versions } from '../../db/schema';
import { AppError } from '../errors';
import { planMetadataInput } from '../shared/plan-metadata';
import { parseRoom } from '../shared/rooms';
import { currentLayout, type PlanLayout } from './plan-layout';

export type VersionLayout = PlanLayout & {
  id: string;
  name: string;
  /** Yjs snapshot of each document the version holds, by document id: the goal and its sections. */
  snapshots: Map<string, Uint8Array>;
};

/** A section as lib/plans/sections.ts audits it: `after` a creation, `before` an update or a deletion. */
const auditedSection = z.object({ title: z.string(), leadState: z.string(), coEditingStates: z.array(z.string()), position: z.number() });
/** `before` a reordering: every section of the plan, in order. */
const auditedOrder = z.array(z.string());

const LAYOUT_ACTIONS = ['section.created', 'section.updated', 'section.frozen', 'section.unfrozen', 'section.deleted', 'section.reordered', 'plan.metadata_updated'];

/**
 * A plan version with the sections it holds, in the order and with the titles, lead and co-editing
 * states and document block they had when it was named. A plan version stores only its documents'
 * snapshots, so the rest is the current plan with every audited change since then undone, newest first.
 * It holds exactly the sections it snapshotted: those created since are left out, those deleted since
 * come back. One case is approximate: when a section was deleted and the plan then reordered, both
 * since the version, the deleted section's old position is compared with ranks (the positions before a
 * reordering are not recorded), which is exact unless sections deleted earlier left gaps before it.
 */
export async function layoutAtVersion(db: Db, options: { planId: string; versionId: string }): Promise<VersionLayout> {
  const { planId, versionId } = options;
  const [planVersion] = await db.select().from(planVersions).where(and(eq(planVersions.id, versionId), eq(planVersions.planId, planId)));
  if (!planVersion) throw new AppError('not_found', 'No such plan version');
  const snapshotRows = await db.select({ docId: versions.docId, snapshot: versions.snapshot }).from(versions).where(eq(versions.planVersionId, versionId));
  const snapshotted = new Set(snapshotRows.map((r) => parseRoom(r.docId)).flatMap((room) => (room?.kind === 'section' ? [room.sectionId] : [])));

  const now = await currentLayout(db, planId);
  // Compared in SQL, where timestamps keep the microseconds a JavaScript Date would round away.
  const versionTime = sql`(select ${planVersions.createdAt} from ${planVersions} where ${planVersions.id} = ${versionId})`;
  const changes = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.planId, planId), inArray(auditLog.action, LAYOUT_ACTIONS), gt(auditLog.at, versionTime)))
    .orderBy(desc(auditLog.id));

  const sections = new Map(now.sections.map((s) => [s.id, s]));
  let order = now.sections.map((s) => s.id);
  let metadata = now.metadata;
  for (const change of changes) {
    if (change.action === 'plan.metadata_updated') {
      const before = planMetadataInput.safeParse(change.before);
      if (before.success) metadata = before.data;
      continue;
    }
    if (change.action === 'section.reordered') {
      const before = auditedOrder.safeParse(change.before);
      if (!before.success) continue;
      order = before.data;
      order.forEach((id, rank) => {
        const section = sections.get(id);
        if (section) sections.set(id, { ...section, position: rank });
      });
      continue;
    }
    const id = /^section:(.+)$/.exec(change.target)?.[1];
    if (!id) continue;
    if (change.action === 'section.created') {
      // Kept for a section created just as the version was named: its snapshot makes it part of it.
      if (!snapshotted.has(id)) sections.delete(id);
      order = order.filter((other) => other !== id);
      continue;
    }
    const before = auditedSection.safeParse(change.before);
    if (!before.success) continue;
    if (change.action === 'section.deleted') {
      // Back before the first section at or after its old position; "at" matters only among ranks,
      // which never exceed the positions they stand for.
      const next = order.findIndex((other) => (sections.get(other)?.position ?? Infinity) >= before.data.position);
      order = next === -1 ? [...order, id] : [...order.slice(0, next), id, ...order.slice(next)];
    }
    // An update never moves a section: its recorded position is that of its own time, not a rank.
    sections.set(id, { id, ...before.data, position: sections.get(id)?.position ?? before.data.position });
  }

  const held = [...order.filter((id) => snapshotted.has(id)), ...[...snapshotted].filter((id) => !order.includes(id))];
  return {
    id: planVersion.id,
    name: planVersion.name,
    snapshots: new Map(snapshotRows.map((r) => [r.docId, r.snapshot])),
    metadata,
    sections: held.flatMap((id) => {
      const section = sections.get(id);
      return section ? [{ ...section, coEditingStates: [...section.coEditingStates].sort() }] : [];
    }),
  };
}
