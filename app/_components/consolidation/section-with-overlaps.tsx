'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useMemo, type ComponentProps } from 'react';
import { CollabEditor } from '../editor/collab-editor';
import { LocalTime } from '../local-time';
import { openAndResolved } from './overlap-types';
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
              {canResolve ? <Link href={`/plans/${planId}/consolidation`}>{t('resolve')}</Link> : t('chairWillResolve', { count: open.length })}
            </p>
          )}
          <ul className="plain stack">
            {[...open, ...resolved].map((o) => (
              <li key={o.id} className="small resolution" data-status={o.status}>
                {describeResolution(o, sectionId)}
                {o.resolvedAt && <span className="muted"> · <LocalTime at={o.resolvedAt} /></span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
