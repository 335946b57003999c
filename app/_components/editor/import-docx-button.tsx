'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { ApiError, NetworkError } from '../api-client';
import { useErrorMessage } from '../error-message';

/** `notices`: what the server says it left out (images, unsupported parts), in its words. */
type Outcome =
  | { kind: 'busy' }
  | { kind: 'done'; file: string; blocks: number; notices: string[] }
  | { kind: 'error'; error: unknown };

/**
 * Appends a Word document to the section. The text arrives through the live document like anyone's
 * edit, so this only uploads the file and reports what the server said.
 */
export function ImportDocxButton({ sectionId }: { sectionId: string }) {
  const t = useTranslations('ImportDocxButton');
  const errorMessage = useErrorMessage();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function upload(file: File) {
    setOutcome({ kind: 'busy' });
    const form = new FormData();
    form.set('file', file);
    const response = await fetch(`/api/sections/${sectionId}/import`, { method: 'POST', body: form }).catch(() => {
      throw new NetworkError();
    });
    const data = (await response.json().catch(() => ({}))) as { error?: string; blocks?: number; notices?: string[] };
    if (!response.ok) return setOutcome({ kind: 'error', error: new ApiError(response.status, data.error) });
    setOutcome({ kind: 'done', file: file.name, blocks: data.blocks ?? 0, notices: data.notices ?? [] });
  }

  return (
    <span className="import-docx">
      <button
        type="button"
        className="secondary"
        disabled={outcome?.kind === 'busy'}
        onClick={() => input.current?.click()}
      >
        {t('button')}
      </button>
      <input
        ref={input}
        type="file"
        aria-label={t('file')}
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) upload(file).catch((error: unknown) => setOutcome({ kind: 'error', error }));
        }}
      />
      {outcome?.kind === 'error' && (
        <span role="alert" className="error small">
          {errorMessage(outcome.error)}
        </span>
      )}
      {outcome?.kind === 'done' && (
        <span role="status" className="muted small">
          {[t('imported', { file: outcome.file, blocks: outcome.blocks }), ...outcome.notices].join(' ')}
        </span>
      )}
    </span>
  );
}
