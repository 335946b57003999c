import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ConsolidationBoard } from '../../../_components/consolidation/consolidation-board';
import { PlanTrail } from '../../../_components/layout/plan-trail';
import { TopBar } from '../../../_components/layout/top-bar';
import { editorIdentity } from '../../../_server/editor-identity';
import { editorPeople } from '../../../_server/editor-people';
import { loadSubpage, subpageMetadata, type PlanSubpage } from '../../../_server/plan-subpage';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ planId: string }> };

const PAGE: PlanSubpage = { path: 'consolidation', messages: 'ConsolidationPage', managed: false };

export const generateMetadata = ({ params }: Params): Promise<Metadata> => subpageMetadata(PAGE, params);

export default async function ConsolidationPage({ params }: Params) {
  const { userId, plan } = await loadSubpage(PAGE, params);
  const t = await getTranslations('ConsolidationPage');
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main id="main" tabIndex={-1}>
        <PlanTrail plan={plan} here={t('trail')} />
        <h1>{t('heading')}</h1>
        <ConsolidationBoard
          planId={plan.id}
          goalRoomId={plan.goalRoomId}
          sections={plan.sections.map((s) => ({ id: s.id, roomId: s.roomId, canWrite: s.canWrite }))}
          identity={editorIdentity(plan)}
          people={editorPeople(plan)}
        />
      </main>
    </>
  );
}
