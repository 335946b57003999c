'use client';

import { useCallback, useEffect, useState } from 'react';
import { api } from '../api-client';
import { errorMessage } from '../error-message';
import { useFormatTime } from '../use-format-time';
import { AttributionShare } from './attribution-share';
import { VersionSelect } from './version-select';
import { loadSnapshot } from './version-snapshots';
import type { ViewMode } from './view-mode';

type Version = {
  id: string;
  kind: 'auto' | 'named' | 'restore';
  name: string | null;
  createdAt: string;
  createdBy: string | null;
  editors: Array<{ name: string }>;
};

type Props = {
  /** Shown while the History button is pressed; its list is kept while it is closed, and fetched again when it opens. */
  open: boolean;
  sectionId: string;
  canName: boolean;
  canRestore: boolean;
  onMode: (mode: ViewMode) => void;
  /** The message of a failed call (null: the next call is under way), shown with the views' own. */
  onError: (message: string | null) => void;
};

/** The section's history: contributions by state, naming a version, and viewing, comparing and (chair) restoring versions. */
export function HistoryPanel({ open, sectionId, canName, canRestore, onMode, onError }: Props) {
  const formatTime = useFormatTime();
  const label = (v: Version) => `${v.name ?? (v.kind === 'auto' ? 'Automatic' : 'Version')} — ${formatTime(v.createdAt)}`;
  const [versions, setVersions] = useState<Version[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const refresh = useCallback(async () => {
    const { versions: list } = await api<{ versions: Version[] }>('GET', `/api/sections/${sectionId}/versions`);
    setVersions(list);
  }, [sectionId]);

  useEffect(() => {
    if (open) refresh().catch((e: Error) => onError(e.message));
  }, [open, refresh, onError]);

  async function showChangesSince(version: Version) {
    onError(null);
    try {
      onMode({ kind: 'changes', since: await loadSnapshot(sectionId, version.id), what: `added since ${label(version)}` });
    } catch (e) {
      onError(errorMessage(e));
    }
  }

  async function act(call: () => Promise<unknown>) {
    onError(null);
    try {
      await call();
      await refresh();
    } catch (e) {
      onError(errorMessage(e));
    }
  }

  if (!open) return null;
  const options = versions.map((v) => ({ id: v.id, label: label(v) }));
  return (
    <section className="card stack history" aria-label="History">
      <AttributionShare sectionId={sectionId} />
      {canName && (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            const name = String(new FormData(event.currentTarget).get('name'));
            void act(() => api('POST', `/api/sections/${sectionId}/versions`, { name }));
          }}
        >
          <input name="name" placeholder="Draft circulated 12 March" aria-label="Version name" required maxLength={200} />
          <button type="submit">Name this version</button>
        </form>
      )}
      {versions.length >= 2 && (
        <div className="row" aria-label="Compare">
          <VersionSelect label="Compare from" placeholder="from…" options={options} value={from} onChange={setFrom} />
          <VersionSelect label="Compare to" placeholder="to…" options={options} value={to} onChange={setTo} />
          <button type="button" disabled={!from || !to || from === to} onClick={() => onMode({ kind: 'compare', from, to })}>
            Compare
          </button>
        </div>
      )}
      {versions.length === 0 && <p className="muted">No versions yet: one is saved automatically after five minutes of editing.</p>}
      <ol className="plain stack">
        {versions.map((v) => (
          <li key={v.id} className="version">
            <div>
              <strong>{label(v)}</strong>
              <br />
              <small className="muted">
                {v.editors.length ? `Edited by ${v.editors.map((e) => e.name).join(', ')}` : 'No edits since the previous version'}
                {v.createdBy && ` · saved by ${v.createdBy}`}
              </small>
            </div>
            <div className="row">
              <button type="button" className="secondary" onClick={() => onMode({ kind: 'version', id: v.id })}>
                View
              </button>
              <button type="button" className="secondary" onClick={() => void showChangesSince(v)}>
                Changes since
              </button>
              {canRestore && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    window.confirm('Restore this version? The current text is kept in the history.') &&
                    void act(() => api('POST', `/api/sections/${sectionId}/versions/${v.id}/restore`)).then(() => onMode({ kind: 'live' }))
                  }
                >
                  Restore
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
