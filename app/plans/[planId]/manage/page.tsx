import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '../../../../db';
import { listMembers } from '../../../../lib/plans/list-members';
import { statesIn } from '../../../../lib/shared/member-states';
import { PlanTrail } from '../../../_components/layout/plan-trail';
import { TopBar } from '../../../_components/layout/top-bar';
import { ManagePlan } from '../../../_components/manage/manage-plan';
import { loadSubpage, subpageMetadata, type PlanSubpage } from '../../../_server/plan-subpage';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ planId: string }> };

const PAGE: PlanSubpage = { path: 'manage', messages: 'ManagePage', managed: true };

export const generateMetadata = ({ params }: Params): Promise<Metadata> => subpageMetadata(PAGE, params);

export default async function ManagePage({ params }: Params) {
  const { userId, plan } = await loadSubpage(PAGE, params);
  const t = await getTranslations('ManagePage');
  const { members, invitations } = await listMembers(await getDb(), { userId, planId: plan.id });
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main id="main" tabIndex={-1}>
        <PlanTrail plan={plan} here={t('trail')} />
        <h1>{t('heading')}</h1>
        <ManagePlan plan={plan} members={members} invitations={invitations} states={statesIn(await getLocale())} />
      </main>
    </>
  );
}
