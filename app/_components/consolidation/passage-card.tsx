import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { PassageReading } from '../../../lib/consolidation/compare-passages';
import { stateColor } from '../../../lib/shared/state-colors';
import { useStateName } from '../i18n/use-state-name';
import { MarkedText } from './marked-text';
import type { OverlapView } from './overlap-types';

/**
 * One passage of an overlap on the board: its section, its state and its words; with a reading, its
 * language, the words it shares with the other passage marked, and under it its machine translation
 * into the reader's language, marked as being for comparison only.
 */
export function PassageCard({
  planId,
  passage,
  reading,
  into,
}: {
  planId: string;
  passage: OverlapView['a'];
  reading?: PassageReading;
  into?: string;
}) {
  const t = useTranslations('PassageCard');
  const stateName = useStateName();
  return (
    <div className="passage" style={{ borderColor: stateColor(passage.state.code) }}>
      <p className="muted small">
        <Link href={`/plans/${planId}/sections/${passage.sectionId}`}>
          {t('section', { number: passage.sectionNumber, title: passage.sectionTitle })}
        </Link>{' '}
        · {stateName(passage.state.code)}
        {reading && <> · {t('writtenIn', { language: reading.language })}</>}
      </p>
      <p lang={reading?.language}>
        <MarkedText text={passage.text} marked={reading?.marked ?? []} />
      </p>
      {reading?.translation && (
        <div className="machine-translation">
          <p className="small">{t('machineTranslation', { language: into ?? '' })}</p>
          <p lang={into}>
            <MarkedText text={reading.translation} marked={reading.translationMarked} />
          </p>
        </div>
      )}
    </div>
  );
}
