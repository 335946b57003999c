import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { planMembers, sectionComments, users } from '../../db/schema';
import { mentionedUsers } from '../discussion/mentions';
import type { Phase, Role } from '../permissions/can';
import type { Mention } from '../shared/discussion';
import { NOTIFICATION_FANOUT_MAX, sendNotifications, type NewNotification } from './send-notifications';

async function nameOf(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

/**
 * A new message notifies those it names (`mention`) and, for a reply, whoever opened the thread
 * (`reply`), once each and never its author.
 */
export async function notifyMessagePosted(
  db: Db,
  options: {
    planId: string;
    sectionId: string;
    commentId: string;
    authorId: string;
    parentId: string | null;
    mentions: readonly Mention[];
  },
): Promise<void> {
  const { planId, sectionId, commentId, authorId } = options;
  const named = new Set(await mentionedUsers(db, planId, options.mentions));
  named.delete(authorId);
  const [root] = options.parentId
    ? await db
        .select({ authorId: sectionComments.authorId })
        .from(sectionComments)
        .where(eq(sectionComments.id, options.parentId))
    : [];
  const threadOwner = root?.authorId && root.authorId !== authorId && !named.has(root.authorId) ? root.authorId : null;
  if (!named.size && !threadOwner) return;
  const actorName = await nameOf(db, authorId);
  const base = { planId, sectionId, commentId, actorName };
  await sendNotifications(db, [
    ...[...named].map((userId): NewNotification => ({ ...base, userId, kind: 'mention' })),
    ...(threadOwner ? [{ ...base, userId: threadOwner, kind: 'reply' as const }] : []),
  ]);
}

/** Every member but the chair who moved it hears that the plan changed phase. */
export async function notifyPhaseChanged(
  db: Db,
  options: { planId: string; actorId: string; phase: Phase },
): Promise<void> {
  const members = await db
    .select({ userId: planMembers.userId })
    .from(planMembers)
    .where(and(eq(planMembers.planId, options.planId), ne(planMembers.userId, options.actorId)))
    .limit(NOTIFICATION_FANOUT_MAX);
  const actorName = await nameOf(db, options.actorId);
  await sendNotifications(
    db,
    members.map((m) => ({
      userId: m.userId,
      planId: options.planId,
      kind: 'phase',
      actorName,
      details: { phase: options.phase },
    })),
  );
}

/** Someone appointed to a plan (or given another role or state in it) hears of it. */
export async function notifyAppointed(
  db: Db,
  options: { planId: string; actorId: string; userId: string; role: Role; stateCode: string | null },
): Promise<void> {
  if (options.userId === options.actorId) return;
  await sendNotifications(db, [
    {
      userId: options.userId,
      planId: options.planId,
      kind: 'appointment',
      actorName: await nameOf(db, options.actorId),
      details: { role: options.role, ...(options.stateCode && { state: options.stateCode }) },
    },
  ]);
}
