'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { EditorIdentity } from '../editor/editor-props';
import type { Person } from '../editor/people';
import { LivePassage, type BoardSection } from './live-passage';
import type { OverlapView } from './overlap-types';
import { ResolutionForm, type ResolutionKind } from './resolution-form';
import { useOverlapWords } from './use-overlap-words';

type Props = {
  overlap: OverlapView;
  sections: BoardSection[];
  identity: EditorIdentity;
  people: Record<string, Person>;
  canResolve: boolean;
  onResolved: (kind: ResolutionKind) => void;
};

/** An opened overlap: both passages marked in their live editors side by side, with the chair's resolutions below. */
export function OverlapWorkbench({ overlap, sections, identity, people, canResolve, onResolved }: Props) {
  const t = useTranslations('OverlapWorkbench');
  const { percent } = useOverlapWords();
  // Opened above the list, out of sight of the button pressed: the keyboard's focus comes to its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <section className="card stack workbench" aria-label={t('label')}>
      <h2 ref={heading} tabIndex={-1}>
        {t('heading', { percent: percent(overlap.score), a: overlap.a.sectionNumber, b: overlap.b.sectionNumber })}
      </h2>
      <div className="pair">
        {(['a', 'b'] as const).map((side) => (
          <LivePassage
            key={side}
            overlap={overlap}
            side={side}
            sections={sections}
            identity={identity}
            people={people}
          />
        ))}
      </div>
      {canResolve ? (
        <ResolutionForm overlap={overlap} onResolved={onResolved} />
      ) : (
        <p className="muted">{t('onlyChair')}</p>
      )}
    </section>
  );
}
