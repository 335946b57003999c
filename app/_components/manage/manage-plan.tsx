'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { PlanView } from '../../../lib/plans/get-plan';
import type { MemberView, PendingInvitation } from '../../../lib/plans/list-members';
import { api } from '../api-client';
import { LocalTime } from '../local-time';
import { PlanVersions } from './plan-versions';
import { SectionEditorRow } from './section-settings';
import { StateOptions } from './state-options';

type State = { code: string; name: string };
type Props = { plan: PlanView; members: MemberView[]; invitations: PendingInvitation[]; states: State[] };

const PHASES = ['goal', 'drafting', 'consolidation', 'adopted'] as const;

/** Runs an API call, then re-renders the page from the server; shows the server's message on failure. */
export function useAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run<T>(call: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      router.refresh();
      return result;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { run, error, busy };
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card stack panel" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function ManagePlan({ plan, members, invitations, states }: Props) {
  const { run, error, busy } = useAction();
  const [link, setLink] = useState<string | null>(null);
  const index = PHASES.indexOf(plan.phase);

  async function appoint(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const role = String(form.get('role'));
    const body = { email: String(form.get('email')), role, ...(role === 'coordinator' && { stateCode: String(form.get('stateCode')) }) };
    const result = await run(() => api<{ kind: string; url?: string }>('POST', `/api/plans/${plan.id}/members`, body));
    setLink(result?.kind === 'invitation' ? (result.url ?? null) : null);
  }

  async function addSection(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await run(() => api('POST', `/api/plans/${plan.id}/sections`, { title: String(form.get('title')), leadState: String(form.get('leadState')) }));
  }

  const move = (from: number, to: number) => {
    const ids = plan.sections.map((s) => s.id);
    const [moved] = ids.splice(from, 1);
    ids.splice(to, 0, moved!);
    return run(() => api('PUT', `/api/plans/${plan.id}/sections/order`, { sectionIds: ids }));
  };

  return (
    <div className="stack">
      {error && (
        <p role="alert" className="error card">
          {error}
        </p>
      )}
      <PlanVersions planId={plan.id} />

      <Panel title="Phase">
        <p>
          The plan is in the <strong>{plan.phase}</strong> phase.
        </p>
        <div className="row">
          {index > 0 && (
            <button type="button" className="secondary" disabled={busy} onClick={() => run(() => api('POST', `/api/plans/${plan.id}/phase`, { phase: PHASES[index - 1] }))}>
              Back to {PHASES[index - 1]}
            </button>
          )}
          {index < PHASES.length - 1 && (
            <button type="button" disabled={busy} onClick={() => run(() => api('POST', `/api/plans/${plan.id}/phase`, { phase: PHASES[index + 1] }))}>
              {plan.phase === 'goal' ? 'Publish the goal and open drafting' : `Move to ${PHASES[index + 1]}`}
            </button>
          )}
        </div>
      </Panel>

      <Panel title="People">
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>State</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>{m.role}</td>
                <td>{m.state?.name ?? ''}</td>
                <td>
                  {m.role !== 'chair' && (
                    <button type="button" className="link" onClick={() => run(() => api('DELETE', `/api/plans/${plan.id}/members/${m.userId}`))}>
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {invitations.map((i) => (
              <tr key={i.email} className="muted">
                <td>(invited)</td>
                <td>{i.email}</td>
                <td>{i.role}</td>
                <td>{i.state ?? ''}</td>
                <td>
                  until <LocalTime at={i.expiresAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form className="row" onSubmit={appoint} aria-label="Appoint">
          <input name="email" type="email" placeholder="email@ministry.gov" aria-label="Email to appoint" required />
          <select name="role" aria-label="Role" defaultValue="coordinator">
            <option value="coordinator">Coordinator of</option>
            <option value="observer">Observer</option>
          </select>
          <select name="stateCode" aria-label="State">
            <StateOptions states={states} />
          </select>
          <button type="submit" disabled={busy}>
            Appoint
          </button>
        </form>
        {link && (
          <p className="card invitation" role="status">
            No account has this email yet. Send this one-time link (valid 7 days): <code data-testid="invitation-link">{link}</code>
          </p>
        )}
      </Panel>

      <Panel title="Sections">
        <ol className="stack plain">
          {plan.sections.map((section, i) => (
            <SectionEditorRow
              key={section.id}
              section={section}
              states={states}
              onSave={(body) => run(() => api('PATCH', `/api/sections/${section.id}`, body))}
              onDelete={() => run(() => api('DELETE', `/api/sections/${section.id}`))}
              onUp={i > 0 ? () => move(i, i - 1) : undefined}
              onDown={i < plan.sections.length - 1 ? () => move(i, i + 1) : undefined}
            />
          ))}
        </ol>
        <form className="row" onSubmit={addSection} aria-label="New section">
          <input name="title" placeholder="Section title" aria-label="New section title" required />
          <select name="leadState" aria-label="Lead state of the new section">
            <StateOptions states={states} />
          </select>
          <button type="submit" disabled={busy}>
            Add section
          </button>
        </form>
      </Panel>
    </div>
  );
}
