'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotificationView } from '../../../lib/notifications/list-notifications';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useFailure } from '../error-message';
import { NotificationList } from './notification-list';
import { onUnread } from './notification-events';

type Listed = { unread: number; notifications: NotificationView[] };

/**
 * The bell in the top bar: the unread count, kept current by the server over the page's live
 * connections; opening it lists the latest notifications and marks those shown read.
 */
export function NotificationBell() {
  const t = useTranslations('NotificationBell');
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [listed, setListed] = useState<NotificationView[] | null>(null);
  const { message: error, fail, clear } = useFailure();
  const panel = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    const result = await api<Listed>('GET', '/api/notifications');
    setUnread(result.unread);
    return result;
  }, []);

  useEffect(() => {
    load().catch(() => {});
    return onUnread((count) => setUnread(count));
  }, [load]);

  const toggle = async () => {
    if (open) return setOpen(false);
    setOpen(true);
    try {
      const result = await load();
      setListed(result.notifications);
      clear();
      const shown = result.notifications.filter((n) => !n.read).map((n) => n.id);
      if (shown.length)
        setUnread((await api<{ unread: number }>('POST', '/api/notifications/read', { ids: shown })).unread);
    } catch (failure) {
      fail(failure);
    }
  };

  return (
    <div className="bell" ref={panel} onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls="notification-panel"
        onClick={() => void toggle()}
      >
        <BellIcon /> <span className="bell-words">{t('button', { count: unread })}</span>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div id="notification-panel" className="card stack bell-panel" role="region" aria-label={t('panel')}>
          {listed && <NotificationList notifications={listed} />}
          <ErrorAlert message={error} />
          <Link href="/notifications">{t('all')}</Link>
        </div>
      )}
    </div>
  );
}

/** Drawn, not an emoji: a server or desktop without an emoji font would show an empty box. */
function BellIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6v-5a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
      />
    </svg>
  );
}
