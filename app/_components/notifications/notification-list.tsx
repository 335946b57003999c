'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { NotificationView } from '../../../lib/notifications/list-notifications';
import { notificationText } from '../../../lib/shared/notification-text';
import { LocalTime } from '../local-time';

/** Notifications, newest first, each a link to where it happened; unread ones marked. */
export function NotificationList({ notifications }: { notifications: readonly NotificationView[] }) {
  const t = useTranslations('NotificationList');
  if (!notifications.length) return <p className="muted small">{t('none')}</p>;
  return (
    <ol className="plain stack notifications" aria-label={t('label')}>
      {notifications.map((n) => (
        <li key={n.id} data-unread={!n.read || undefined}>
          <Link href={n.href}>{notificationText(t, n)}</Link>
          {!n.read && <span className="tag news">{t('unread')}</span>}
          <br />
          <span className="muted small">
            <LocalTime at={n.createdAt} />
          </span>
        </li>
      ))}
    </ol>
  );
}
