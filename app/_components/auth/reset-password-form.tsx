'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { api } from '../api-client';
import { ErrorAlert, invalidWhen } from '../error-alert';
import { useFailure } from '../error-message';

/** Chooses a new password through a one-time link; then the person signs in with it. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations('ResetPasswordForm');
  const failure = useFailure(['password']);
  const passwordError = failure.errorOf('password');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password'));
    failure.clear();
    setBusy(true);
    try {
      await api('POST', `/api/password-resets/${token}`, { password });
      setDone(true);
    } catch (e) {
      failure.fail(e);
    } finally {
      setBusy(false);
    }
  }

  if (done)
    return (
      <div className="card stack">
        <p role="status">{t('done')}</p>
        <Link href="/signin" className="align-start">
          {t('signIn')}
        </Link>
      </div>
    );
  return (
    <form className="card stack" method="post" onSubmit={submit}>
      <label>
        {t('email')}
        <input value={email} readOnly autoComplete="username" />
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          minLength={8}
          maxLength={200}
          autoComplete="new-password"
          required
          {...invalidWhen(passwordError, 'reset-password-error')}
        />
        <ErrorAlert message={passwordError} id="reset-password-error" />
      </label>
      <ErrorAlert message={failure.message} />
      <button type="submit" className="align-start" disabled={busy}>
        {busy ? t('saving') : t('save')}
      </button>
    </form>
  );
}
