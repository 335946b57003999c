'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useBusyCall } from '../use-busy-call';
import { announceUnread } from './notification-events';

/** Marks every notification of the user read, and shows the list again. */
export function MarkAllRead() {
  const t = useTranslations('NotificationsPage');
  const router = useRouter();
  const { run, error, busy } = useBusyCall();
  const mark = async () => {
    const result = await run(() => api<{ unread: number }>('POST', '/api/notifications/read', {}));
    if (!result) return;
    announceUnread(result.unread);
    router.refresh();
  };
  return (
    <>
      <button type="button" className="secondary align-start" disabled={busy} onClick={() => void mark()}>
        {t('markAllRead')}
      </button>
      <ErrorAlert message={error} />
    </>
  );
}
