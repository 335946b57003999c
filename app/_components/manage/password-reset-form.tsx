'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api-client';
import { ErrorAlert, invalidWhen } from '../error-alert';
import { useFailure } from '../error-message';
import { useFormatTime } from '../use-format-time';
import { CopyButton } from './copy-button';

type Issued = { url: string; email: string; name: string; emailed: boolean; expiresAt: string };

/**
 * The administrator makes a one-time link for someone who forgot their password: emailed to them when
 * the server sends email, and shown here to copy and pass on either way.
 */
export function PasswordResetForm() {
  const t = useTranslations('PasswordResetForm');
  const formatTime = useFormatTime();
  const failure = useFailure(['email']);
  const emailError = failure.errorOf('email');
  const [issued, setIssued] = useState<Issued | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const email = String(new FormData(element).get('email'));
    failure.clear();
    setBusy(true);
    try {
      setIssued(await api<Issued>('POST', '/api/password-resets', { email }));
      element.reset();
    } catch (e) {
      setIssued(null);
      failure.fail(e);
    } finally {
      setBusy(false);
    }
  }

  const code = (chunks: ReactNode) => <code data-testid="reset-link">{chunks}</code>;
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="password-reset-heading">
      <h2 id="password-reset-heading">{t('heading')}</h2>
      <p className="muted">{t('explain')}</p>
      <label>
        {t('email')}
        <input
          name="email"
          type="email"
          required
          autoComplete="off"
          {...invalidWhen(emailError, 'reset-email-error')}
        />
        <ErrorAlert message={emailError} id="reset-email-error" />
      </label>
      <ErrorAlert message={failure.message} />
      <button type="submit" className="align-start" disabled={busy}>
        {busy ? t('making') : t('make')}
      </button>
      {issued && (
        <div className="invitation stack">
          <p role="status">
            {t.rich('linkFor', {
              name: issued.name,
              email: issued.email,
              link: issued.url,
              expires: formatTime(issued.expiresAt),
              code,
            })}
          </p>
          <p className="muted small">{issued.emailed ? t('emailed', { email: issued.email }) : t('notEmailed')}</p>
          <p>
            <CopyButton text={issued.url} />
          </p>
        </div>
      )}
    </form>
  );
}
