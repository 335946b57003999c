'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { PlanView } from '../../../lib/plans/get-plan';
import type { MemberView, PendingInvitation } from '../../../lib/plans/list-members';
import { api } from '../api-client';
import { useLocalStateName, useStateName } from '../i18n/use-state-name';
import { LocalTime } from '../local-time';
import { Panel } from './panel';
import { StateOptions, type State } from './state-options';
import type { Run } from './use-action';

type Props = {
  plan: PlanView;
  members: MemberView[];
  invitations: PendingInvitation[];
  states: State[];
  run: Run;
  busy: boolean;
};

/** The plan's members and pending invitations; the chair appoints by email, and gets a one-time link for a new account. */
export function PeoplePanel({ plan, members, invitations, states, run, busy }: Props) {
  const t = useTranslations('PeoplePanel');
  const roles = useTranslations('Roles');
  const stateName = useStateName();
  // Pending invitations name their state in English (lib/plans/list-members.ts).
  const localStateName = useLocalStateName();
  const [link, setLink] = useState<string | null>(null);

  async function appoint(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const role = String(form.get('role'));
    const body = {
      email: String(form.get('email')),
      role,
      ...(role === 'coordinator' && { stateCode: String(form.get('stateCode')) }),
    };
    const result = await run(() => api<{ kind: string; url?: string }>('POST', `/api/plans/${plan.id}/members`, body));
    setLink(result?.kind === 'invitation' ? (result.url ?? null) : null);
  }

  return (
    <Panel title={t('title')}>
      <div className="table-scroll">
        <table className="members">
          <thead>
            <tr>
              <th>{t('name')}</th>
              <th>{t('email')}</th>
              <th>{t('role')}</th>
              <th>{t('state')}</th>
              <th>
                <span className="visually-hidden">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>{roles(m.role)}</td>
                <td>{m.state ? stateName(m.state.code) : ''}</td>
                <td>
                  {m.role !== 'chair' && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => run(() => api('DELETE', `/api/plans/${plan.id}/members/${m.userId}`))}
                    >
                      {t('remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {invitations.map((i) => (
              <tr key={i.email} className="muted">
                <td>{t('invited')}</td>
                <td>{i.email}</td>
                <td>{roles(i.role)}</td>
                <td>{i.state ? localStateName(i.state) : ''}</td>
                <td>{t.rich('until', { time: () => <LocalTime at={i.expiresAt} /> })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="row" onSubmit={appoint} aria-label={t('appointForm')}>
        <input
          name="email"
          type="email"
          placeholder={t('emailPlaceholder')}
          aria-label={t('emailToAppoint')}
          required
        />
        <select name="role" aria-label={t('role')} defaultValue="coordinator">
          <option value="coordinator">{t('coordinatorOf')}</option>
          <option value="observer">{roles('observer')}</option>
        </select>
        <select name="stateCode" aria-label={t('state')}>
          <StateOptions states={states} />
        </select>
        <button type="submit" disabled={busy}>
          {t('appoint')}
        </button>
      </form>
      {link && (
        <p className="card invitation" role="status">
          {t.rich('invitationLink', { link, code: (chunks) => <code data-testid="invitation-link">{chunks}</code> })}
        </p>
      )}
    </Panel>
  );
}
