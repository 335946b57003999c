'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SectionActivity } from '../../../lib/plans/plan-activity';
import { useFormatTime } from '../use-format-time';
import { OnlineList } from './online-list';
import { useActivity } from './activity-provider';

/**
 * An edit is stored up to a flush interval after it is typed, so someone who types and leaves at once
 * would find their own last words counted as news: edits this close after a visit are taken as seen.
 */
const OWN_EDIT_GRACE_MS = 2_000;

type News = 'editedAndMessages' | 'edited' | 'messages';

/** What changed in a section since the reader last had it open (`visitedAt`, null: never). */
function sinceVisit(section: SectionActivity, visitedAt: string | null): News | null {
  if (!visitedAt) return null;
  const visited = Date.parse(visitedAt);
  const edited = section.lastEditAt !== null && Date.parse(section.lastEditAt) > visited + OWN_EDIT_GRACE_MS;
  const talked = section.lastMessageAt !== null && Date.parse(section.lastMessageAt) > visited;
  if (edited && talked) return 'editedAndMessages';
  if (edited) return 'edited';
  return talked ? 'messages' : null;
}

/**
 * Words, last edit, the discussion's size and who is in the section now; what is new since the reader's
 * last visit, with a link to the section's changes (`href`: the section page).
 */
export function SectionFigures({
  sectionId,
  title,
  href,
  visitedAt,
}: {
  sectionId: string;
  title: string;
  href: string;
  visitedAt: string | null;
}) {
  const t = useTranslations('SectionFigures');
  const formatTime = useFormatTime();
  const section = useActivity().sections.find((s) => s.id === sectionId);
  if (!section) return null;
  const news = sinceVisit(section, visitedAt);
  const lastEdit = section.lastEditAt;
  const time = (chunks: ReactNode) => (
    <time dateTime={lastEdit ? new Date(lastEdit).toISOString() : undefined}>{chunks}</time>
  );
  return (
    <p className="muted small" data-testid="section-figures">
      {news && <span className="tag news">{t(`news.${news}`)}</span>}
      {(news === 'edited' || news === 'editedAndMessages') && (
        <>
          {' '}
          <Link href={`${href}?changes=since-visit`} aria-label={t('seeWhatChangedIn', { title })}>
            {t('seeWhatChanged')}
          </Link>
        </>
      )}{' '}
      {section.words === null ? t('wordsUnknown') : t('words', { count: section.words })} ·{' '}
      {lastEdit ? t.rich('lastEdit', { when: formatTime(lastEdit), time }) : t('neverEdited')} ·{' '}
      {section.messages > 0 && <>{t('messages', { count: section.messages })} · </>}
      {section.openThreads > 0 && <>{t('openThreads', { count: section.openThreads })} · </>}
      <OnlineList people={section.people} observing={section.observing} />
    </p>
  );
}
