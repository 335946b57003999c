'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { api } from '../api-client';
import { ErrorAlert, invalidWhen } from '../error-alert';
import { useFailure } from '../error-message';

/** The account was created but signing it in failed: the user signs in from the sign-in page. */
class SignInAfterJoinFailed extends Error {}

/** Creates the invited account, then signs it in and opens the plan. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations('AcceptInvitationForm');
  const router = useRouter();
  const failure = useFailure(['name', 'password']);
  const nameError = failure.errorOf('name');
  const passwordError = failure.errorOf('password');
  const [signInFailed, setSignInFailed] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    setPending(true);
    failure.clear();
    setSignInFailed(false);
    try {
      const { planId } = await api<{ planId: string }>('POST', `/api/invitations/${token}`, {
        name: String(form.get('name')),
        password,
      });
      const result = await signIn('credentials', { email, password, redirect: false });
      if (!result || result.error) throw new SignInAfterJoinFailed();
      router.push(`/plans/${planId}`);
      router.refresh();
    } catch (e) {
      if (e instanceof SignInAfterJoinFailed) setSignInFailed(true);
      else failure.fail(e);
      setPending(false);
    }
  }

  return (
    <form className="card stack" method="post" onSubmit={submit}>
      <label>
        {t('email')}
        <input value={email} readOnly />
      </label>
      <label>
        {t('name')}
        <input name="name" required maxLength={120} {...invalidWhen(nameError, 'join-name-error')} />
        <ErrorAlert message={nameError} id="join-name-error" />
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          minLength={8}
          autoComplete="new-password"
          required
          {...invalidWhen(passwordError, 'join-password-error')}
        />
        <ErrorAlert message={passwordError} id="join-password-error" />
      </label>
      <ErrorAlert message={signInFailed ? t('signInFailed') : failure.message} />
      <button type="submit" disabled={pending}>
        {pending ? t('joining') : t('join')}
      </button>
    </form>
  );
}
