'use client';

import type { Editor } from '@tiptap/core';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type * as Y from 'yjs';
import { announce } from '../announcer';
import { useStateName } from '../i18n/use-state-name';
import { authorsHere } from './authors-here';
import type { Person } from './people';

/**
 * Says who wrote the paragraph under the caret or the selection, by state and share ("This paragraph:
 * Peru, 82 %; Mexico, 18 %"): authorship read without its colours. Returns the words, also announced.
 */
export function useAuthorsHere(
  editor: Editor | null,
  doc: Y.Doc,
  users: Y.PermanentUserData,
  people: Record<string, Person>,
) {
  const t = useTranslations('AuthorsHere');
  const format = useFormatter();
  const stateName = useStateName();
  return useCallback((): string => {
    if (!editor) return '';
    const { selection, byUser } = authorsHere(editor, doc, users);
    const byWho = new Map<string, number>();
    let total = 0;
    for (const [userId, characters] of byUser) {
      const person = people[userId];
      const who = person?.state
        ? stateName(person.state.code)
        : person
          ? t('chair')
          : userId
            ? t('formerMember')
            : t('seeded');
      byWho.set(who, (byWho.get(who) ?? 0) + characters);
      total += characters;
    }
    const shares = [...byWho]
      .sort((a, b) => b[1] - a[1])
      .map(([who, n]) =>
        t('share', { who, share: format.number(n / total, { style: 'percent', maximumFractionDigits: 0 }) }),
      );
    // A list of "state, share" items, as the reader hears them: one pause (the semicolon) per author.
    const words = total === 0 ? t('empty') : t(selection ? 'selection' : 'paragraph', { shares: shares.join('; ') });
    announce(words);
    return words;
  }, [editor, doc, users, people, t, format, stateName]);
}
