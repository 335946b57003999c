'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { memo, useMemo, useRef } from 'react';
import { numberParagraphs } from '../../../lib/export/number-paragraphs';
import type { OverlapMark } from '../../../lib/plans/read-plan-text';
import { stateName } from '../../../lib/shared/member-states';
import { useLocalStateName } from '../i18n/use-state-name';
import { blocksHtml } from './blocks-html';
import { overlapNotes } from './overlap-notes';
import { useLiveBlocks } from './use-live-blocks';

export type SectionText = {
  id: string;
  roomId: string;
  /** 1-based, in the plan's order; 0 for the goal, whose paragraphs are not numbered. */
  number: number;
  /** Numbered continuously across the plan: how many numbered paragraphs come before the section's (as first rendered); else null. */
  continuousFrom?: number | null;
  /** The server's rendering (blocksHtml), shown until the section is live. */
  html: string;
};

type Props = {
  planId: string;
  section: SectionText;
  /** Every section of the plan: links to them are cross-references within the page. */
  sectionIds: readonly string[];
  /** Numbers of the merged paragraphs of the whole plan as first rendered, for references to other sections. */
  mergeNumbers: ReadonlyMap<string, string>;
  authors: Readonly<Record<string, string>>;
  overlaps: readonly OverlapMark[];
};

/** One section's text, kept live while it is in view, numbered as the editor and the exports number it. */
export const LiveSection = memo(function LiveSection({
  planId,
  section,
  sectionIds,
  mergeNumbers,
  authors,
  overlaps,
}: Props) {
  const t = useTranslations('PlanTextPage');
  const editor = useTranslations('LiveEditor');
  const format = useFormatter();
  const locale = useLocale();
  const localStateName = useLocalStateName();
  const ref = useRef<HTMLDivElement>(null);
  const context = useMemo(() => {
    const link = new RegExp(`/plans/${planId}/sections/([0-9a-f-]{36})(?:[?#]|$)`, 'i');
    const ids = new Set(sectionIds);
    return {
      crossReference: (href: string) => {
        const id = link.exec(href)?.[1]?.toLowerCase();
        return id && ids.has(id) ? id : null;
      },
      cosponsoredBy: (names: string[]) =>
        editor('cosponsoredBy', { states: format.list(names.map(localStateName), { type: 'conjunction' }) }),
    };
  }, [planId, sectionIds, editor, format, localStateName]);
  const live = useLiveBlocks(ref, section.roomId, context);
  const html = useMemo(() => {
    if (!live) return section.html;
    const blocks = section.number
      ? numberParagraphs(
          [
            {
              id: section.id,
              number: section.number,
              numbering: { section: section.number, continuousFrom: section.continuousFrom ?? 0 },
              title: '',
              leadState: '',
              coEditingStates: [],
              blocks: live,
            },
          ],
          mergeNumbers,
          section.continuousFrom == null ? 'section' : 'continuous',
        )[0]!.blocks
      : live;
    const noteFor = overlapNotes(overlaps, planId, (mark) =>
      t('overlap', {
        number: mark.other.sectionNumber,
        title: mark.other.sectionTitle,
        state: stateName(mark.other.stateCode, locale),
      }),
    );
    return blocksHtml(blocks, { authors, noteFor });
  }, [live, section, mergeNumbers, overlaps, planId, t, locale, authors]);

  return (
    <div
      ref={ref}
      className={section.number ? 'prose plan-prose' : 'prose plan-prose goal-prose'}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
});
