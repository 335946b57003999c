import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { commentMentions, planMembers } from '../../db/schema';
import { appError } from '../i18n/error-text';
import type { Mention } from '../shared/discussion';

/**
 * The mentions a new message may keep: each names a member of the plan (a person) or the state of one
 * of its coordinators, once, and shows in the text as "@label". Anything else is refused whole, so a
 * message never notifies someone outside the plan.
 */
export async function checkMentions(
  db: Db,
  options: { planId: string; body: string; mentions: readonly Mention[] },
): Promise<Mention[]> {
  const unique = [
    ...new Map(options.mentions.map((m) => [m.kind === 'person' ? `p:${m.userId}` : `s:${m.code}`, m])).values(),
  ];
  if (!unique.length) return [];
  const members = await db
    .select({ userId: planMembers.userId, stateCode: planMembers.stateCode })
    .from(planMembers)
    .where(eq(planMembers.planId, options.planId));
  const people = new Set(members.map((m) => m.userId));
  const states = new Set(members.flatMap((m) => (m.stateCode ? [m.stateCode] : [])));
  for (const mention of unique) {
    const known = mention.kind === 'person' ? people.has(mention.userId) : states.has(mention.code);
    if (!known) throw appError('invalid', 'mentionNotMember', { name: mention.label });
    if (!options.body.includes(`@${mention.label}`))
      throw appError('invalid', 'mentionNotInMessage', { name: mention.label });
  }
  return unique;
}

/** Keeps a message's mentions; call in the transaction that adds the message. */
export async function storeMentions(db: Db, commentId: string, mentions: readonly Mention[]): Promise<void> {
  if (!mentions.length) return;
  await db.insert(commentMentions).values(
    mentions.map((m) => ({
      commentId,
      label: m.label,
      userId: m.kind === 'person' ? m.userId : null,
      stateCode: m.kind === 'state' ? m.code : null,
    })),
  );
}

/** The mentions of each of these messages. */
export async function mentionsOf(db: Db, commentIds: readonly string[]): Promise<Map<string, Mention[]>> {
  const found = new Map<string, Mention[]>();
  if (!commentIds.length) return found;
  const rows = await db
    .select()
    .from(commentMentions)
    .where(inArray(commentMentions.commentId, [...commentIds]));
  for (const row of rows) {
    const mention: Mention | null = row.userId
      ? { kind: 'person', userId: row.userId, label: row.label }
      : row.stateCode
        ? { kind: 'state', code: row.stateCode, label: row.label }
        : null;
    if (mention) found.set(row.commentId, [...(found.get(row.commentId) ?? []), mention]);
  }
  return found;
}

/** Who a message's mentions reach: the people named, and the coordinators of the states named. */
export async function mentionedUsers(db: Db, planId: string, mentions: readonly Mention[]): Promise<string[]> {
  const people = mentions.flatMap((m) => (m.kind === 'person' ? [m.userId] : []));
  const states = mentions.flatMap((m) => (m.kind === 'state' ? [m.code] : []));
  const coordinators = states.length
    ? await db
        .select({ userId: planMembers.userId })
        .from(planMembers)
        .where(
          and(eq(planMembers.planId, planId), isNotNull(planMembers.stateCode), inArray(planMembers.stateCode, states)),
        )
    : [];
  return [...new Set([...people, ...coordinators.map((c) => c.userId)])];
}
