'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { errorMessage } from '../error-message';

/** Creates the invited account, then signs it in and opens the plan. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    setPending(true);
    setError(null);
    try {
      const { planId } = await api<{ planId: string }>('POST', `/api/invitations/${token}`, { name: String(form.get('name')), password });
      const result = await signIn('credentials', { email, password, redirect: false });
      if (!result || result.error) throw new Error('Your account was created, but signing in failed; sign in from the sign-in page.');
      router.push(`/plans/${planId}`);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }

  return (
    <form className="card stack" onSubmit={submit}>
      <label>
        Email
        <input value={email} readOnly />
      </label>
      <label>
        Your name
        <input name="name" required maxLength={120} />
      </label>
      <label>
        Choose a password (at least 8 characters)
        <input name="password" type="password" minLength={8} autoComplete="new-password" required />
      </label>
      <ErrorAlert message={error} />
      <button type="submit" disabled={pending}>
        {pending ? 'Joining…' : 'Join'}
      </button>
    </form>
  );
}
