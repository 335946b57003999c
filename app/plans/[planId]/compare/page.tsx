import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '../../../../db';
import { versionIdParam } from '../../../../lib/shared/ids';
import { comparePlanVersions } from '../../../../lib/versions/compare-plan-versions';
import { listPlanVersions } from '../../../../lib/versions/list-plan-versions';
import { PlanTrail } from '../../../_components/layout/plan-trail';
import { TopBar } from '../../../_components/layout/top-bar';
import { ComparisonForm } from '../../../_components/plan/comparison-form';
import { PlanComparisonView } from '../../../_components/plan/plan-comparison';
import { forPage } from '../../../_server/load-plan';
import { loadSubpage, subpageMetadata, type PlanSubpage } from '../../../_server/plan-subpage';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ planId: string }>; searchParams: Promise<{ from?: string; to?: string }> };

const PAGE: PlanSubpage = { path: 'compare', messages: 'PlanComparePage', managed: false };

export const generateMetadata = ({ params }: Params): Promise<Metadata> => subpageMetadata(PAGE, params);

/** Two named versions of the plan, section by section: what was added and removed, by state. */
export default async function PlanComparePage({ params, searchParams }: Params) {
  const { userId, plan } = await loadSubpage(PAGE, params);
  const t = await getTranslations('PlanComparePage');
  const db = await getDb();
  const versions = await listPlanVersions(db, { userId, planId: plan.id });
  const query = await searchParams;
  // Newest first: by default, what changed from the version before the latest to the latest.
  const from = query.from ?? versions[1]?.id;
  const to = query.to ?? versions[0]?.id;
  const comparison =
    from && to
      ? await forPage(() =>
          comparePlanVersions(db, {
            userId,
            planId: plan.id,
            fromId: versionIdParam(from),
            toId: versionIdParam(to),
          }),
        )
      : null;
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main id="main" tabIndex={-1}>
        <PlanTrail plan={plan} here={t('trail')} />
        <h1>{t('heading')}</h1>
        {versions.length < 2 ? (
          <p className="muted">{t('needTwo')}</p>
        ) : (
          <ComparisonForm planId={plan.id} versions={versions} from={from ?? ''} to={to ?? ''} />
        )}
        {comparison && <PlanComparisonView comparison={comparison} />}
      </main>
    </>
  );
}
