import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { planMembers, users, versions } from '../../db/schema';
import { authorize } from '../permissions/authorize-action';
import { documentTarget } from './document-target';

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
    .select({
      id: versions.id,
      kind: versions.kind,
      name: versions.name,
      createdAt: versions.createdAt,
      editors: versions.editors,
      createdBy: users.name,
    })
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
