import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ArchivedNotice } from '../../_components/layout/archived-notice';
import { goalReadOnlyReason } from '../../_components/editor/read-only-reasons';
import { cache, type ReactNode } from 'react';
import { getDb } from '../../../db';
import { pdfUnavailable } from '../../../lib/export/to-pdf';
import { lastVisits } from '../../../lib/plans/section-visits';
import { stateName } from '../../../lib/shared/member-states';
import { stateColor } from '../../../lib/shared/state-colors';
import { listPlanVersions } from '../../../lib/versions/list-plan-versions';
import { CollabEditor } from '../../_components/editor/collab-editor';
import { TopBar } from '../../_components/layout/top-bar';
import { ExportPanel } from '../../_components/plan/export-panel';
import { OverlapsLink } from '../../_components/plan/overlaps-link';
import { PlanActivityProvider } from '../../_components/plan/activity-provider';
import { PlanSearch } from '../../_components/plan/plan-search';
import { SectionFigures } from '../../_components/plan/section-figures';
import { planProgress } from '../../../lib/negotiation/plan-progress';
import { KeptDrafts } from '../../_components/saving/kept-drafts';
import { editorIdentity } from '../../_server/editor-identity';
import { loadPlanActivityForPage, loadPlanForPage } from '../../_server/load-plan';
import { requireUserId } from '../../_server/session';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ planId: string }> };

/**
 * The activity first, kept current by the server over the goal's connection: the plan read next is as
 * new or newer, so a change landing in between comes as another revision, and the page renders again.
 * Once per render, for the title and the page.
 */
const loadPage = cache(async (planId: string) => {
  const userId = await requireUserId(`/plans/${planId}`);
  const activity = await loadPlanActivityForPage(userId, planId);
  const plan = await loadPlanForPage(userId, planId);
  return { userId, activity, plan };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await loadPage((await params).planId)).plan.title };
}

export default async function PlanPage({ params }: Params) {
  const { userId, activity, plan } = await loadPage((await params).planId);
  const t = await getTranslations('PlanPage');
  const phases = await getTranslations('Phases');
  const format = await getFormatter();
  const locale = await getLocale();
  const versions = await listPlanVersions(await getDb(), { userId, planId: plan.id });
  const visits = await lastVisits(await getDb(), { userId, planId: plan.id });
  const progress = await planProgress(await getDb(), { userId, planId: plan.id });
  const tStatus = await getTranslations('ParagraphStatus');
  // Shown once the chair has given any paragraph a status: before, every count would be nought.
  const negotiating = progress.started;
  const phase = (chunks: ReactNode) => <strong data-testid="phase">{chunks}</strong>;
  return (
    <PlanActivityProvider room={plan.goalRoomId} initial={activity}>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main id="main" tabIndex={-1}>
        <p className="muted">
          <Link href="/plans">{t('plans')}</Link> / {t.rich('phase', { phase: phases(plan.phase), strong: phase })} ·{' '}
          <Link href={`/plans/${plan.id}/text`}>{t('wholePlan')}</Link> · <OverlapsLink planId={plan.id} /> ·{' '}
          <Link href={`/plans/${plan.id}/amendments`}>{t('amendments')}</Link>
          {versions.length > 1 && (
            <>
              {' '}
              · <Link href={`/plans/${plan.id}/compare`}>{t('compareVersions')}</Link>
            </>
          )}
          {plan.canManage && (
            <>
              {' '}
              · <Link href={`/plans/${plan.id}/manage`}>{t('manage')}</Link> ·{' '}
              <Link href={`/plans/${plan.id}/metadata`}>{t('documentBlock')}</Link>
            </>
          )}
          {plan.canReadAudit && (
            <>
              {' '}
              · <Link href={`/plans/${plan.id}/audit`}>{t('auditLog')}</Link>
            </>
          )}
        </p>
        <h1>{plan.title}</h1>
        <ArchivedNotice archived={plan.archived} />
        <PlanSearch planId={plan.id} />
        <section aria-labelledby="goal-heading" className="goal">
          <h2 id="goal-heading">{t('goalHeading')}</h2>
          <CollabEditor
            roomId={plan.goalRoomId}
            editable={plan.canWriteGoal}
            readOnlyReason={goalReadOnlyReason(plan)}
            identity={editorIdentity(plan)}
            compact
            followPlan
          />
        </section>
        <h2>{t('sectionsHeading')}</h2>
        <KeptDrafts
          userId={userId}
          rooms={plan.sections.map((s) => ({
            roomId: s.roomId,
            title: s.title,
            href: `/plans/${plan.id}/sections/${s.id}`,
            canWrite: s.canWrite,
          }))}
        />
        {negotiating && (
          <p className="progress" data-testid="plan-progress">
            <strong>{tStatus('planHeading')}</strong> · {tStatus('overall')}: {tStatus('progress', progress.overall)}
          </p>
        )}
        {plan.sections.length === 0 && <p className="muted">{t('noSections')}</p>}
        <ol className="sections">
          {plan.sections.map((section) => (
            <li key={section.id} className="card section-row">
              <span className="state-dot" style={{ background: stateColor(section.leadState.code) }} aria-hidden />
              <div>
                <Link href={`/plans/${plan.id}/sections/${section.id}`}>{section.title}</Link>
                <p className="muted">
                  {t('lead', { state: stateName(section.leadState.code, locale) })}
                  {section.coEditingStates.length > 0 && (
                    <>
                      {' '}
                      ·{' '}
                      {t('coEditing', {
                        states: format.list(section.coEditingStates.map((s) => stateName(s.code, locale))),
                      })}
                    </>
                  )}
                  {section.frozen && <> · {t('frozen')}</>}
                </p>
                {negotiating && progress.sections[section.id] && (
                  <p className="muted small" data-testid="section-progress">
                    {tStatus('progress', progress.sections[section.id]!)}
                  </p>
                )}
                <SectionFigures
                  sectionId={section.id}
                  title={section.title}
                  href={`/plans/${plan.id}/sections/${section.id}`}
                  visitedAt={visits[section.id] ?? null}
                />
              </div>
              {section.canWrite && <span className="tag">{t('youCanEdit')}</span>}
            </li>
          ))}
        </ol>
        <ExportPanel planId={plan.id} versions={versions} pdfAvailable={pdfUnavailable() === null} />
      </main>
    </PlanActivityProvider>
  );
}
