import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { stateColor } from '../../../lib/shared/state-colors';
import { useStateName } from '../i18n/use-state-name';
import type { OverlapView } from './overlap-types';

/** One passage of an overlap on the board: its section, its state and its words. */
export function PassageCard({ planId, passage }: { planId: string; passage: OverlapView['a'] }) {
  const t = useTranslations('PassageCard');
  const stateName = useStateName();
  return (
    <div className="passage" style={{ borderColor: stateColor(passage.state.code) }}>
      <p className="muted small">
        <Link href={`/plans/${planId}/sections/${passage.sectionId}`}>
          {t('section', { number: passage.sectionNumber, title: passage.sectionTitle })}
        </Link>{' '}
        · {stateName(passage.state.code)}
      </p>
      <p>{passage.text}</p>
    </div>
  );
}
