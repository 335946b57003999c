import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '../../../../db';
import {
  AMENDMENT_FILTER_STATUSES,
  amendmentFilter,
  matchesAmendmentFilter,
} from '../../../../lib/negotiation/amendment-filters';
import { listPlanAmendments } from '../../../../lib/negotiation/list-amendments';
import { stateName } from '../../../../lib/shared/member-states';
import '../../../_components/negotiation/negotiation.css';
import { FilterSelect } from '../../../_components/layout/filter-select';
import { PlanTrail } from '../../../_components/layout/plan-trail';
import { AmendmentDetails } from '../../../_components/negotiation/amendment-details';
import { TopBar } from '../../../_components/layout/top-bar';
import { loadSubpage, subpageMetadata, type PlanSubpage } from '../../../_server/plan-subpage';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ planId: string }> };
type Search = { searchParams: Promise<{ state?: string; status?: string; section?: string }> };

const PAGE: PlanSubpage = { path: 'amendments', messages: 'PlanAmendmentsPage', managed: false };

export const generateMetadata = ({ params }: Params): Promise<Metadata> => subpageMetadata(PAGE, params);

/** Every amendment of the plan, filtered by state (proposed or co-sponsored), status and section. */
export default async function PlanAmendmentsPage({ params, searchParams }: Params & Search) {
  const { userId, plan } = await loadSubpage(PAGE, params);
  const t = await getTranslations('PlanAmendmentsPage');
  const tA = await getTranslations('Amendments');
  const locale = await getLocale();
  const filter = amendmentFilter(await searchParams);
  const all = await listPlanAmendments(await getDb(), { userId, planId: plan.id });
  const shown = all.filter((a) => matchesAmendmentFilter(a, filter));
  const name = (code: string | null) => (code ? stateName(code, locale) : tA('chair'));
  // Only the states that proposed or co-sponsored something: a list of all 35 would mostly lead nowhere.
  const states = [...new Set(all.flatMap((a) => [a.sponsorState ?? 'chair', ...a.cosponsors]))]
    .map((code) => ({ code, name: name(code === 'chair' ? null : code) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const sections = new Map(plan.sections.map((s) => [s.id, s.title]));
  const pending = shown.filter((a) => a.status === 'pending').length;
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main id="main" tabIndex={-1}>
        <PlanTrail plan={plan} here={t('heading')} />
        <h1 id="amendments-heading">{t('heading')}</h1>
        <form className="row card" method="get" aria-label={t('filters')}>
          <FilterSelect
            label={t('state')}
            name="state"
            all={t('allStates')}
            value={filter.state}
            options={states.map((s) => ({ value: s.code, label: s.name }))}
          />
          <FilterSelect
            label={t('status')}
            name="status"
            all={t('allStatuses')}
            value={filter.status}
            options={AMENDMENT_FILTER_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
          />
          <FilterSelect
            label={t('section')}
            name="section"
            all={t('allSections')}
            value={filter.sectionId}
            options={plan.sections.map((s) => ({ value: s.id, label: s.title }))}
          />
          <button type="submit">{t('apply')}</button>
        </form>
        <p className="muted" data-testid="amendments-count">
          {all.length > 0 && shown.length === 0 ? t('noMatch') : tA('count', { total: shown.length, pending })}
        </p>
        {shown.length > 0 && (
          <ol className="plain stack plan-amendments" aria-labelledby="amendments-heading">
            {shown.map((a) => {
              const sponsor = name(a.sponsorState);
              return (
                <li key={a.id} className="card stack amendment" data-status={a.status}>
                  <h2 className="small">
                    <Link href={`/plans/${plan.id}/sections/${a.sectionId}#amendment-${a.id}`}>
                      {tA('title', { number: a.number, sponsor })}
                    </Link>
                  </h2>
                  <p className="muted small">{t('inSection', { section: sections.get(a.sectionId) ?? '' })}</p>
                  <AmendmentDetails amendment={a} sponsor={sponsor} stateName={name} />
                </li>
              );
            })}
          </ol>
        )}
      </main>
    </>
  );
}
