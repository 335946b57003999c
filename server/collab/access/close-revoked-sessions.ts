import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { isSessionRevoked, onSessionRevoked } from '../../../lib/auth/sessions';
import { CloseCode } from '../../../lib/shared/close-codes';
import type { Connection } from '../connection';

/**
 * Closes a session's connections as soon as it is signed out or revoked (here, or on another instance
 * through Redis), and looks every open session up again when such news may have been lost.
 */
export function closeRevokedSessions(options: { db: Db; log: Logger; connections: Iterable<Connection> }) {
  const { db, log, connections } = options;
  const closeSession = (sessionId: string) => {
    for (const c of connections) if (c.sessionId === sessionId) c.close(CloseCode.Unauthenticated, 'signed out');
  };
  const stopListening = onSessionRevoked(closeSession);
  async function closeRevoked(): Promise<void> {
    for (const sessionId of new Set([...connections].map((c) => c.sessionId))) {
      if (await isSessionRevoked(db, sessionId)) closeSession(sessionId);
    }
  }
  return {
    /** Looks up every session with a connection here, and closes those revoked meanwhile. */
    recheckAll(): void {
      void closeRevoked().catch((error: unknown) => log.error({ err: error }, 're-checking sessions failed'));
    },
    close: stopListening,
  };
}
