'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useFailure } from '../error-message';

type Created = { planId: string; chair: { kind: 'member' } | { kind: 'invitation'; url: string } };

/** An administrator creates a plan and appoints its chair by email. */
export function CreatePlanForm() {
  const t = useTranslations('CreatePlanForm');
  const [created, setCreated] = useState<Created | null>(null);
  const failure = useFailure();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    failure.clear();
    try {
      setCreated(await api<Created>('POST', '/api/plans', { title: String(form.get('title')), chairEmail: String(form.get('chairEmail')) }));
    } catch (e) {
      failure.fail(e);
    }
  }

  return (
    <form className="card stack" onSubmit={submit}>
      <label>
        {t('title')}
        <input name="title" required maxLength={300} />
      </label>
      <label>
        {t('chairEmail')}
        <input name="chairEmail" type="email" required />
      </label>
      <ErrorAlert message={failure.message} />
      <button type="submit" className="align-start">
        {t('create')}
      </button>
      {created && (
        <p role="status">
          {t.rich('created', { open: (chunks) => <Link href={`/plans/${created.planId}`}>{chunks}</Link> })}{' '}
          {created.chair.kind === 'invitation' ? t.rich('sendLink', { url: created.chair.url, code: (chunks) => <code>{chunks}</code> }) : t('appointed')}
        </p>
      )}
    </form>
  );
}
