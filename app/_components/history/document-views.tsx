'use client';

import type { Editor } from '@tiptap/react';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { bytesFromBase64 } from '../../../lib/shared/base64';
import { stateColor } from '../../../lib/shared/state-colors';
import { api } from '../api-client';
import { AttributionShare } from './attribution-share';
import { useLastVisit, type LastVisit } from './last-visit';
import { useFormatTime } from '../local-time';

export type Person = { name: string; state: { code: string; name: string } | null };

type Version = {
  id: string;
  kind: 'auto' | 'named' | 'restore';
  name: string | null;
  createdAt: string;
  createdBy: string | null;
  editors: Array<{ name: string }>;
};

export type ViewMode =
  | { kind: 'live' }
  | { kind: 'authorship' }
  /** What changed since `since` (the reader's last visit, or the document before kept edits were sent), live. */
  | { kind: 'changes'; since: Y.Snapshot; what: string }
  | { kind: 'version'; id: string }
  | { kind: 'compare'; from: string; to: string };

type Props = {
  editor: Editor;
  doc: Y.Doc;
  /** False until the document has arrived: there is nothing to show authorship or history of yet. */
  ready: boolean;
  sectionId: string;
  people: Record<string, Person>;
  canName: boolean;
  canRestore: boolean;
  /** The reader's last visit: offers what changed since, and opens it at once when `showSinceVisit`. */
  lastVisit?: LastVisit | null;
  showSinceVisit?: boolean;
  mode: ViewMode;
  onMode: (mode: ViewMode) => void;
};

type Binding = { renderSnapshot(snapshot: Y.Snapshot, prev: Y.Snapshot): void; unrenderSnapshot(): void };

function binding(editor: Editor): Binding | null {
  return (ySyncPluginKey.getState(editor.state) as { binding?: Binding } | undefined)?.binding ?? null;
}

const snapshotCache = new Map<string, Y.Snapshot>();

async function loadSnapshot(sectionId: string, versionId: string): Promise<Y.Snapshot> {
  const cached = snapshotCache.get(versionId);
  if (cached) return cached;
  const { snapshot } = await api<{ snapshot: string }>('GET', `/api/sections/${sectionId}/versions/${versionId}`);
  const decoded = Y.decodeSnapshot(bytesFromBase64(snapshot));
  snapshotCache.set(versionId, decoded);
  return decoded;
}

/** "Show authorship" and the section's history: view, compare and (chair) restore versions. */
export function DocumentViews({ editor, doc, ready, sectionId, people, canName, canRestore, lastVisit, showSinceVisit, mode, onMode }: Props) {
  const formatTime = useFormatTime();
  const label = (v: Version) => `${v.name ?? (v.kind === 'auto' ? 'Automatic' : 'Version')} — ${formatTime(v.createdAt)}`;
  const [versions, setVersions] = useState<Version[]>([]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { seen, changed } = useLastVisit(lastVisit, doc, ready);
  const askedForChanges = useRef(showSinceVisit);
  const sinceVisit = useMemo<ViewMode | null>(
    () => (seen && lastVisit ? { kind: 'changes', since: seen, what: `added since your last visit, ${formatTime(lastVisit.at)}` } : null),
    [seen, lastVisit, formatTime],
  );
  const showingSinceVisit = mode.kind === 'changes' && mode.since === seen;

  useEffect(() => {
    if (!changed || !sinceVisit || !askedForChanges.current) return;
    askedForChanges.current = false;
    onMode(sinceVisit);
  }, [changed, onMode, sinceVisit]);

  const refresh = useCallback(async () => {
    const { versions: list } = await api<{ versions: Version[] }>('GET', `/api/sections/${sectionId}/versions`);
    setVersions(list);
  }, [sectionId]);

  useEffect(() => {
    if (open) refresh().catch((e: Error) => setError(e.message));
  }, [open, refresh]);

  // Renders the chosen view; authorship and changes since a moment follow the live text as people type.
  useEffect(() => {
    const b = binding(editor);
    if (!b) return;
    let cancelled = false;
    const render = async () => {
      if (mode.kind === 'authorship') return b.renderSnapshot(Y.snapshot(doc), Y.emptySnapshot);
      if (mode.kind === 'changes') return b.renderSnapshot(Y.snapshot(doc), mode.since);
      if (mode.kind === 'version') {
        const s = await loadSnapshot(sectionId, mode.id);
        if (!cancelled) b.renderSnapshot(s, s);
      }
      if (mode.kind === 'compare') {
        const [a, c] = await Promise.all([loadSnapshot(sectionId, mode.from), loadSnapshot(sectionId, mode.to)]);
        if (!cancelled) b.renderSnapshot(c, a);
      }
    };
    if (mode.kind === 'live') {
      b.unrenderSnapshot();
      return;
    }
    render().catch((e: Error) => setError(e.message));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void render(), 300);
    };
    if (mode.kind === 'authorship' || mode.kind === 'changes') doc.on('update', onUpdate);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [editor, doc, sectionId, mode]);

  async function showChangesSince(version: Version) {
    setError(null);
    try {
      onMode({ kind: 'changes', since: await loadSnapshot(sectionId, version.id), what: `added since ${label(version)}` });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function act(call: () => Promise<unknown>) {
    setError(null);
    try {
      await call();
      await refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const states = [...new Map(Object.values(people).flatMap((p) => (p.state ? [[p.state.code, p.state]] : []))).values()];

  return (
    <div className="views">
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={!ready}
          aria-pressed={mode.kind === 'authorship'}
          onClick={() => onMode(mode.kind === 'authorship' ? { kind: 'live' } : { kind: 'authorship' })}
        >
          {mode.kind === 'authorship' ? 'Hide authorship' : 'Show authorship'}
        </button>
        {changed && sinceVisit && (
          <button
            type="button"
            className="secondary"
            aria-pressed={showingSinceVisit}
            onClick={() => onMode(showingSinceVisit ? { kind: 'live' } : sinceVisit)}
          >
            {showingSinceVisit ? 'Hide changes since your last visit' : 'Changes since your last visit'}
          </button>
        )}
        <button type="button" className="secondary" disabled={!ready} aria-expanded={open} onClick={() => setOpen(!open)}>
          History
        </button>
        {(mode.kind === 'version' || mode.kind === 'compare' || (mode.kind === 'changes' && !showingSinceVisit)) && (
          <button type="button" onClick={() => onMode({ kind: 'live' })}>
            Back to the live text
          </button>
        )}
      </div>
      {mode.kind !== 'live' && (
        <ul className="legend" aria-label="Colours by state">
          {states.map((s) => (
            <li key={s.code}>
              <span className="state-dot" style={{ background: stateColor(s.code) }} /> {s.name}
            </li>
          ))}
          <li>
            <span className="state-dot" style={{ background: stateColor(null) }} /> Chair / seeded
          </li>
          {mode.kind === 'changes' && <li className="muted">highlighted: {mode.what}</li>}
          {(mode.kind === 'compare' || mode.kind === 'changes') && <li className="muted">struck through: removed</li>}
        </ul>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {open && (
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
              <select aria-label="Compare from" value={from} onChange={(e) => setFrom(e.target.value)}>
                <option value="">from…</option>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {label(v)}
                  </option>
                ))}
              </select>
              <select aria-label="Compare to" value={to} onChange={(e) => setTo(e.target.value)}>
                <option value="">to…</option>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {label(v)}
                  </option>
                ))}
              </select>
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
      )}
    </div>
  );
}
