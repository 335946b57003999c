'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useFailure } from '../error-message';

type Created = { planId: string; chair: { kind: 'member' } | { kind: 'invitation'; url: string } };

/** An administrator creates a plan and appoints its chair by email. */
export function CreatePlanForm() {
  const t = useTranslations('CreatePlanForm');
  const [created, setCreated] = useState<Created | null>(null);
  const failure = useFailure();
  // A message about one field is shown under it (and the field marked invalid); any other above the button.
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const errorOf = (field: string) => (fieldError?.field === field ? fieldError.message : null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    failure.clear();
    setFieldError(null);
    try {
      setCreated(
        await api<Created>('POST', '/api/plans', {
          title: String(form.get('title')),
          chairEmail: String(form.get('chairEmail')),
        }),
      );
    } catch (e) {
      if (e instanceof ApiError && (e.field === 'title' || e.field === 'chairEmail') && e.message)
        setFieldError({ field: e.field, message: e.message });
      else failure.fail(e);
    }
  }

  return (
    <form className="card stack" onSubmit={submit}>
      <label>
        {t('title')}
        <input
          name="title"
          required
          maxLength={300}
          aria-invalid={errorOf('title') ? true : undefined}
          aria-describedby={errorOf('title') ? 'create-plan-title-error' : undefined}
        />
        <ErrorAlert message={errorOf('title')} id="create-plan-title-error" />
      </label>
      <label>
        {t('chairEmail')}
        <input
          name="chairEmail"
          type="email"
          required
          aria-invalid={errorOf('chairEmail') ? true : undefined}
          aria-describedby={errorOf('chairEmail') ? 'create-plan-chair-error' : undefined}
        />
        <ErrorAlert message={errorOf('chairEmail')} id="create-plan-chair-error" />
      </label>
      <ErrorAlert message={failure.message} />
      <button type="submit" className="align-start">
        {t('create')}
      </button>
      {created && (
        <p role="status">
          {t.rich('created', { open: (chunks) => <Link href={`/plans/${created.planId}`}>{chunks}</Link> })}{' '}
          {created.chair.kind === 'invitation'
            ? t.rich('sendLink', { url: created.chair.url, code: (chunks) => <code>{chunks}</code> })
            : t('appointed')}
        </p>
      )}
    </form>
  );
}
