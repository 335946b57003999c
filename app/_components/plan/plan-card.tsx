'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { PlanSummary } from '../../../lib/plans/list-plans';
import { LocalTime } from '../local-time';

/**
 * A plan in the list of one's plans: its phase and one's role, its last edit and by whom, and what
 * waits for the reader there (their state's sections, open overlaps, messages they have not seen).
 */
export function PlanCard({ plan }: { plan: PlanSummary }) {
  const t = useTranslations('PlansPage');
  const phases = useTranslations('Phases');
  const roles = useTranslations('Roles');
  const time = () => (plan.lastEditAt ? <LocalTime at={plan.lastEditAt} /> : null);
  const figures = [
    plan.mySections > 0 && { key: 'mine', text: t('mySections', { count: plan.mySections }) },
    plan.openOverlaps > 0 && { key: 'overlaps', text: t('openOverlaps', { count: plan.openOverlaps }) },
    plan.unreadMessages > 0 && { key: 'unread', text: t('unreadMessages', { count: plan.unreadMessages }) },
  ].filter((f): f is { key: string; text: string } => Boolean(f));
  return (
    <li className="card stack plan-card" data-testid="plan-card">
      <Link href={`/plans/${plan.id}`}>{plan.title}</Link>
      <p className="muted">{t('summary', { phase: phases(plan.phase), role: roles(plan.role) })}</p>
      <p className="muted small">
        {!plan.lastEditAt
          ? t('noEdits')
          : plan.lastEditor
            ? t.rich('lastEdit', { name: plan.lastEditor, time })
            : t.rich('lastEditUnknown', { time })}
      </p>
      {figures.length > 0 && (
        <ul className="plan-figures" aria-label={t('figures')}>
          {figures.map((f) => (
            <li key={f.key} className={`figure-${f.key}`}>
              {f.text}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
