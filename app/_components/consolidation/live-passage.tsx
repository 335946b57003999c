'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { CollabEditor } from '../editor/collab-editor';
import type { EditorIdentity } from '../editor/editor-props';
import type { Person } from '../editor/people';
import { useStateName } from '../i18n/use-state-name';
import type { OverlapView } from './overlap-types';
import { useOverlapWords } from './use-overlap-words';

/** A section of the plan as the board opens it: its room, and whether this user may write there. */
export type BoardSection = { id: string; roomId: string; canWrite: boolean };

type Props = {
  overlap: OverlapView;
  side: 'a' | 'b';
  sections: BoardSection[];
  identity: EditorIdentity;
  people: Record<string, Person>;
};

/** One side of an overlap in its section's live editor, the passage marked. */
export function LivePassage({ overlap, side, sections, identity, people }: Props) {
  const t = useTranslations('LivePassage');
  const stateName = useStateName();
  const { sectionHighlights } = useOverlapWords();
  const passage = overlap[side];
  const section = sections.find((s) => s.id === passage.sectionId);
  const highlights = useMemo(
    () => sectionHighlights([overlap], passage.sectionId, overlap.id),
    [sectionHighlights, overlap, passage.sectionId],
  );
  if (!section) return <p className="muted">{t('deleted')}</p>;
  return (
    <div className="stack live-passage" data-section={passage.sectionId}>
      <h3 className="small">
        {t('heading', {
          number: passage.sectionNumber,
          title: passage.sectionTitle,
          state: stateName(passage.state.code),
        })}
      </h3>
      <CollabEditor
        roomId={section.roomId}
        editable={section.canWrite}
        identity={identity}
        people={people}
        highlights={highlights}
        compact
      />
    </div>
  );
}
