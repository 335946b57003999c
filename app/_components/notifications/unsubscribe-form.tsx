'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useBusyCall } from '../use-busy-call';

/** Asks before turning notification emails off: a link opened by a mail scanner changes nothing. */
export function UnsubscribeForm({ userId, token }: { userId: string; token: string }) {
  const t = useTranslations('UnsubscribePage');
  const { run, error, busy } = useBusyCall();
  const [done, setDone] = useState(false);
  const stop = async () => {
    if (await run(() => api('POST', '/api/email/unsubscribe', { userId, token }))) setDone(true);
  };
  if (done) return <p role="status">{t('done')}</p>;
  return (
    <>
      <p>{t('ask')}</p>
      <button type="button" className="align-start" disabled={busy} onClick={() => void stop()}>
        {t('confirm')}
      </button>
      <ErrorAlert message={error} />
    </>
  );
}
