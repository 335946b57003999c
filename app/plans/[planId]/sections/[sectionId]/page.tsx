import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '../../../../../db';
import type { PlanView } from '../../../../../lib/plans/get-plan';
import { sectionNumbering } from '../../../../../lib/negotiation/plan-numbering';
import { lastVisitTo } from '../../../../../lib/plans/section-visits';
import { stateName } from '../../../../../lib/shared/member-states';
import { SectionWithOverlaps } from '../../../../_components/consolidation/section-with-overlaps';
import { AmendmentsPanel } from '../../../../_components/negotiation/amendments-panel';
import { BracketedSpansPanel } from '../../../../_components/negotiation/bracketed-spans-panel';
import { ParagraphStatusPanel } from '../../../../_components/negotiation/paragraph-status-panel';
import { amendmentRights } from '../../../../_server/amendment-rights';
import { SectionDiscussion } from '../../../../_components/discussion/section-discussion';
import { CollabEditor } from '../../../../_components/editor/collab-editor';
import { goalReadOnlyReason, type ReadOnlyReason } from '../../../../_components/editor/read-only-reasons';
import { SECTION_TEXT_ID } from '../../../../_components/layout/skip-link';
import { PlanTrail } from '../../../../_components/layout/plan-trail';
import { ReadInLanguage } from '../../../../_components/reading/read-in-language';
import { TopBar } from '../../../../_components/layout/top-bar';
import { editorIdentity } from '../../../../_server/editor-identity';
import { editorPeople } from '../../../../_server/editor-people';
import { loadPlanForPage } from '../../../../_server/load-plan';
import { requireUserId } from '../../../../_server/session';
import { translationAvailability } from '../../../../../lib/translation';

export const dynamic = 'force-dynamic';

type Params = { planId: string; sectionId: string };

/** `changes=since-visit`: open with what changed since the reader's last visit marked (the plan page links so). */
type Search = { find?: string; block?: string; changes?: string };

async function load({ planId, sectionId }: Params) {
  const userId = await requireUserId(`/plans/${planId}/sections/${sectionId}`);
  const plan = await loadPlanForPage(userId, planId);
  const section = plan.sections.find((s) => s.id === sectionId);
  if (!section) notFound();
  return { userId, plan, section };
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { plan, section } = await load(await params);
  return { title: (await getTranslations('SectionPage'))('title', { section: section.title, plan: plan.title }) };
}

/** Why this reader may not write in the section, when they may not. */
function readOnlyReason(plan: PlanView, section: PlanView['sections'][number]): ReadOnlyReason {
  if (plan.archived) return 'archived';
  if (plan.viewer.role === 'observer') return 'observer';
  if (section.frozen) return 'frozen';
  if (plan.phase === 'drafting' || plan.phase === 'consolidation') return 'otherStates';
  return plan.phase === 'goal' ? 'goalPhase' : 'adopted';
}

export default async function SectionPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Search>;
}) {
  const { userId, plan, section } = await load(await params);
  const { find, block, changes } = await searchParams;
  const t = await getTranslations('SectionPage');
  const tDiscussion = await getTranslations('SectionDiscussion');
  const format = await getFormatter();
  const locale = await getLocale();
  const identity = editorIdentity(plan);
  const rights = amendmentRights(plan, section);
  const numbering = await sectionNumbering(await getDb(), plan.id, section.id);
  const visit = await lastVisitTo(await getDb(), { userId, sectionId: section.id });
  const lastVisit = visit?.seen
    ? { at: visit.at.toISOString(), snapshot: Buffer.from(visit.seen).toString('base64') }
    : null;
  // What both channels of the section's discussion are told alike.
  const discussion = {
    planId: plan.id,
    sectionId: section.id,
    people: plan.people,
    userId,
    moderates: plan.viewer.role === 'chair',
    resolvesAll: section.canResolveThreads,
    roomId: section.roomId,
  };
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} skipToText />
      <main id="main" tabIndex={-1}>
        <PlanTrail plan={plan} />
        <details className="goal">
          <summary>{t('goal')}</summary>
          <CollabEditor
            roomId={plan.goalRoomId}
            editable={false}
            readOnlyReason={goalReadOnlyReason(plan)}
            identity={identity}
            compact
            textLabel={t('goalText')}
          />
        </details>
        <h1>{section.title}</h1>
        <p className="muted">
          {t.rich('leadState', {
            state: stateName(section.leadState.code, locale),
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
          {section.coEditingStates.length > 0 && (
            <>
              {' '}
              · {t('coEditing', { states: format.list(section.coEditingStates.map((s) => stateName(s.code, locale))) })}
            </>
          )}
        </p>
        <SectionWithOverlaps
          planId={plan.id}
          sectionId={section.id}
          roomId={section.roomId}
          editable={section.canWrite}
          canDiscuss={plan.canComment}
          sectionNumber={plan.sections.indexOf(section) + 1}
          continuousFrom={numbering.continuousFrom}
          canAmend={rights.canPropose}
          canBracket={plan.canSetParagraphStatus}
          readOnlyReason={readOnlyReason(plan, section)}
          identity={identity}
          textLabel={t('sectionText', { section: section.title })}
          textId={SECTION_TEXT_ID}
          people={editorPeople(plan)}
          history={{
            sectionId: section.id,
            canName: section.canNameVersion,
            canRestore: section.canRestoreVersion,
            lastVisit,
            showSinceVisit: changes === 'since-visit',
          }}
          find={
            find?.trim()
              ? { query: find.trim().slice(0, 200), block: Math.max(0, Number.parseInt(block ?? '0', 10) || 0) }
              : undefined
          }
        />
        <ParagraphStatusPanel
          sectionId={section.id}
          roomId={section.roomId}
          canSet={plan.canSetParagraphStatus}
          reservingState={plan.reservingState}
          states={[...new Set(plan.people.flatMap((p) => (p.state ? [p.state.code] : [])))].sort()}
        />
        <BracketedSpansPanel
          sectionId={section.id}
          roomId={section.roomId}
          canSet={plan.canSetParagraphStatus}
          states={[...new Set(plan.people.flatMap((p) => (p.state ? [p.state.code] : [])))].sort()}
        />
        <AmendmentsPanel sectionId={section.id} roomId={section.roomId} rights={rights} />
        <ReadInLanguage sectionId={section.id} roomId={section.roomId} translation={await translationAvailability()} />
        <SectionDiscussion
          channel="delegations"
          {...discussion}
          canComment={plan.canComment}
          canResolve={plan.canComment}
          readOnlyReason={plan.phase === 'adopted' ? t('discussionClosed') : t('discussionReadOnly')}
        />
        <SectionDiscussion
          channel="observers"
          open={plan.observerComments}
          {...discussion}
          canComment={plan.canCommentObserversWhenOpen}
          canResolve={plan.canComment}
          readOnlyReason={plan.phase === 'adopted' ? t('discussionClosed') : tDiscussion('observersClosed')}
        />
      </main>
    </>
  );
}
