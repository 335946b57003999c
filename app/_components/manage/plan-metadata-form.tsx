'use client';

import { useState, type FormEvent } from 'react';
import { ORIGINAL_LANGUAGES, type PlanMetadata } from '../../../lib/shared/plan-metadata';
import { api } from '../api-client';
import { errorMessage } from '../error-message';

const TEXT_FIELDS = [
  { name: 'council', label: 'Council', placeholder: 'Permanent Council of the Organization of American States' },
  { name: 'committee', label: 'Committee', placeholder: 'Committee on Hemispheric Security' },
  { name: 'workingGroup', label: 'Working group', placeholder: 'Working Group to Prepare the Hemispheric Plan of Action' },
  { name: 'symbol', label: 'Document symbol', placeholder: 'OEA/Ser.G CSH/GT/DSS-4/11' },
] as const;

/** The chair's form for the document block that heads every export of the plan. */
export function PlanMetadataForm({ planId, metadata }: { planId: string; metadata: PlanMetadata }) {
  const [status, setStatus] = useState<{ error: boolean; message: string } | null>(null);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    const body: PlanMetadata = {
      council: text('council'),
      committee: text('committee'),
      workingGroup: text('workingGroup'),
      symbol: text('symbol'),
      date: text('date') || null,
      originalLanguage: text('originalLanguage') as PlanMetadata['originalLanguage'],
    };
    try {
      await api('PUT', `/api/plans/${planId}/metadata`, body);
      setStatus({ error: false, message: 'Saved. Exports now carry this document block.' });
    } catch (e) {
      setStatus({ error: true, message: errorMessage(e) });
    }
  }

  return (
    <form className="card stack" onSubmit={(event) => void save(event)}>
      {TEXT_FIELDS.map((field) => (
        <label key={field.name}>
          {field.label}
          <input name={field.name} defaultValue={metadata[field.name]} placeholder={field.placeholder} maxLength={300} />
        </label>
      ))}
      <label>
        Date
        <input name="date" type="date" defaultValue={metadata.date ?? ''} />
      </label>
      <label>
        Original language
        <select name="originalLanguage" defaultValue={metadata.originalLanguage}>
          {Object.entries(ORIGINAL_LANGUAGES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <button type="submit">Save document block</button>
        {status && (
          <span role={status.error ? 'alert' : 'status'} className={status.error ? 'error' : 'muted'}>
            {status.message}
          </span>
        )}
      </div>
    </form>
  );
}
