'use client';

import { useState } from 'react';
import type { SectionView } from '../../lib/plans/get-plan';
import { StateOptions } from './state-options';

type State = { code: string; name: string };
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
  const [title, setTitle] = useState(section.title);
  const [lead, setLead] = useState(section.leadState.code);
  const [coEditing, setCoEditing] = useState(section.coEditingStates.map((s) => s.code));
  const dirty = title !== section.title || lead !== section.leadState.code || coEditing.join() !== section.coEditingStates.map((s) => s.code).join();

  return (
    <li className="section-settings" aria-label={`Settings of ${section.title}`}>
      <div className="row">
        <input value={title} onChange={(e) => setTitle(e.target.value)} aria-label="Section title" />
        <select value={lead} onChange={(e) => setLead(e.target.value)} aria-label="Lead state">
          <StateOptions states={states} />
        </select>
        <select
          multiple
          value={coEditing}
          onChange={(e) => setCoEditing(Array.from(e.target.selectedOptions, (o) => o.value).sort())}
          aria-label="Co-editing states"
          size={3}
        >
          <StateOptions states={states.filter((s) => s.code !== lead)} />
        </select>
      </div>
      <div className="row">
        <button type="button" disabled={!dirty} onClick={() => onSave({ title, leadState: lead, coEditingStates: coEditing })}>
          Save
        </button>
        <button type="button" className="secondary" onClick={() => onSave({ frozen: !section.frozen })}>
          {section.frozen ? 'Unfreeze' : 'Freeze'}
        </button>
        <button type="button" className="secondary" disabled={!onUp} onClick={onUp} aria-label="Move up">
          ↑
        </button>
        <button type="button" className="secondary" disabled={!onDown} onClick={onDown} aria-label="Move down">
          ↓
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => window.confirm(`Delete the section “${section.title}”? Its text stays in the record.`) && void onDelete()}
        >
          Delete
        </button>
        <span className="muted small">
          Co-editing: {coEditing.length ? coEditing.map((code) => states.find((s) => s.code === code)?.name ?? code).join(', ') : 'none'} (Ctrl-click to choose)
        </span>
        {section.frozen && <span className="tag">Frozen</span>}
      </div>
    </li>
  );
}
