'use client';

import { useTranslations } from 'next-intl';
import type { WebsocketProvider } from 'y-websocket';
import type { SaveState } from '../saving/unsaved-edits';
import { useConnection, type Connection } from './use-connection';

type Status = 'connecting' | 'connected' | 'saving' | 'refused' | 'reconnecting' | 'offline-unsynced';

/** What the badge says: one message of the ConnectionBadge namespace each. */
type Label = 'connected' | 'refused' | 'dropped' | 'saved' | 'saving' | 'offlineKept' | 'offlineUnsaved' | 'reconnecting' | 'connecting';

/**
 * Tells the user whether their words are reaching the others and, for someone who may write, whether
 * the server has stored them (`save`, from useSaveState); warns when local edits wait.
 */
export function ConnectionBadge({ provider, save }: { provider: WebsocketProvider; save: SaveState | null }) {
  const t = useTranslations('ConnectionBadge');
  const connection = useConnection(provider);
  const [status, label] = describe(connection, save);
  return (
    <span className={`badge badge-${status}`} data-status={status} role="status" aria-live="polite">
      {t(label)}
    </span>
  );
}

function describe({ online, everConnected }: Connection, save: SaveState | null): [Status, Label] {
  if (online) {
    if (!save) return ['connected', 'connected'];
    if (save === 'refused') return ['refused', 'refused'];
    if (save === 'dropped') return ['refused', 'dropped'];
    return save === 'saved' ? ['connected', 'saved'] : ['saving', 'saving'];
  }
  if (save === 'kept') return ['offline-unsynced', 'offlineKept'];
  if (save === 'at-risk') return ['offline-unsynced', 'offlineUnsaved'];
  return everConnected ? ['reconnecting', 'reconnecting'] : ['connecting', 'connecting'];
}
