'use client';

import type { Editor } from '@tiptap/core';
import { useFormatter } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { useStateName } from '../i18n/use-state-name';
import { showMarginInitials } from './extensions/margin-initials';
import type { Person } from './people';

const storageKey = (userId: string) => `concordia:margin-initials:${userId}`;

/** Whether this user shows the states' codes in the margin: remembered in this browser, for the section pages and the plan's text alike. */
export function useInitialsChoice(userId: string): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    setOn(localStorage.getItem(storageKey(userId)) === 'on');
  }, [userId]);
  const choose = useCallback(
    (next: boolean) => {
      setOn(next);
      if (next) localStorage.setItem(storageKey(userId), 'on');
      else localStorage.removeItem(storageKey(userId));
    },
    [userId],
  );
  return [on, choose];
}

/** The codes in a section's editor (margin-initials.ts), drawn only while the live text is shown. */
export function useMarginInitials(
  editor: Editor | null,
  {
    userId,
    doc,
    users,
    people,
    live,
  }: { userId: string; doc: Y.Doc; users: Y.PermanentUserData; people: Record<string, Person>; live: boolean },
): [boolean, (on: boolean) => void] {
  const [on, choose] = useInitialsChoice(userId);
  const format = useFormatter();
  const stateName = useStateName();
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    showMarginInitials(editor, on && live, {
      doc,
      users,
      stateOf: (id) => people[id]?.state?.code ?? null,
      describe: (codes) => format.list(codes.map(stateName), { type: 'conjunction' }),
    });
  }, [editor, on, live, doc, users, people, format, stateName]);
  return [on, choose];
}
