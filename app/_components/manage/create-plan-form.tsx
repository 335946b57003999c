'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { errorMessage } from '../error-message';

type Created = { planId: string; chair: { kind: 'member' } | { kind: 'invitation'; url: string } };

/** An administrator creates a plan and appoints its chair by email. */
export function CreatePlanForm() {
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    try {
      setCreated(await api<Created>('POST', '/api/plans', { title: String(form.get('title')), chairEmail: String(form.get('chairEmail')) }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <form className="card stack" onSubmit={submit}>
      <label>
        Title
        <input name="title" required maxLength={300} />
      </label>
      <label>
        Chair&apos;s email
        <input name="chairEmail" type="email" required />
      </label>
      <ErrorAlert message={error} />
      <button type="submit" className="align-start">Create plan</button>
      {created && (
        <p role="status">
          Plan created: <Link href={`/plans/${created.planId}`}>open it</Link>.{' '}
          {created.chair.kind === 'invitation' ? (
            <>
              Send the chair this one-time link (valid 7 days): <code>{created.chair.url}</code>
            </>
          ) : (
            'The chair has been appointed.'
          )}
        </p>
      )}
    </form>
  );
}
