'use client';

import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

/** Whether the document is reachable now (connected and synced), and whether it ever was on this page. */
export type Connection = { online: boolean; everConnected: boolean };

/** The connection's state as it changes. */
export function useConnection(provider: WebsocketProvider): Connection {
  const [connection, setConnection] = useState<Connection>({ online: provider.synced, everConnected: provider.synced });
  useEffect(() => {
    let everConnected = provider.synced;
    const update = () => {
      const online = provider.wsconnected && provider.synced;
      everConnected ||= online;
      setConnection({ online, everConnected });
    };
    provider.on('status', update);
    provider.on('sync', update);
    update();
    return () => {
      provider.off('status', update);
      provider.off('sync', update);
    };
  }, [provider]);
  return connection;
}
