import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '../../../../db';
import type { Block } from '../../../../lib/export/blocks';
import { mergeNumbers } from '../../../../lib/export/number-paragraphs';
import type { Locale } from '../../../../lib/i18n/locales';
import { readPlanText } from '../../../../lib/plans/read-plan-text';
import { stateName } from '../../../../lib/shared/member-states';
import { goalRoom, sectionRoom } from '../../../../lib/shared/rooms';
import { PlanTrail } from '../../../_components/layout/plan-trail';
import { TopBar } from '../../../_components/layout/top-bar';
import { blocksHtml } from '../../../_components/plan-text/blocks-html';
import { overlapNotes } from '../../../_components/plan-text/overlap-notes';
import { PlanText } from '../../../_components/plan-text/plan-text';
import { loadSubpage, subpageMetadata, type PlanSubpage } from '../../../_server/plan-subpage';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ planId: string }> };

const PAGE: PlanSubpage = { path: 'text', messages: 'PlanTextPage', managed: false };

export const generateMetadata = ({ params }: Params): Promise<Metadata> => subpageMetadata(PAGE, params);

/** The whole plan on one page, for every member: read, followed live, printed. */
export default async function PlanTextPage({ params }: Params) {
  const { userId, plan } = await loadSubpage(PAGE, params);
  const t = await getTranslations('PlanTextPage');
  const locale = (await getLocale()) as Locale;
  const { document, overlaps } = await readPlanText(await getDb(), { userId, planId: plan.id, language: locale });
  const states = new Map(plan.sections.map((s) => [s.id, s]));
  const authors = Object.fromEntries(plan.people.flatMap((p) => (p.state ? [[p.userId, p.state.code]] : [])));
  // Rendered here as one string per section: the browser parses it once and hydrates one element per section.
  const html = (sectionId: string, blocks: Block[]) =>
    blocksHtml(blocks, {
      authors,
      noteFor: overlapNotes(
        overlaps.filter((o) => o.sectionId === sectionId),
        plan.id,
        (mark) =>
          t('overlap', {
            number: mark.other.sectionNumber,
            title: mark.other.sectionTitle,
            state: stateName(mark.other.stateCode, locale),
          }),
      ),
    });
  return (
    <>
      <TopBar userId={userId} who={plan.viewer.name} />
      <main id="main" tabIndex={-1}>
        <PlanTrail plan={plan} here={t('trail')} />
        <PlanText
          planId={plan.id}
          userId={userId}
          title={document.title}
          goal={{ id: plan.id, roomId: goalRoom(plan.id), number: 0, html: html(plan.id, document.goal) }}
          sections={document.sections.map((s) => ({
            id: s.id,
            roomId: sectionRoom(s.id),
            number: s.number,
            continuousFrom: s.numbering?.continuousFrom ?? null,
            title: s.title,
            leadState: states.get(s.id)?.leadState.code ?? '',
            coEditingStates: states.get(s.id)?.coEditingStates.map((c) => c.code) ?? [],
            html: html(s.id, s.blocks),
          }))}
          sectionIds={document.sections.map((s) => s.id)}
          mergeNumbers={Object.fromEntries(mergeNumbers(document.sections))}
          authors={authors}
          overlaps={overlaps}
        />
      </main>
    </>
  );
}
