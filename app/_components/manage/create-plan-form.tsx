'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { api } from '../api-client';
import { ErrorAlert, invalidWhen } from '../error-alert';
import { useFailure } from '../error-message';
import { TitleInput } from '../title-input';
import { CopyButton } from './copy-button';

type Created = { planId: string; chair: { kind: 'member' } | { kind: 'invitation'; url: string } };

/** An administrator creates a plan and appoints its chair by email. */
export function CreatePlanForm() {
  const t = useTranslations('CreatePlanForm');
  const router = useRouter();
  const [created, setCreated] = useState<(Created & { title: string }) | null>(null);
  // A message about one field is shown under it (and the field marked invalid); any other above the button.
  const failure = useFailure(['title', 'chairEmail']);
  const titleError = failure.errorOf('title');
  const chairError = failure.errorOf('chairEmail');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const title = String(form.get('title'));
    failure.clear();
    try {
      const result = await api<Created>('POST', '/api/plans', { title, chairEmail: String(form.get('chairEmail')) });
      // Cleared once created, so a second click cannot create the plan twice; what was created is said below.
      element.reset();
      setCreated({ ...result, title });
      router.refresh();
    } catch (e) {
      failure.fail(e);
    }
  }

  return (
    <form className="card stack" onSubmit={submit}>
      <label>
        {t('title')}
        <TitleInput
          name="title"
          required
          aria-invalid={titleError ? true : undefined}
          describedBy={titleError ? 'create-plan-title-error' : undefined}
        />
        <ErrorAlert message={titleError} id="create-plan-title-error" />
      </label>
      <label>
        {t('chairEmail')}
        <input name="chairEmail" type="email" required {...invalidWhen(chairError, 'create-plan-chair-error')} />
        <ErrorAlert message={chairError} id="create-plan-chair-error" />
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
