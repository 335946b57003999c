'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { NotificationView } from '../../../lib/notifications/list-notifications';
import { LocalTime } from '../local-time';

/** Notifications, newest first, each a link to where it happened; unread ones marked. */
export function NotificationList({ notifications }: { notifications: readonly NotificationView[] }) {
  const t = useTranslations('NotificationList');
  if (!notifications.length) return <p className="muted small">{t('none')}</p>;
  const text = (n: NotificationView) => {
    const values = { actor: n.actorName ?? t('someone'), section: n.sectionTitle ?? '', plan: n.planTitle };
    if (n.kind === 'mention') return t('mention', values);
    if (n.kind === 'reply') return t('reply', values);
    if (n.kind === 'phase') return t('phase', { ...values, phase: n.details.phase ?? '' });
    return t('appointment', { ...values, role: n.details.role ?? '' });
  };
  return (
    <ol className="plain stack notifications" aria-label={t('label')}>
      {notifications.map((n) => (
        <li key={n.id} data-unread={!n.read || undefined}>
          <Link href={n.href}>{text(n)}</Link>
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
