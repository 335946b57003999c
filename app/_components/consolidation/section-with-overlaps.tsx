'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useMemo, type ComponentProps } from 'react';
import { CollabEditor } from '../editor/collab-editor';
import { useStateName } from '../i18n/use-state-name';
import { LocalTime } from '../local-time';
import { openAndResolved, sides, type OverlapView } from './overlap-types';
import { useOverlapWords } from './use-overlap-words';
import { useOverlaps } from './use-overlaps';

type Props = ComponentProps<typeof CollabEditor> & { planId: string; sectionId: string };

/**
 * A section's live editor with its open overlaps marked in the text, and the chair's resolutions that
 * touched the section listed below it, so the states concerned see what was decided and why.
 */
export function SectionWithOverlaps({ planId, sectionId, ...editor }: Props) {
  const t = useTranslations('SectionWithOverlaps');
  const { sectionHighlights, describeResolution } = useOverlapWords();
  const { overlaps, canResolve } = useOverlaps(`/api/sections/${sectionId}/overlaps`, { room: editor.roomId });
  const highlights = useMemo(() => sectionHighlights(overlaps, sectionId), [sectionHighlights, overlaps, sectionId]);
  const { open, resolved } = openAndResolved(overlaps);
  return (
    <>
      <CollabEditor {...editor} highlights={highlights} />
      {(open.length > 0 || resolved.length > 0) && (
        <section className="card stack panel" aria-label={t('heading')}>
          <h2>{t('heading')}</h2>
          {open.length > 0 && (
            <p className="small">
              {t('marked', { count: open.length })}{' '}
              {canResolve ? (
                <Link href={`/plans/${planId}/consolidation`}>{t('resolve')}</Link>
              ) : (
                t('chairWillResolve', { count: open.length })
              )}
            </p>
          )}
          <ul className="plain stack">
            {[...open, ...resolved].map((o) => (
              <li key={o.id} className="small resolution" data-status={o.status}>
                {describeResolution(o, sectionId)}
                {o.resolvedAt && (
                  <span className="muted">
                    {' '}
                    · <LocalTime at={o.resolvedAt} />
                  </span>
                )}
                <PreviousWording overlap={o} sectionId={sectionId} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** A merged paragraph's wording from before the merge, when the merge took words out of it here. */
function PreviousWording({ overlap, sectionId }: { overlap: OverlapView; sectionId: string }) {
  const t = useTranslations('SectionWithOverlaps');
  const stateName = useStateName();
  const resolution = overlap.resolution;
  if (resolution?.kind !== 'merge' || !resolution.previous || !resolution.removed) return null;
  const here = overlap.a.sectionId === sectionId ? 'a' : 'b';
  if (!resolution.removed[here].length) return null;
  const { mine } = sides(overlap, sectionId);
  return (
    <details className="previous-wording">
      <summary>{t('previousWording', { state: stateName(mine.state.code) })}</summary>
      <p>{resolution.previous[here]}</p>
      <p className="muted">{t('removedWords', { words: resolution.removed[here].join(' … ') })}</p>
    </details>
  );
}
