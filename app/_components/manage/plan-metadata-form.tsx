'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import {
  ORIGINAL_LANGUAGES,
  PAPER_SIZES,
  type OriginalLanguage,
  type PlanMetadata,
} from '../../../lib/shared/plan-metadata';
import { NUMBERINGS } from '../../../lib/shared/paragraph-numbers';
import { api } from '../api-client';
import { ErrorAlert, invalidWhen } from '../error-alert';
import { useFailure } from '../error-message';

const TEXT_FIELDS = ['council', 'committee', 'workingGroup', 'symbol'] as const;

/** The chair's form for the document block that heads every export of the plan. */
export function PlanMetadataForm({ planId, metadata }: { planId: string; metadata: PlanMetadata }) {
  const t = useTranslations('PlanMetadataForm');
  const [saved, setSaved] = useState(false);
  const failure = useFailure([...TEXT_FIELDS, 'date']);

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
      language: text('language') as PlanMetadata['language'],
      originalLanguage: text('originalLanguage') as PlanMetadata['originalLanguage'],
      paperSize: text('paperSize') as PlanMetadata['paperSize'],
      numbering: text('numbering') as PlanMetadata['numbering'],
    };
    setSaved(false);
    failure.clear();
    try {
      await api('PUT', `/api/plans/${planId}/metadata`, body);
      setSaved(true);
    } catch (e) {
      failure.fail(e);
    }
  }

  return (
    <form className="card stack" onSubmit={(event) => void save(event)}>
      {TEXT_FIELDS.map((field) => (
        <label key={field}>
          {t(`fields.${field}.label`)}
          <input
            name={field}
            defaultValue={metadata[field]}
            placeholder={t(`fields.${field}.placeholder`)}
            maxLength={300}
            {...invalidWhen(failure.errorOf(field), `metadata-${field}-error`)}
          />
          <ErrorAlert message={failure.errorOf(field)} id={`metadata-${field}-error`} />
        </label>
      ))}
      <label>
        {t('date')}
        <input
          name="date"
          type="date"
          defaultValue={metadata.date ?? ''}
          {...invalidWhen(failure.errorOf('date'), 'metadata-date-error')}
        />
        <ErrorAlert message={failure.errorOf('date')} id="metadata-date-error" />
      </label>
      {(['language', 'originalLanguage'] as const).map((field) => (
        <label key={field}>
          {t(field)}
          <select name={field} defaultValue={metadata[field]}>
            {(Object.keys(ORIGINAL_LANGUAGES) as OriginalLanguage[]).map((code) => (
              <option key={code} value={code}>
                {t(`languages.${code}`)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        {t('paperSize')}
        <select name="paperSize" defaultValue={metadata.paperSize}>
          {PAPER_SIZES.map((size) => (
            <option key={size} value={size}>
              {t(`paperSizes.${size}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('numbering')}
        <select name="numbering" defaultValue={metadata.numbering}>
          {NUMBERINGS.map((numbering) => (
            <option key={numbering} value={numbering}>
              {t(`numberings.${numbering}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <button type="submit">{t('save')}</button>
        {failure.message ? (
          <span role="alert" className="error">
            {failure.message}
          </span>
        ) : (
          saved && (
            <span role="status" className="muted">
              {t('saved')}
            </span>
          )
        )}
      </div>
    </form>
  );
}
