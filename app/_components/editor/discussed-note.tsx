'use client';

import { useTranslations } from 'next-intl';
import { useStateName } from '../i18n/use-state-name';
import type { ShownPassage } from './use-discussed-passages';

/** The first message of the thread about the passage under the pointer, focus or caret, below the passage. */
export function DiscussedNote({ shown }: { shown: ShownPassage | null }) {
  const t = useTranslations('LiveEditor');
  const stateName = useStateName();
  if (!shown) return null;
  const { passage } = shown;
  return (
    <div className="discussed-note card small" role="status" style={{ top: shown.top, left: shown.left }}>
      <strong>
        {t('underDiscussion', { author: passage.author })}
        {passage.stateCode && ` · ${stateName(passage.stateCode)}`}
      </strong>
      <p>{passage.body}</p>
      <a href={`#comment-${passage.id}`}>{t('toThread')}</a>
    </div>
  );
}
