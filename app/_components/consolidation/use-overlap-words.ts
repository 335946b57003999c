'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import type { Highlight } from '../editor/extensions/overlap-highlights';
import { useLocalStateName, useStateName } from '../i18n/use-state-name';
import { sides, type OverlapView } from './overlap-types';

/**
 * How overlaps are put in words, in the reader's language: how similar two passages are, the label of
 * a marked paragraph, and what the chair decided.
 */
export function useOverlapWords() {
  const t = useTranslations('Overlaps');
  const format = useFormatter();
  const stateName = useStateName();
  // Co-sponsors are stored by their English names (lib/consolidation/resolve-overlap.ts).
  const localStateName = useLocalStateName();
  const percent = useCallback(
    (score: number) => format.number(score, { style: 'percent', maximumFractionDigits: 0 }),
    [format],
  );

  /** Highlights of a section's open overlaps; `focused` is the one the chair opened. */
  const sectionHighlights = useCallback(
    (overlaps: readonly OverlapView[], sectionId: string, focused?: string): Highlight[] =>
      overlaps
        .filter((o) => o.status === 'open')
        .map((o) => {
          const { mine, theirs } = sides(o, sectionId);
          return {
            id: o.id,
            anchor: mine.anchor,
            label: t('highlight', {
              percent: percent(o.score),
              number: theirs.sectionNumber,
              title: theirs.sectionTitle,
              state: stateName(theirs.state.code),
            }),
            focused: o.id === focused,
          };
        }),
    [t, percent, stateName],
  );

  /** One sentence on what the chair decided, for the states concerned. */
  const describeResolution = useCallback(
    (overlap: OverlapView, sectionId: string): string => {
      const { theirs } = sides(overlap, sectionId);
      const other = { number: theirs.sectionNumber, title: theirs.sectionTitle, state: stateName(theirs.state.code) };
      const by = overlap.resolvedBy ?? t('theChair');
      const resolution = overlap.resolution;
      switch (resolution?.kind) {
        case 'merge': {
          const keptHere = (resolution.kept === 'a' ? overlap.a : overlap.b).sectionId === sectionId;
          const cosponsors = format.list(resolution.cosponsors.map(localStateName));
          return t('merged', { ...other, by, kept: keptHere ? 'here' : 'there', cosponsors });
        }
        case 'keep':
          return t('kept', { ...other, by, reason: resolution.reason });
        case 'dismiss':
          return resolution.reason
            ? t('dismissedBecause', { ...other, by, reason: resolution.reason })
            : t('dismissed', { ...other, by });
        default:
          return overlap.status === 'closed' ? t('closed', other) : t('open', other);
      }
    },
    [t, format, stateName, localStateName],
  );

  return useMemo(
    () => ({ percent, sectionHighlights, describeResolution }),
    [percent, sectionHighlights, describeResolution],
  );
}
