'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useFailure } from '../error-message';
import { TitleInput } from '../title-input';
import { CopyButton } from './copy-button';

type Created = { planId: string; chair: { kind: 'member' } | { kind: 'invitation'; url: string } };

/** An administrator creates a plan and appoints its chair by email. */
export function CreatePlanForm() {
  const t = useTranslations('CreatePlanForm');
  const router = useRouter();
  const [created, setCreated] = useState<(Created & { title: string }) | null>(null);
  const failure = useFailure();
  // A message about one field is shown under it (and the field marked invalid); any other above the button.
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const errorOf = (field: string) => (fieldError?.field === field ? fieldError.message : null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const title = String(form.get('title'));
    failure.clear();
    setFieldError(null);
    try {
      const result = await api<Created>('POST', '/api/plans', { title, chairEmail: String(form.get('chairEmail')) });
      // Cleared once created, so a second click cannot create the plan twice; what was created is said below.
      element.reset();
      setCreated({ ...result, title });
      router.refresh();
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
        <TitleInput
          name="title"
          required
          aria-invalid={errorOf('title') ? true : undefined}
          describedBy={errorOf('title') ? 'create-plan-title-error' : undefined}
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
          {t.rich('created', {
            title: created.title,
            open: (chunks) => <Link href={`/plans/${created.planId}`}>{chunks}</Link>,
          })}{' '}
          {created.chair.kind === 'invitation'
            ? t.rich('sendLink', { url: created.chair.url, code: (chunks) => <code>{chunks}</code> })
            : t('appointed')}
        </p>
      )}
      {created?.chair.kind === 'invitation' && (
        <p>
          <CopyButton text={created.chair.url} />
        </p>
      )}
    </form>
  );
}
