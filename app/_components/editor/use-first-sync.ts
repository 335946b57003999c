'use client';

import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

/**
 * Whether the document has arrived once. Until then the page holds an empty document: typing into it
 * would merge, but at the start of a text the user has not seen yet. After that, a reconnection keeps the
 * editor open, and what is typed meanwhile is sent when the connection is back.
 */
export function useFirstSync(provider: WebsocketProvider): boolean {
  const [synced, setSynced] = useState(provider.synced);
  useEffect(() => {
    if (synced) return;
    const onSync = (isSynced: boolean) => {
      if (isSynced) setSynced(true);
    };
    provider.on('sync', onSync);
    if (provider.synced) setSynced(true);
    return () => provider.off('sync', onSync);
  }, [provider, synced]);
  return synced;
}
