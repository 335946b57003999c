'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useFailure } from '../error-message';
import { useFormatTime } from '../use-format-time';

type PlanVersion = { id: string; name: string; createdAt: string; createdBy: string | null };

/** The chair names an instant of the whole plan (the goal and every section together). */
export function PlanVersions({ planId }: { planId: string }) {
  const t = useTranslations('PlanVersions');
  const plan = useTranslations('PlanPage');
  const formatTime = useFormatTime();
  const [versions, setVersions] = useState<PlanVersion[]>([]);
  const { message: error, fail, clear } = useFailure();
  const refresh = useCallback(
    () => api<{ versions: PlanVersion[] }>('GET', `/api/plans/${planId}/versions`).then((r) => setVersions(r.versions)),
    [planId],
  );
  useEffect(() => {
    refresh().catch(fail);
  }, [refresh, fail]);

  async function name(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    clear();
    try {
      await api('POST', `/api/plans/${planId}/versions`, { name: String(new FormData(form).get('name')) });
      form.reset();
      await refresh();
    } catch (e) {
      fail(e);
    }
  }

  return (
    <section className="card stack panel" aria-label={t('title')}>
      <h2>{t('title')}</h2>
      <form className="row" onSubmit={name}>
        <input name="name" placeholder={t('namePlaceholder')} aria-label={t('nameLabel')} required maxLength={200} />
        <button type="submit">{t('name')}</button>
      </form>
      <ErrorAlert message={error} />
      <ol className="plain">
        {versions.map((v) => (
          <li key={v.id}>
            <strong>{v.name}</strong>{' '}
            <small className="muted">
              {t.rich(v.createdBy ? 'savedBy' : 'saved', {
                time: formatTime(v.createdAt),
                who: v.createdBy ?? '',
                when: (chunks) => <time dateTime={new Date(v.createdAt).toISOString()}>{chunks}</time>,
              })}
            </small>
          </li>
        ))}
      </ol>
      {versions.length === 0 && <p className="muted">{t('none')}</p>}
      {versions.length > 1 && <Link href={`/plans/${planId}/compare`}>{plan('compareVersions')}</Link>}
    </section>
  );
}
