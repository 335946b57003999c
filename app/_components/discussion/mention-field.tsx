'use client';

import { useTranslations } from 'next-intl';
import { useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Mention } from '../../../lib/shared/discussion';
import { MENTIONS_MAX, MESSAGE_MAX_CHARS } from '../../../lib/shared/discussion';
import { useStateName } from '../i18n/use-state-name';

/** A member of the plan who can be named with "@": `state` is the coordinator's state, if any. */
export type MentionPerson = { userId: string; name: string; state: { code: string } | null };

type Candidate = { mention: Mention; detail: string | null };

/** Most suggestions shown at once; typing more narrows them. */
const SHOWN = 8;

type Props = {
  /** The plan's members: the only people and states a message can name. */
  people: readonly MentionPerson[];
  label: string;
  placeholder?: string;
  rows: number;
  autoFocus?: boolean;
  inputRef?: RefObject<HTMLTextAreaElement | null>;
};

/** Lower case without accents, so "mexi" finds "México". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * A message's text area that suggests the plan's members and states after "@" (arrows and Enter or Tab
 * choose, Escape closes) and keeps whom the message names by id in a hidden `mentions` field, so the
 * server never guesses them from the text.
 */
export function MentionField({ people, label, placeholder, rows, autoFocus, inputRef }: Props) {
  const t = useTranslations('MentionField');
  const stateName = useStateName();
  const listId = useId();
  const [chosen, setChosen] = useState<Mention[]>([]);
  const [query, setQuery] = useState<{ text: string; start: number } | null>(null);
  const [active, setActive] = useState(0);
  const [body, setBody] = useState('');

  const candidates = useMemo<Candidate[]>(() => {
    const states = [...new Set(people.flatMap((p) => (p.state ? [p.state.code] : [])))];
    return [
      ...states.map((code) => ({
        mention: { kind: 'state' as const, code, label: stateName(code) },
        detail: t('stateDetail'),
      })),
      ...people.map((p) => ({
        mention: { kind: 'person' as const, userId: p.userId, label: p.name },
        detail: p.state ? stateName(p.state.code) : null,
      })),
    ];
  }, [people, stateName, t]);

  const matches = query
    ? candidates.filter((c) => folded(c.mention.label).includes(folded(query.text))).slice(0, SHOWN)
    : [];
  const open = matches.length > 0;

  /** The "@…" being typed just before the caret, if any. */
  const follow = (area: HTMLTextAreaElement) => {
    setBody(area.value);
    const before = area.value.slice(0, area.selectionStart);
    const typed = /(?:^|\s)@([^@\n]{0,40})$/u.exec(before);
    setQuery(typed ? { text: typed[1]!, start: before.length - typed[1]!.length - 1 } : null);
    setActive(0);
  };

  const choose = (area: HTMLTextAreaElement, candidate: Candidate) => {
    if (!query) return;
    const end = area.selectionStart;
    const inserted = `@${candidate.mention.label} `;
    area.value = area.value.slice(0, query.start) + inserted + area.value.slice(end);
    const caret = query.start + inserted.length;
    area.setSelectionRange(caret, caret);
    setChosen((list) => (list.length >= MENTIONS_MAX ? list : [...list, candidate.mention]));
    setBody(area.value);
    setQuery(null);
  };

  const keys = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(event.currentTarget, matches[active]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setQuery(null);
    }
  };

  // Only the mentions still in the text are sent; a form reset empties the text and so them.
  const kept = chosen.filter((m) => body.includes(`@${m.label}`));
  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <div className="mention-field">
      <textarea
        ref={inputRef}
        name="body"
        aria-label={label}
        placeholder={placeholder}
        rows={rows}
        maxLength={MESSAGE_MAX_CHARS}
        required
        autoFocus={autoFocus}
        // A multi-line field stays a textbox (a textarea may not be a combobox); the suggestions are
        // tied to it and the active one announced through aria-activedescendant.
        aria-autocomplete="list"
        aria-controls={listId}
        aria-activedescendant={open ? optionId(active) : undefined}
        onInput={(event) => follow(event.currentTarget)}
        onClick={(event) => follow(event.currentTarget)}
        onKeyDown={keys}
        onBlur={() => setQuery(null)}
      />
      <input type="hidden" name="mentions" value={JSON.stringify(kept)} />
      <ul id={listId} role="listbox" aria-label={t('suggestions')} className="mention-options card" hidden={!open}>
        {matches.map((c, i) => (
          <li
            key={c.mention.kind === 'person' ? c.mention.userId : c.mention.code}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // Chosen on mouse down, before the text area loses focus and closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              const area = event.currentTarget.closest('.mention-field')?.querySelector('textarea');
              if (area) choose(area, c);
            }}
          >
            @{c.mention.label}
            {c.detail && <span className="muted small"> · {c.detail}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The mentions a form holds (its hidden `mentions` field). */
export function formMentions(form: FormData): Mention[] {
  const value = form.get('mentions');
  return typeof value === 'string' && value ? (JSON.parse(value) as Mention[]) : [];
}
