'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { lockedMinutes } from '../../../lib/shared/sign-in-lock';
import { ErrorAlert } from '../error-alert';

/** The failure's message, which describes the fields it concerns. */
const ERROR_ID = 'sign-in-error';

/** Why signing in failed: wrong credentials, or the account locked for a while after too many failures. */
type Failure = { kind: 'credentials' } | { kind: 'locked'; minutes: number };

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('SignInForm');
  const router = useRouter();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFailure(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      // The lock's minutes come from the server (lib/auth/rate-limit.ts); any other failure is the credentials.
      const minutes = lockedMinutes(result?.error);
      return setFailure(minutes ? { kind: 'locked', minutes } : { kind: 'credentials' });
    }
    router.push(callbackUrl);
    router.refresh();
  }

  // Wrong credentials mark both fields (which one is wrong is not said, on purpose), described by the error.
  const wrong = failure?.kind === 'credentials';
  return (
    <form className="card stack" method="post" onSubmit={submit}>
      <label>
        {t('email')}
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={wrong || undefined}
          aria-describedby={wrong ? ERROR_ID : undefined}
        />
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={wrong || undefined}
          aria-describedby={wrong ? ERROR_ID : undefined}
        />
      </label>
      <ErrorAlert
        id={ERROR_ID}
        message={
          failure &&
          (failure.kind === 'credentials' ? t('wrongCredentials') : t('locked', { minutes: failure.minutes }))
        }
      />
      <button type="submit" disabled={pending}>
        {pending ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}
