'use client';

import Link from 'next/link';
import { useMemo, type ComponentProps } from 'react';
import { CollabEditor } from '../editor/collab-editor';
import { LocalTime } from '../local-time';
import { describeResolution, openAndResolved, sectionHighlights } from './overlap-types';
import { useOverlaps } from './use-overlaps';

type Props = ComponentProps<typeof CollabEditor> & { planId: string; sectionId: string };

/**
 * A section's live editor with its open overlaps marked in the text, and the chair's resolutions that
 * touched the section listed below it, so the states concerned see what was decided and why.
 */
export function SectionWithOverlaps({ planId, sectionId, ...editor }: Props) {
  const { overlaps, canResolve } = useOverlaps(`/api/sections/${sectionId}/overlaps`, { room: editor.roomId });
  const highlights = useMemo(() => sectionHighlights(overlaps, sectionId), [overlaps, sectionId]);
  const { open, resolved } = openAndResolved(overlaps);
  return (
    <>
      <CollabEditor {...editor} highlights={highlights} />
      {(open.length > 0 || resolved.length > 0) && (
        <section className="card stack panel" aria-label="Overlaps with other sections">
          <h2>Overlaps with other sections</h2>
          {open.length > 0 && (
            <p className="small">
              {open.length} passage{open.length === 1 ? '' : 's'} marked in the text propose{open.length === 1 ? 's' : ''} what another section proposes.{' '}
              {canResolve ? (
                <Link href={`/plans/${planId}/consolidation`}>Resolve in the consolidation view</Link>
              ) : (
                `The chair will resolve ${open.length === 1 ? 'it' : 'them'}.`
              )}
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
