'use client';

import type { WebsocketProvider } from 'y-websocket';
import type { SaveState } from '../saving/unsaved-edits';
import { useConnection, type Connection } from './use-connection';

type Status = 'connecting' | 'connected' | 'saving' | 'refused' | 'reconnecting' | 'offline-unsynced';

/**
 * Tells the user whether their words are reaching the others and, for someone who may write, whether
 * the server has stored them (`save`, from useSaveState); warns when local edits wait.
 */
export function ConnectionBadge({ provider, save }: { provider: WebsocketProvider; save: SaveState | null }) {
  const connection = useConnection(provider);
  const [status, label] = describe(connection, save);
  return (
    <span className={`badge badge-${status}`} data-status={status} role="status" aria-live="polite">
      {label}
    </span>
  );
}

function describe({ online, everConnected }: Connection, save: SaveState | null): [Status, string] {
  if (online) {
    if (!save) return ['connected', 'Connected'];
    if (save === 'refused') return ['refused', 'Not sent — you may no longer write here'];
    if (save === 'dropped') return ['refused', 'Not saved — kept on this computer'];
    return save === 'saved' ? ['connected', 'All changes saved'] : ['saving', 'Saving…'];
  }
  if (save === 'kept') return ['offline-unsynced', 'Offline — your changes are kept on this computer'];
  if (save === 'at-risk') return ['offline-unsynced', 'Offline — unsaved changes'];
  return everConnected ? ['reconnecting', 'Reconnecting…'] : ['connecting', 'Connecting…'];
}
