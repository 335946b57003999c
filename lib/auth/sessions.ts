import { EventEmitter } from 'node:events';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDatabase } from '../../db/prepared';
import { revokedSessions, signedInSessions } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { endedSessionExpiry } from './session-lifetime';

const KEY = Symbol.for('concordia.sessionEvents');

/** On globalThis because Next bundles its own copy of lib/, and the collaboration server must hear it. */
function emitter(): EventEmitter {
  const holder = globalThis as { [KEY]?: EventEmitter };
  holder[KEY] ??= new EventEmitter().setMaxListeners(0);
  return holder[KEY];
}

/** Ends a session: its token is refused from now on and its open sockets close. */
export async function revokeSession(db: Db, sessionId: string, expiresAt: Date): Promise<void> {
  await db.insert(revokedSessions).values({ sessionId, expiresAt }).onConflictDoNothing();
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, new Date()));
  await db.delete(signedInSessions).where(eq(signedInSessions.sessionId, sessionId));
  notifySessionRevoked(sessionId);
}

/**
 * Notes a new session under its user, so that a change of password can end it (endUserSessions), and
 * the sign-in in the account's activity (lib/audit/list-account-activity.ts).
 */
export async function recordSignIn(db: Db, session: { sessionId: string; userId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [added] = await tx
      .insert(signedInSessions)
      .values(session)
      .onConflictDoNothing()
      .returning({ sessionId: signedInSessions.sessionId });
    if (!added) return;
    await recordAudit(tx, {
      planId: null,
      actorId: session.userId,
      action: 'account.signed_in',
      target: `user:${session.userId}`,
    });
  });
}

/**
 * Ends every session of a user but `keep` (the one that changed the password; none after a reset link):
 * their tokens are refused from now on. Call inside the transaction that changes the password, then
 * announceEndedSessions with what it returns once committed, to close their sockets on every instance.
 */
export async function endUserSessions(db: Db, options: { userId: string; keep?: string }): Promise<string[]> {
  const ended = await db
    .delete(signedInSessions)
    .where(
      and(
        eq(signedInSessions.userId, options.userId),
        options.keep ? ne(signedInSessions.sessionId, options.keep) : undefined,
      ),
    )
    .returning({ sessionId: signedInSessions.sessionId });
  if (ended.length === 0) return [];
  const expiresAt = endedSessionExpiry();
  await db
    .insert(revokedSessions)
    .values(ended.map(({ sessionId }) => ({ sessionId, expiresAt })))
    .onConflictDoNothing();
  return ended.map(({ sessionId }) => sessionId);
}

/** Closes the sockets of sessions endUserSessions ended, here and on the other instances. */
export function announceEndedSessions(sessionIds: string[]): void {
  for (const sessionId of sessionIds) notifySessionRevoked(sessionId);
}

/** Closes the session's sockets in this process; 'remote' when another instance revoked it (relayed once, never again). */
export function notifySessionRevoked(sessionId: string, source: 'local' | 'remote' = 'local'): void {
  emitter().emit('revoked', sessionId, source);
}

/** Read by every socket that opens with a session. */
const revokedQuery = preparedPerDatabase((db) =>
  db
    .select({ sessionId: revokedSessions.sessionId })
    .from(revokedSessions)
    .where(eq(revokedSessions.sessionId, sql.placeholder('sessionId')))
    .limit(1)
    .prepare('session_revoked'),
);

export async function isSessionRevoked(db: Db, sessionId: string): Promise<boolean> {
  const [row] = await revokedQuery(db).execute({ sessionId });
  return Boolean(row);
}

export function onSessionRevoked(listener: (sessionId: string, source: 'local' | 'remote') => void): () => void {
  emitter().on('revoked', listener);
  return () => emitter().off('revoked', listener);
}
