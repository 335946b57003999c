'use client';

import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { memo, useMemo, useRef } from 'react';
import type { Block } from '../../../lib/export/blocks';
import { numberParagraphs } from '../../../lib/export/number-paragraphs';
import type { OverlapMark } from '../../../lib/plans/read-plan-text';
import { useLocalStateName, useStateName } from '../i18n/use-state-name';
import { PlanBlocks } from './plan-blocks';
import { useLiveBlocks } from './use-live-blocks';

export type SectionText = {
  id: string;
  roomId: string;
  /** 1-based, in the plan's order; 0 for the goal, whose paragraphs are not numbered. */
  number: number;
  blocks: Block[];
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
  const stateName = useStateName();
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
  const live = useLiveBlocks(ref, section.roomId, section.blocks, context);
  const blocks = useMemo(() => {
    if (!section.number) return live;
    const [numbered] = numberParagraphs(
      [{ id: section.id, number: section.number, title: '', leadState: '', coEditingStates: [], blocks: live }],
      mergeNumbers,
    );
    return numbered!.blocks;
  }, [live, section.id, section.number, mergeNumbers]);

  const byParagraph = useMemo(() => new Map(overlaps.map((o) => [o.paragraph.trim(), o])), [overlaps]);
  const overlapNote = (paragraph: string) => {
    const mark = byParagraph.get(paragraph.trim());
    if (!mark) return null;
    return (
      <p className="overlap-note small">
        <Link href={`/plans/${planId}/consolidation`}>
          {t('overlap', {
            number: mark.other.sectionNumber,
            title: mark.other.sectionTitle,
            state: stateName(mark.other.stateCode),
          })}
        </Link>
      </p>
    );
  };

  return (
    <div ref={ref} className={section.number ? 'prose plan-prose' : 'prose plan-prose goal-prose'}>
      <PlanBlocks blocks={blocks} authors={authors} overlapNote={overlaps.length ? overlapNote : undefined} />
    </div>
  );
});
