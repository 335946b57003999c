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
        <span aria-hidden="true">🔔</span> {t('button', { count: unread })}
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
