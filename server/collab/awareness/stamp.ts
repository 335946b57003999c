import type { AwarenessUser } from '../../../lib/shared/awareness-user';

/**
 * The largest state a writer may announce, as JSON. The editor's (who, and a caret as two relative
 * positions) is about 400 characters; each change of a state goes to every member of the room.
 */
export const MAX_STATE_CHARS = 4096;

/**
 * A state as the room relays it: `user` is the connection's identity whatever the client wrote there,
 * and a reader (an observer, a coordinator on another state's section) shows who it is and nothing
 * else, so no caret or selection of a read-only connection is drawn in anyone's document. null (the
 * client left) stays null.
 */
export function stampState(
  state: unknown,
  user: AwarenessUser,
  access: 'read' | 'write',
): Record<string, unknown> | null {
  if (state === null) return null;
  if (access === 'read' || typeof state !== 'object' || Array.isArray(state)) return { user };
  return { ...(state as Record<string, unknown>), user };
}

/** The user id stamped on a state relayed by another instance, if any. */
export function stampedUserId(state: unknown): string | undefined {
  const user = typeof state === 'object' && state !== null ? (state as { user?: unknown }).user : undefined;
  const userId = typeof user === 'object' && user !== null ? (user as { userId?: unknown }).userId : undefined;
  return typeof userId === 'string' ? userId : undefined;
}
