'use client';

import { useTranslations } from 'next-intl';
import type { EditorIdentity } from '../editor/editor-props';
import type { Person } from '../editor/people';
import { LivePassage, type BoardSection } from './live-passage';
import type { OverlapView } from './overlap-types';
import { ResolutionForm } from './resolution-form';
import { useOverlapWords } from './use-overlap-words';

type Props = {
  overlap: OverlapView;
  sections: BoardSection[];
  identity: EditorIdentity;
  people: Record<string, Person>;
  canResolve: boolean;
  onResolved: () => void;
};

/** An opened overlap: both passages marked in their live editors side by side, with the chair's resolutions below. */
export function OverlapWorkbench({ overlap, sections, identity, people, canResolve, onResolved }: Props) {
  const t = useTranslations('OverlapWorkbench');
  const { percent } = useOverlapWords();
  return (
    <section className="card stack workbench" aria-label={t('label')}>
      <h2>{t('heading', { percent: percent(overlap.score), a: overlap.a.sectionNumber, b: overlap.b.sectionNumber })}</h2>
      <div className="pair">
        {(['a', 'b'] as const).map((side) => (
          <LivePassage key={side} overlap={overlap} side={side} sections={sections} identity={identity} people={people} />
        ))}
      </div>
      {canResolve ? <ResolutionForm overlap={overlap} onResolved={onResolved} /> : <p className="muted">{t('onlyChair')}</p>}
    </section>
  );
}
