'use client';

import Link from 'next/link';
import type { SectionActivity } from '../../../lib/plans/plan-activity';
import { LocalTime } from '../local-time';
import { OnlineList } from './online-list';
import { useActivity } from './plan-activity';

/**
 * An edit is stored up to a flush interval after it is typed, so someone who types and leaves at once
 * would find their own last words counted as news: edits this close after a visit are taken as seen.
 */
const OWN_EDIT_GRACE_MS = 2_000;

/** What changed in a section since the reader last had it open (`visitedAt`, null: never). */
function sinceVisit(section: SectionActivity, visitedAt: string | null): { text: string; edited: boolean } | null {
  if (!visitedAt) return null;
  const visited = Date.parse(visitedAt);
  const edited = section.lastEditAt !== null && Date.parse(section.lastEditAt) > visited + OWN_EDIT_GRACE_MS;
  const talked = section.lastMessageAt !== null && Date.parse(section.lastMessageAt) > visited;
  if (edited && talked) return { text: 'Edited and new messages since your last visit', edited };
  if (edited) return { text: 'Edited since your last visit', edited };
  return talked ? { text: 'New messages since your last visit', edited } : null;
}

/**
 * Words, last edit, the discussion's size and who is in the section now; what is new since the reader's
 * last visit, with a link to the section's changes (`href`: the section page).
 */
export function SectionFigures({ sectionId, title, href, visitedAt }: { sectionId: string; title: string; href: string; visitedAt: string | null }) {
  const section = useActivity().sections.find((s) => s.id === sectionId);
  if (!section) return null;
  const news = sinceVisit(section, visitedAt);
  return (
    <p className="muted small" data-testid="section-figures">
      {news && <span className="tag news">{news.text}</span>}
      {news?.edited && (
        <>
          {' '}
          <Link href={`${href}?changes=since-visit`} aria-label={`See what changed in ${title}`}>
            See what changed
          </Link>
        </>
      )}{' '}
      {section.words ?? '—'} words · last edit{' '}
      {section.lastEditAt ? <LocalTime at={section.lastEditAt} /> : '—'} ·{' '}
      {section.messages > 0 && `${section.messages} message${section.messages === 1 ? '' : 's'} in the discussion · `}
      <OnlineList people={section.people} observing={section.observing} />
    </p>
  );
}
