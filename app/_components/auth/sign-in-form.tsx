'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../error-alert';

/** Why signing in failed: wrong credentials, or the server's rate limit (whose message it sends). */
/** The failure's message, which describes the fields it concerns. */
const ERROR_ID = 'sign-in-error';

type Failure = { kind: 'credentials' } | { kind: 'server'; message: string };

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
      // The rate limit's message is the server's own (lib/auth/rate-limit.ts); any other failure is the credentials.
      // eslint-disable-next-line no-restricted-syntax -- matched, not shown
      const limited = result?.error?.startsWith('Too many');
      return setFailure(limited && result?.error ? { kind: 'server', message: result.error } : { kind: 'credentials' });
    }
    router.push(callbackUrl);
    router.refresh();
  }

  // Wrong credentials mark both fields (which one is wrong is not said, on purpose), described by the error.
  const wrong = failure?.kind === 'credentials';
  return (
    <form className="card stack" onSubmit={submit}>
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
        message={failure && (failure.kind === 'credentials' ? t('wrongCredentials') : failure.message)}
      />
      <button type="submit" disabled={pending}>
        {pending ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}
