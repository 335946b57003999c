'use client';

import { useRef, useState } from 'react';

type Outcome = { kind: 'busy' } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

/**
 * Appends a Word document to the section. The text arrives through the live document like anyone's
 * edit, so this only uploads the file and reports what the server said.
 */
export function ImportDocxButton({ sectionId }: { sectionId: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function upload(file: File) {
    setOutcome({ kind: 'busy' });
    const form = new FormData();
    form.set('file', file);
    const response = await fetch(`/api/sections/${sectionId}/import`, { method: 'POST', body: form });
    const data = (await response.json().catch(() => ({}))) as { error?: string; blocks?: number; notices?: string[] };
    if (!response.ok) return setOutcome({ kind: 'error', message: data.error ?? `Import failed (${response.status})` });
    setOutcome({ kind: 'done', message: [`Imported ${file.name} (${data.blocks} blocks) at the end.`, ...(data.notices ?? [])].join(' ') });
  }

  return (
    <span className="import-docx">
      <button type="button" className="secondary" disabled={outcome?.kind === 'busy'} onClick={() => input.current?.click()}>
        Import .docx
      </button>
      <input
        ref={input}
        type="file"
        aria-label="Word document to import"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) upload(file).catch((e: Error) => setOutcome({ kind: 'error', message: e.message }));
        }}
      />
      {outcome && outcome.kind !== 'busy' && (
        <span role={outcome.kind === 'error' ? 'alert' : 'status'} className={outcome.kind === 'error' ? 'error small' : 'muted small'}>
          {outcome.message}
        </span>
      )}
    </span>
  );
}
