import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { ArchivedNotice } from './archived-notice';

/** Where a plan's page stands: the plans, the plan, and (`here`) the page within it; and whether it is archived. */
export function PlanTrail({ plan, here }: { plan: { id: string; title: string; archived: boolean }; here?: string }) {
  const t = useTranslations('PlanTrail');
  return (
    <>
      <nav className="muted trail" aria-label={t('label')}>
        <Link href="/plans">{t('plans')}</Link> / <Link href={`/plans/${plan.id}`}>{plan.title}</Link>
        {here && ` / ${here}`}
      </nav>
      <ArchivedNotice archived={plan.archived} />
    </>
  );
}
