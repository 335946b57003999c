'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { errorMessage } from '../error-message';
import { LocalTime } from '../local-time';

type PlanVersion = { id: string; name: string; createdAt: string; createdBy: string | null };

/** The chair names an instant of the whole plan (the goal and every section together). */
export function PlanVersions({ planId }: { planId: string }) {
  const [versions, setVersions] = useState<PlanVersion[]>([]);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(
    () => api<{ versions: PlanVersion[] }>('GET', `/api/plans/${planId}/versions`).then((r) => setVersions(r.versions)),
    [planId],
  );
  useEffect(() => {
    refresh().catch((e: Error) => setError(e.message));
  }, [refresh]);

  async function name(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setError(null);
    try {
      await api('POST', `/api/plans/${planId}/versions`, { name: String(new FormData(form).get('name')) });
      form.reset();
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card stack panel" aria-label="Plan versions">
      <h2>Plan versions</h2>
      <form className="row" onSubmit={name}>
        <input name="name" placeholder="Draft circulated 12 March" aria-label="Plan version name" required maxLength={200} />
        <button type="submit">Name a version of the whole plan</button>
      </form>
      <ErrorAlert message={error} />
      <ol className="plain">
        {versions.map((v) => (
          <li key={v.id}>
            <strong>{v.name}</strong> <small className="muted">— <LocalTime at={v.createdAt} />{v.createdBy && `, by ${v.createdBy}`}</small>
          </li>
        ))}
      </ol>
      {versions.length === 0 && <p className="muted">No plan version yet. Each section&apos;s own history is in its editor.</p>}
    </section>
  );
}
