'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { PlanActivity, SectionActivity } from '../../../lib/plans/plan-activity';
import { LocalTime } from '../local-time';
import { OnlineList } from './online-list';
import { onRoomEvent } from '../room/room-events';

const ActivityContext = createContext<PlanActivity | null>(null);

/**
 * The plan's activity as the server last sent it over the goal room's connection, for the figures
 * below (the server sends it again after a reconnection). When the rest of the plan changed (another
 * revision), the page renders again on the server, once.
 */
export function PlanActivityProvider({ room, initial, children }: { room: string; initial: PlanActivity; children: ReactNode }) {
  const router = useRouter();
  const [activity, setActivity] = useState(initial);
  const requested = useRef(initial.revision);
  useEffect(() => {
    setActivity(initial);
    requested.current = initial.revision;
  }, [initial]);
  useEffect(
    () =>
      onRoomEvent(room, (event) => {
        if (event.kind !== 'activity') return;
        setActivity(event.activity);
        if (event.activity.revision === requested.current) return;
        requested.current = event.activity.revision;
        router.refresh();
      }),
    [room, router],
  );
  return <ActivityContext.Provider value={activity}>{children}</ActivityContext.Provider>;
}

function useActivity(): PlanActivity {
  const activity = useContext(ActivityContext);
  if (!activity) throw new Error('inside PlanActivityProvider only');
  return activity;
}

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

export function OverlapsLink({ planId }: { planId: string }) {
  const open = useActivity().openOverlaps;
  return <Link href={`/plans/${planId}/consolidation`}>Overlaps{open > 0 && ` (${open} open)`}</Link>;
}
