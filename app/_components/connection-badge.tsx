'use client';

import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

type Status = 'connecting' | 'connected' | 'reconnecting' | 'offline-unsynced';

const LABELS: Record<Status, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  'offline-unsynced': 'Offline — unsynced changes',
};

/** Tells the user whether their words are reaching the others, and warns when local edits wait. */
export function ConnectionBadge({ provider, doc }: { provider: WebsocketProvider; doc: Y.Doc }) {
  const [status, setStatus] = useState<Status>(provider.synced ? 'connected' : 'connecting');

  useEffect(() => {
    let everConnected = provider.synced;
    let unsynced = false;
    const update = () => {
      if (provider.wsconnected && provider.synced) {
        everConnected = true;
        unsynced = false;
        setStatus('connected');
      } else if (unsynced) setStatus('offline-unsynced');
      else setStatus(everConnected ? 'reconnecting' : 'connecting');
    };
    const onLocalUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider && !(provider.wsconnected && provider.synced)) {
        unsynced = true;
        update();
      }
    };
    provider.on('status', update);
    provider.on('sync', update);
    doc.on('update', onLocalUpdate);
    update();
    return () => {
      provider.off('status', update);
      provider.off('sync', update);
      doc.off('update', onLocalUpdate);
    };
  }, [provider, doc]);

  return (
    <span className={`badge badge-${status}`} data-status={status} role="status" aria-live="polite">
      {LABELS[status]}
    </span>
  );
}
