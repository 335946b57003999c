'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import {
  ACCESS_MESSAGE,
  NOTICE_MESSAGE,
  readAccessMessage,
  readNoticeMessage,
  type ConnectionAccess,
  type NoticeCode,
} from '../../../lib/shared/app-messages';
import { CloseCode } from '../../../lib/shared/close-codes';

type Decoder = Parameters<typeof readAccessMessage>[0];

/**
 * Why the connection is over for good (`why`: a message of the Ended namespace), and where the user
 * can go about it: reload the page, or sign in again.
 */
export type Ended = { why: 'deleted' | 'forbidden' | 'signedOut'; href: string };

/** What ends a session's connection for good, by close code; other closes reconnect on their own. */
function endedBy(code: number | undefined): Ended | null {
  if (code === CloseCode.Gone) return { why: 'deleted', href: '' };
  if (code === CloseCode.Forbidden) return { why: 'forbidden', href: '' };
  if (code !== CloseCode.Unauthenticated) return null;
  // Reconnecting would only be refused until the user signs in again (unsent edits wait in the browser).
  return { why: 'signedOut', href: `/signin?callbackUrl=${encodeURIComponent(window.location.pathname)}` };
}

/** Live permission from the server; null until the server has said. Ends the session when access is gone. */
export function useServerAccess(provider: WebsocketProvider) {
  const [access, setAccess] = useState<ConnectionAccess | null>(null);
  const [ended, setEnded] = useState<Ended | null>(null);
  /** What the server said of a write it refused (a full document), as a code. */
  const [notice, setNotice] = useState<NoticeCode | null>(null);
  // The page says why one may only read (a frozen section, another phase) and what else changed with it:
  // it is rendered again when what this connection may do changes, not on the first word of each connection.
  const router = useRouter();
  const previous = useRef<ConnectionAccess | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = access ?? before;
    if (before !== null && access !== null && access !== before) router.refresh();
  }, [access, router]);
  useEffect(() => {
    provider.messageHandlers[ACCESS_MESSAGE] = (_encoder: unknown, decoder: Decoder) =>
      setAccess(readAccessMessage(decoder));
    provider.messageHandlers[NOTICE_MESSAGE] = (_encoder: unknown, decoder: Decoder) =>
      setNotice(readNoticeMessage(decoder));
    const onClose = (event: CloseEvent | null) => {
      const end = endedBy(event?.code);
      if (!end) return;
      provider.disconnect();
      setEnded(end);
    };
    provider.on('connection-close', onClose);
    return () => provider.off('connection-close', onClose);
  }, [provider]);
  return { access, ended, notice };
}
