'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import type { AdminPlanRow } from '../../../lib/plans/list-all-plans';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useAction } from './use-action';

/**
 * The administrator's clean-up: every plan, to set up (people and sections), archive, restore or
 * delete. Deleting asks for the plan's title, which the server checks again.
 */
export function AdminPlans({ plans }: { plans: AdminPlanRow[] }) {
  const t = useTranslations('AdminPage');
  const phases = useTranslations('Phases');
  const { run, error, busy } = useAction();
  const [deleting, setDeleting] = useState<AdminPlanRow | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const active = plans.filter((p) => !p.archivedAt);
  const archived = plans.filter((p) => p.archivedAt);

  const archive = (plan: AdminPlanRow, value: boolean) =>
    run(() => api('PATCH', `/api/plans/${plan.id}`, { archived: value }));

  async function remove(event: FormEvent<HTMLFormElement>, plan: AdminPlanRow) {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get('title'));
    const done = await run(async () => {
      await api('DELETE', `/api/plans/${plan.id}`, { title });
      return true;
    });
    if (!done) return;
    setDeleting(null);
    setDeleted(plan.title);
  }

  // The plan's title completes each control's name for a screen reader; on screen the card says it once.
  const named = (key: 'manage' | 'archive' | 'restore' | 'delete', plan: AdminPlanRow) =>
    t.rich(key, { title: plan.title, hidden: (chunks) => <span className="visually-hidden">{chunks}</span> });

  const row = (plan: AdminPlanRow) => (
    <li key={plan.id} className="card stack" data-testid="admin-plan">
      <div className="row">
        <Link href={`/plans/${plan.id}`}>{plan.title}</Link>
        <span className="muted">{t('phase', { phase: phases(plan.phase) })}</span>
      </div>
      <div className="row">
        {!plan.archivedAt && <Link href={`/plans/${plan.id}/manage`}>{named('manage', plan)}</Link>}
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void archive(plan, !plan.archivedAt)}
        >
          {plan.archivedAt ? named('restore', plan) : named('archive', plan)}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => setDeleting(plan)}>
          {named('delete', plan)}
        </button>
      </div>
      {deleting?.id === plan.id && (
        <DeleteConfirmation plan={plan} busy={busy} onSubmit={remove} onCancel={() => setDeleting(null)} />
      )}
    </li>
  );

  return (
    <div className="stack">
      <ErrorAlert message={error} className="card" />
      {deleted && (
        <p className="card" role="status">
          {t('deleted', { title: deleted })}
        </p>
      )}
      <h2>{t('plans')}</h2>
      {active.length === 0 && <p className="muted">{t('noPlans')}</p>}
      <ul className="cards">{active.map(row)}</ul>
      <h2>{t('archivedPlans')}</h2>
      {archived.length === 0 && <p className="muted">{t('noArchived')}</p>}
      <ul className="cards">{archived.map(row)}</ul>
    </div>
  );
}

function DeleteConfirmation({
  plan,
  busy,
  onSubmit,
  onCancel,
}: {
  plan: AdminPlanRow;
  busy: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>, plan: AdminPlanRow) => void;
  onCancel: () => void;
}) {
  const t = useTranslations('AdminPage');
  const [typed, setTyped] = useState('');
  const id = `delete-${plan.id}`;
  return (
    <form className="stack notice" onSubmit={(event) => onSubmit(event, plan)} aria-describedby={`${id}-warning`}>
      <p id={`${id}-warning`}>{t('deleteWarning', { title: plan.title })}</p>
      <label>
        {t('confirmTitle')}
        <input name="title" autoFocus autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="danger" disabled={busy || typed.trim() !== plan.title}>
          {t('deleteForGood')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
