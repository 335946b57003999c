'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { SectionView } from '../../../lib/plans/get-plan';
import { TitleInput } from '../title-input';
import { StateOptions, type State } from './state-options';

type Body = { title?: string; leadState?: string; coEditingStates?: string[]; frozen?: boolean };

type Props = {
  section: SectionView;
  states: State[];
  onSave: (body: Body) => Promise<unknown>;
  onDelete: () => Promise<unknown>;
  onUp: (() => Promise<unknown>) | undefined;
  onDown: (() => Promise<unknown>) | undefined;
};

/** One section's title, lead state, co-editing states, freeze and position, as the chair sets them. */
export function SectionEditorRow({ section, states, onSave, onDelete, onUp, onDown }: Props) {
  const t = useTranslations('SectionSettings');
  const format = useFormatter();
  const [title, setTitle] = useState(section.title);
  const [lead, setLead] = useState(section.leadState.code);
  const [coEditing, setCoEditing] = useState(section.coEditingStates.map((s) => s.code));
  const names = (codes: string[]) =>
    format.list(codes.map((code) => states.find((s) => s.code === code)?.name ?? code));
  // The lead state writes in its section anyway: it is never also a co-editor.
  const chooseLead = (code: string) => {
    setLead(code);
    setCoEditing((codes) => codes.filter((c) => c !== code));
  };
  const toggle = (code: string, on: boolean) =>
    setCoEditing((codes) => (on ? [...codes, code].sort() : codes.filter((c) => c !== code)));
  const dirty =
    title !== section.title ||
    lead !== section.leadState.code ||
    coEditing.join() !== section.coEditingStates.map((s) => s.code).join();

  return (
    <li className="section-settings" aria-label={t('label', { title: section.title })}>
      <div className="row">
        <TitleInput value={title} onChange={(e) => setTitle(e.target.value)} aria-label={t('title')} />
        <select value={lead} onChange={(e) => chooseLead(e.target.value)} aria-label={t('leadState')}>
          <StateOptions states={states} />
        </select>
      </div>
      <div className="row">
        <button
          type="button"
          disabled={!dirty}
          onClick={() => onSave({ title, leadState: lead, coEditingStates: coEditing })}
        >
          {t('save')}
        </button>
        <button type="button" className="secondary" onClick={() => onSave({ frozen: !section.frozen })}>
          {section.frozen ? t('unfreeze') : t('freeze')}
        </button>
        <button type="button" className="secondary" disabled={!onUp} onClick={onUp} aria-label={t('moveUp')}>
          ↑
        </button>
        <button type="button" className="secondary" disabled={!onDown} onClick={onDown} aria-label={t('moveDown')}>
          ↓
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => window.confirm(t('confirmDelete', { title: section.title })) && void onDelete()}
        >
          {t('delete')}
        </button>
        {section.frozen && <span className="tag">{t('frozen')}</span>}
      </div>
      <details className="co-editing">
        <summary>{coEditing.length ? t('coEditing', { states: names(coEditing) }) : t('coEditingNone')}</summary>
        <fieldset className="state-checks">
          <legend className="visually-hidden">{t('coEditingOf', { title: section.title })}</legend>
          {states
            .filter((s) => s.code !== lead)
            .map((s) => (
              <label key={s.code}>
                <input
                  type="checkbox"
                  checked={coEditing.includes(s.code)}
                  onChange={(e) => toggle(s.code, e.target.checked)}
                />
                {s.name}
              </label>
            ))}
        </fieldset>
      </details>
    </li>
  );
}
