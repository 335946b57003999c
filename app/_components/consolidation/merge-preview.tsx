'use client';

import { useTranslations } from 'next-intl';
import { compareWords } from '../../../lib/shared/compare-words';
import { useStateName } from '../i18n/use-state-name';
import type { OverlapView } from './overlap-types';

/** What a merge does, before the chair confirms it: the two passages compared word by word. */
export function WordComparison({ overlap }: { overlap: OverlapView }) {
  const t = useTranslations('MergePreview');
  const stateName = useStateName();
  const names = { a: stateName(overlap.a.state.code), b: stateName(overlap.b.state.code) };
  return (
    <figure className="word-comparison stack">
      <figcaption className="small">{t('comparison', names)}</figcaption>
      <p className="small">
        {compareWords(overlap.a.text, overlap.b.text).map((run, i) => (
          <span
            key={i}
            className={`words-${run.in}`}
            title={run.in === 'both' ? t('inBoth') : t('onlyIn', { state: names[run.in] })}
          >
            {run.in !== 'both' && <span className="visually-hidden">{t('onlyIn', { state: names[run.in] })}: </span>}
            {run.text}{' '}
          </span>
        ))}
      </p>
      <p className="small muted">
        <span className="words-both">{t('inBoth')}</span> ·{' '}
        <span className="words-a">{t('onlyIn', { state: names.a })}</span> ·{' '}
        <span className="words-b">{t('onlyIn', { state: names.b })}</span>
      </p>
    </figure>
  );
}

/** The words that will no longer be in the text, by state and section, as the confirmation names them. */
export function RemovedWords({ removed }: { removed: Array<{ state: string; section: number; words: string[] }> }) {
  const t = useTranslations('MergePreview');
  const lost = removed.filter((r) => r.words.length > 0);
  if (!lost.length) return <p className="small">{t('nothingRemoved')}</p>;
  return (
    <ul className="stack removed-words">
      {lost.map((r) => (
        <li key={r.state}>{t('willBeRemoved', { state: r.state, section: r.section, words: r.words.join(' … ') })}</li>
      ))}
    </ul>
  );
}
