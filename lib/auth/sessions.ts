import { EventEmitter } from 'node:events';
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDatabase } from '../../db/prepared';
import { revokedSessions } from '../../db/schema';

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
  notifySessionRevoked(sessionId);
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
