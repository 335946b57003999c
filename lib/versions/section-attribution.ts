import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberStates, planMembers } from '../../db/schema';
import { charactersByUser } from '../documents/change-runs';
import { documentHost } from '../documents/live-documents';
import { authorize } from '../permissions/authorize-action';
import { documentTarget } from './document-target';

export type StateShare = {
  state: { code: string; name: string } | null;
  label: string;
  characters: number;
  share: number;
};

/** How much of a document's current text each state wrote (the chair and unattributed text apart). */
export async function documentAttribution(db: Db, options: { userId: string; docId: string }) {
  const target = await documentTarget(db, options.docId);
  await authorize(db, { userId: options.userId, planId: target.planId, action: { type: 'plan.read' } });
  const byUser = await documentHost().read(options.docId, (doc, users) => charactersByUser(doc, users));
  const members = await db.select().from(planMembers).where(eq(planMembers.planId, target.planId));
  const codes = [...new Set(members.flatMap((m) => (m.stateCode ? [m.stateCode] : [])))];
  const names = new Map(
    codes.length
      ? (await db.select().from(memberStates).where(inArray(memberStates.code, codes))).map((s) => [s.code, s.nameEn])
      : [],
  );
  const buckets = new Map<string, StateShare>();
  let total = 0;
  for (const [userId, characters] of byUser) {
    const member = members.find((m) => m.userId === userId);
    const code = member?.stateCode ?? null;
    const label = code
      ? (names.get(code) ?? code)
      : member?.role === 'chair'
        ? 'Chair'
        : userId
          ? 'Former member'
          : 'Unattributed (seeded)';
    const bucket = buckets.get(label) ?? { state: code ? { code, name: label } : null, label, characters: 0, share: 0 };
    bucket.characters += characters;
    buckets.set(label, bucket);
    total += characters;
  }
  const shares = [...buckets.values()].map((b) => ({
    ...b,
    share: total ? Math.round((b.characters / total) * 1000) / 1000 : 0,
  }));
  return {
    leadState: target.section?.leadState ?? null,
    totalCharacters: total,
    byState: shares.sort((a, b) => b.characters - a.characters),
  };
}
