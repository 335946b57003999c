import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '../../../../db';
import { getPlanMetadata } from '../../../../lib/metadata/get-plan-metadata';
import { PlanTrail } from '../../../_components/layout/plan-trail';
import { TopBar } from '../../../_components/layout/top-bar';
import { PlanMetadataForm } from '../../../_components/manage/plan-metadata-form';
import { loadSubpage, subpageMetadata, type PlanSubpage } from '../../../_server/plan-subpage';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ planId: string }> };

const PAGE: PlanSubpage = { path: 'metadata', messages: 'MetadataPage', managed: true };

export const generateMetadata = ({ params }: Params): Promise<Metadata> => subpageMetadata(PAGE, params);

export default async function MetadataPage({ params }: Params) {
  const { userId, plan } = await loadSubpage(PAGE, params);
  const t = await getTranslations('MetadataPage');
  const metadata = await getPlanMetadata(await getDb(), { userId, planId: plan.id });
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main id="main" tabIndex={-1}>
        <PlanTrail plan={plan} here={t('heading')} />
        <h1>{t('heading')}</h1>
        <p className="muted">{t('intro')}</p>
        <PlanMetadataForm planId={plan.id} metadata={metadata} />
      </main>
    </>
  );
}
