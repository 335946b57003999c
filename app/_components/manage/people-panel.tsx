'use client';

import { useState, type FormEvent } from 'react';
import type { PlanView } from '../../../lib/plans/get-plan';
import type { MemberView, PendingInvitation } from '../../../lib/plans/list-members';
import { api } from '../api-client';
import { LocalTime } from '../local-time';
import { Panel } from './panel';
import { StateOptions, type State } from './state-options';
import type { Run } from './use-action';

type Props = { plan: PlanView; members: MemberView[]; invitations: PendingInvitation[]; states: State[]; run: Run; busy: boolean };

/** The plan's members and pending invitations; the chair appoints by email, and gets a one-time link for a new account. */
export function PeoplePanel({ plan, members, invitations, states, run, busy }: Props) {
  const [link, setLink] = useState<string | null>(null);

  async function appoint(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const role = String(form.get('role'));
    const body = { email: String(form.get('email')), role, ...(role === 'coordinator' && { stateCode: String(form.get('stateCode')) }) };
    const result = await run(() => api<{ kind: string; url?: string }>('POST', `/api/plans/${plan.id}/members`, body));
    setLink(result?.kind === 'invitation' ? (result.url ?? null) : null);
  }

  return (
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
  );
}
