import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockKey, lockUntilCommit } from '../../db/lock';
import { planMembers, planVersions, users, versions } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { restoreInto } from '../documents/history';
import { documentHost } from '../documents/host';
import { AppError } from '../errors';
import { authorize } from '../permissions/authorize-action';
import { currentLayout } from '../plans/plan-layout';
import { goalRoom, sectionRoom } from '../shared/rooms';
import { documentTarget } from './document-target';
import { saveVersion } from './save-version';

export type VersionView = {
  id: string;
  kind: 'auto' | 'named' | 'restore';
  name: string | null;
  createdAt: string;
  createdBy: string | null;
  editors: Array<{ userId: string; name: string; state: string | null }>;
};

/** A document's versions, newest first, for anyone who may read the plan. */
export async function listVersions(db: Db, options: { userId: string; docId: string }): Promise<VersionView[]> {
  const target = await documentTarget(db, options.docId);
  await authorize(db, { userId: options.userId, planId: target.planId, action: { type: 'plan.read' } });
  const rows = await db
    .select({ id: versions.id, kind: versions.kind, name: versions.name, createdAt: versions.createdAt, editors: versions.editors, createdBy: users.name })
    .from(versions)
    .leftJoin(users, eq(users.id, versions.createdBy))
    .where(eq(versions.docId, options.docId))
    .orderBy(desc(versions.createdAt));
  const people = await describePeople(db, target.planId, [...new Set(rows.flatMap((r) => r.editors))]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    editors: r.editors.map((id) => people.get(id) ?? { userId: id, name: 'Former member', state: null }),
  }));
}

async function describePeople(db: Db, planId: string, ids: string[]) {
  if (!ids.length) return new Map<string, { userId: string; name: string; state: string | null }>();
  const rows = await db
    .select({ userId: users.id, name: users.name, state: planMembers.stateCode })
    .from(users)
    .leftJoin(planMembers, and(eq(planMembers.userId, users.id), eq(planMembers.planId, planId)))
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.userId, r]));
}

/** One version's snapshot, for the editor to render read-only or to compare. */
export async function getVersion(db: Db, options: { userId: string; docId: string; versionId: string }) {
  const target = await documentTarget(db, options.docId);
  await authorize(db, { userId: options.userId, planId: target.planId, action: { type: 'plan.read' } });
  const [row] = await db.select().from(versions).where(and(eq(versions.id, options.versionId), eq(versions.docId, options.docId)));
  if (!row) throw new AppError('not_found', 'No such version');
  return { id: row.id, kind: row.kind, name: row.name, createdAt: row.createdAt.toISOString(), snapshot: Buffer.from(row.snapshot).toString('base64') };
}

/** A named version of one document, by the chair or a coordinator of the section's states. */
export async function nameVersion(db: Db, options: { userId: string; docId: string; name: string }): Promise<{ id: string }> {
  const target = await documentTarget(db, options.docId);
  await authorize(db, { userId: options.userId, planId: target.planId, action: { type: 'version.name', ...(target.section && { section: target.section }) } });
  return documentHost().read(options.docId, (doc, people) =>
    saveVersion(db, { docId: options.docId, doc, users: people, kind: 'named', name: options.name, createdBy: options.userId }),
  );
}

/**
 * Brings a document back to a version as a new change everyone connected sees; the versions before
 * and after stay viewable, so restoring is itself undone by restoring again.
 */
export async function restoreVersion(db: Db, options: { userId: string; docId: string; versionId: string }): Promise<{ id: string }> {
  const target = await documentTarget(db, options.docId);
  await authorize(db, { userId: options.userId, planId: target.planId, action: { type: 'version.restore' } });
  const [row] = await db.select().from(versions).where(and(eq(versions.id, options.versionId), eq(versions.docId, options.docId)));
  if (!row) throw new AppError('not_found', 'No such version');
  const host = documentHost();
  await host.read(options.docId, (doc, people) => saveVersion(db, { docId: options.docId, doc, users: people, kind: 'auto', name: 'Before restore' }));
  await host.change(options.docId, options.userId, (copy) => restoreInto(copy, row.snapshot));
  const label = row.name ?? row.createdAt.toISOString();
  const saved = await host.read(options.docId, (doc, people) =>
    saveVersion(db, { docId: options.docId, doc, users: people, kind: 'restore', name: `Restored “${label}”`, createdBy: options.userId }),
  );
  await recordAudit(db, { planId: target.planId, actorId: options.userId, action: 'version.restored', target: `doc:${options.docId}`, after: { versionId: row.id, name: row.name } });
  return saved;
}

/** The chair names an instant of the whole plan: the goal and every section, snapshotted together. */
export async function namePlanVersion(db: Db, options: { userId: string; planId: string; name: string }): Promise<{ id: string }> {
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
    if (taken) throw new AppError('conflict', `There is already a version of this plan named “${options.name}”; choose another name`);
    const [row] = await tx.insert(planVersions).values({ planId: options.planId, name: options.name, layout, createdBy: options.userId }).returning({ id: planVersions.id });
    if (!row) throw new Error('plan version insert returned nothing');
    return row;
  });
  const docIds = [goalRoom(options.planId), ...layout.sections.map((s) => sectionRoom(s.id))];
  const host = documentHost();
  for (const docId of docIds) {
    await host.read(docId, (doc, people) =>
      saveVersion(db, { docId, doc, users: people, kind: 'named', name: options.name, createdBy: options.userId, planVersionId: planVersion.id }),
    );
  }
  return planVersion;
}

export async function listPlanVersions(db: Db, options: { userId: string; planId: string }) {
  await authorize(db, { userId: options.userId, planId: options.planId, action: { type: 'plan.read' } });
  const rows = await db
    .select({ id: planVersions.id, name: planVersions.name, createdAt: planVersions.createdAt, createdBy: users.name })
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.createdBy))
    .where(eq(planVersions.planId, options.planId))
    .orderBy(desc(planVersions.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
