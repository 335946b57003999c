'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { api } from '../api-client';
import { ErrorAlert, invalidWhen } from '../error-alert';
import { useFailure } from '../error-message';

/** The signed-in user changes their password; this browser stays signed in, every other one is signed out. */
export function ChangePasswordForm() {
  const t = useTranslations('ChangePasswordForm');
  const failure = useFailure(['currentPassword', 'newPassword']);
  const currentError = failure.errorOf('currentPassword');
  const newError = failure.errorOf('newPassword');
  const [changed, setChanged] = useState<{ endedSessions: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const router = useRouter();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    failure.clear();
    setChanged(null);
    setBusy(true);
    try {
      const result = await api<{ endedSessions: number }>('POST', '/api/me/password', {
        currentPassword: String(form.get('currentPassword')),
        newPassword: String(form.get('newPassword')),
      });
      element.reset();
      setChanged(result);
      // The account's activity below lists the change.
      router.refresh();
    } catch (e) {
      failure.fail(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card stack" method="post" onSubmit={submit} aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">{t('heading')}</h2>
      <label>
        {t('current')}
        <input
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          {...invalidWhen(currentError, 'current-password-error')}
        />
        <ErrorAlert message={currentError} id="current-password-error" />
      </label>
      <label>
        {t('new')}
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={8}
          maxLength={200}
          required
          {...invalidWhen(newError, 'new-password-error')}
        />
        <ErrorAlert message={newError} id="new-password-error" />
      </label>
      <ErrorAlert message={failure.message} />
      <button type="submit" className="align-start" disabled={busy}>
        {busy ? t('changing') : t('change')}
      </button>
      {changed && (
        <p role="status" className="notice">
          {t('changed', { count: changed.endedSessions })}
        </p>
      )}
    </form>
  );
}
