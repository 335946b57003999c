'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { PlanView } from '../../../lib/plans/get-plan';
import type { MemberView, PendingInvitation } from '../../../lib/plans/list-members';
import { api } from '../api-client';
import { useLocalStateName, useStateName } from '../i18n/use-state-name';
import { LocalTime } from '../local-time';
import { CopyButton } from './copy-button';
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

/** What the last appointment or invitation change did, said under the form. */
type Outcome =
  | { kind: 'member'; email: string }
  | { kind: 'invitation'; email: string; url: string; renewed: boolean; emailed: boolean }
  | { kind: 'revoked'; email: string };

type Invited = { kind: 'member' } | { kind: 'invitation'; url: string; emailed: boolean };

/**
 * The plan's members and pending invitations; the chair (or the administrator) appoints by email, and
 * gets a one-time link for a new account, to copy, renew (the old link dies) or revoke.
 */
export function PeoplePanel({ plan, members, invitations, states, run, busy }: Props) {
  const t = useTranslations('PeoplePanel');
  const roles = useTranslations('Roles');
  const stateName = useStateName();
  // Pending invitations name their state in English (lib/plans/list-members.ts).
  const localStateName = useLocalStateName();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function appoint(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const role = String(form.get('role'));
    const email = String(form.get('email'));
    const body = { email, role, ...(role === 'coordinator' && { stateCode: String(form.get('stateCode')) }) };
    const result = await run(() => api<Invited>('POST', `/api/plans/${plan.id}/members`, body));
    if (!result) return;
    // Cleared once done, so a second click cannot appoint twice; what was done is said below.
    element.reset();
    setOutcome(
      result.kind === 'invitation'
        ? { kind: 'invitation', email, url: result.url, renewed: false, emailed: result.emailed }
        : { kind: 'member', email },
    );
  }

  async function resend(invitation: PendingInvitation) {
    const result = await run(() =>
      api<{ url: string; emailed: boolean }>('POST', `/api/plans/${plan.id}/invitations/${invitation.id}`),
    );
    if (result)
      setOutcome({
        kind: 'invitation',
        email: invitation.email,
        url: result.url,
        renewed: true,
        emailed: result.emailed,
      });
  }

  async function revoke(invitation: PendingInvitation) {
    const done = await run(async () => {
      await api('DELETE', `/api/plans/${plan.id}/invitations/${invitation.id}`);
      return true;
    });
    if (done) setOutcome({ kind: 'revoked', email: invitation.email });
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
              <tr key={i.id} className="invited" data-testid="pending-invitation">
                <td>{t('invited')}</td>
                <td>{i.email}</td>
                <td>{roles(i.role)}</td>
                <td>{i.state ? localStateName(i.state) : ''}</td>
                <td>
                  <div className="row">
                    <span className="muted">{t.rich('until', { time: () => <LocalTime at={i.expiresAt} /> })}</span>
                    <button
                      type="button"
                      className="link"
                      disabled={busy}
                      aria-label={t('resendLabel', { email: i.email })}
                      onClick={() => void resend(i)}
                    >
                      {t('resend')}
                    </button>
                    <button
                      type="button"
                      className="link"
                      disabled={busy}
                      aria-label={t('revokeLabel', { email: i.email })}
                      onClick={() => void revoke(i)}
                    >
                      {t('revoke')}
                    </button>
                  </div>
                </td>
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
          {plan.canAppointChair && <option value="chair">{roles('chair')}</option>}
        </select>
        <select name="stateCode" aria-label={t('state')}>
          <StateOptions states={states} />
        </select>
        <button type="submit" disabled={busy}>
          {t('appoint')}
        </button>
      </form>
      {outcome && <OutcomeNote outcome={outcome} />}
    </Panel>
  );
}

function OutcomeNote({ outcome }: { outcome: Outcome }) {
  const t = useTranslations('PeoplePanel');
  if (outcome.kind === 'member')
    return (
      <p className="card" role="status">
        {t('appointed', { email: outcome.email })}
      </p>
    );
  if (outcome.kind === 'revoked')
    return (
      <p className="card" role="status">
        {t('revoked', { email: outcome.email })}
      </p>
    );
  const code = (chunks: ReactNode) => <code data-testid="invitation-link">{chunks}</code>;
  return (
    <div className="card invitation">
      <p role="status">
        {outcome.renewed
          ? t.rich('newLink', { email: outcome.email, link: outcome.url, code })
          : t.rich('invitationFor', { email: outcome.email, link: outcome.url, code })}
      </p>
      {outcome.emailed && <p className="muted small">{t('emailed', { email: outcome.email })}</p>}
      <CopyButton text={outcome.url} />
    </div>
  );
}
