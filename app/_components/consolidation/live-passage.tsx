'use client';

import { useMemo } from 'react';
import { CollabEditor } from '../editor/collab-editor';
import type { EditorIdentity } from '../editor/editor-props';
import type { Person } from '../editor/people';
import { sectionHighlights, type OverlapView } from './overlap-types';

/** A section of the plan as the board opens it: its room, and whether this user may write there. */
export type BoardSection = { id: string; roomId: string; canWrite: boolean };

type Props = { overlap: OverlapView; side: 'a' | 'b'; sections: BoardSection[]; identity: EditorIdentity; people: Record<string, Person> };

/** One side of an overlap in its section's live editor, the passage marked. */
export function LivePassage({ overlap, side, sections, identity, people }: Props) {
  const passage = overlap[side];
  const section = sections.find((s) => s.id === passage.sectionId);
  const highlights = useMemo(() => sectionHighlights([overlap], passage.sectionId, overlap.id), [overlap, passage.sectionId]);
  if (!section) return <p className="muted">This section was deleted.</p>;
  return (
    <div className="stack live-passage" data-section={passage.sectionId}>
      <h3 className="small">
        {passage.sectionNumber}. {passage.sectionTitle} — {passage.state.name}
      </h3>
      <CollabEditor roomId={section.roomId} editable={section.canWrite} identity={identity} people={people} highlights={highlights} compact />
    </div>
  );
}
