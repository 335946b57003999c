'use client';

import type { Editor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { stateColor } from '../../../lib/shared/state-colors';
import { syncOf } from '../editor/extensions/y-sync-state';
import type { Person } from '../editor/people';
import { announce } from '../announcer';
import { ErrorAlert } from '../error-alert';
import { useFailure } from '../error-message';
import { useStateName } from '../i18n/use-state-name';
import { useFormatTime } from '../use-format-time';
import { HistoryPanel } from './history-panel';
import { useLastVisit, type LastVisit } from './use-last-visit';
import { useVersionLabel } from './use-version-label';
import { loadSnapshot } from './version-snapshots';
import type { ChangesWhat, ViewMode } from './view-mode';

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
  /** Back to the live text from a history view, with the keyboard's focus in it (the button pressed goes away). */
  onBackToLive: () => void;
  /** Says (and returns) who wrote the paragraph under the caret or the selection (use-authors-here.ts). */
  authorsHere: () => string;
  /** Whether the states' codes show in the margin beside each paragraph they wrote (margin-initials.ts). */
  initials: boolean;
  onInitials: (on: boolean) => void;
};

/** "Show authorship", what changed since the last visit, and the section's history (HistoryPanel): renders the chosen view. */
export function DocumentViews({
  editor,
  doc,
  ready,
  sectionId,
  people,
  canName,
  canRestore,
  lastVisit,
  showSinceVisit,
  mode,
  onMode,
  onBackToLive,
  authorsHere,
  initials,
  onInitials,
}: Props) {
  const authors = useTranslations('AuthorsHere');
  const [wrote, setWrote] = useState<string | null>(null);
  const t = useTranslations('DocumentViews');
  const formatTime = useFormatTime();
  const versionLabel = useVersionLabel();
  const stateName = useStateName();
  const [open, setOpen] = useState(false);
  const { message: error, fail, clear } = useFailure();
  // Stable: the panel fetches again when it changes.
  const onHistoryError = useCallback((failure: unknown) => (failure === null ? clear() : fail(failure)), [clear, fail]);
  const { seen, changed } = useLastVisit(lastVisit, doc, ready);
  const askedForChanges = useRef(showSinceVisit);
  const sinceVisit = useMemo<ViewMode | null>(
    () => (seen && lastVisit ? { kind: 'changes', since: seen, what: { what: 'sinceVisit', at: lastVisit.at } } : null),
    [seen, lastVisit],
  );
  const showingSinceVisit = mode.kind === 'changes' && mode.since === seen;

  useEffect(() => {
    if (!changed || !sinceVisit || !askedForChanges.current) return;
    askedForChanges.current = false;
    onMode(sinceVisit);
  }, [changed, onMode, sinceVisit]);

  // Renders the chosen view; authorship and changes since a moment follow the live text as people type.
  useEffect(() => {
    const b = syncOf(editor.state)?.binding;
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
    render().catch(fail);
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
  }, [editor, doc, sectionId, mode, fail]);

  const states = [
    ...new Map(Object.values(people).flatMap((p) => (p.state ? [[p.state.code, p.state]] : []))).values(),
  ];
  const highlighted = (what: ChangesWhat) => {
    if (what.what === 'sinceVisit') return t('highlighted.sinceVisit', { time: formatTime(what.at) });
    if (what.what === 'sinceVersion') return t('highlighted.sinceVersion', { version: versionLabel(what.version) });
    return t(`highlighted.${what.what}`);
  };

  return (
    <div className="views">
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={!ready}
          aria-pressed={mode.kind === 'authorship'}
          onClick={() => {
            onMode(mode.kind === 'authorship' ? { kind: 'live' } : { kind: 'authorship' });
            announce(mode.kind === 'authorship' ? t('nowLive') : t('nowAuthorship'));
          }}
        >
          {mode.kind === 'authorship' ? t('hideAuthorship') : t('showAuthorship')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!ready}
          aria-description={authors('shortcut')}
          onClick={() => setWrote(authorsHere())}
        >
          {authors('button')}
        </button>
        <button
          type="button"
          className="secondary toggle"
          disabled={!ready}
          aria-pressed={initials}
          onClick={() => {
            onInitials(!initials);
            announce(initials ? t('initialsHidden') : t('initialsShown'));
          }}
        >
          {t('initials')}
        </button>
        {/* Shown for the eye; the announcer has said it already. */}
        {wrote && (
          <span className="muted small" aria-hidden="true">
            {wrote}
          </span>
        )}
        {changed && sinceVisit && (
          <button
            type="button"
            className="secondary"
            aria-pressed={showingSinceVisit}
            onClick={() => onMode(showingSinceVisit ? { kind: 'live' } : sinceVisit)}
          >
            {showingSinceVisit ? t('hideSinceVisit') : t('sinceVisit')}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          disabled={!ready}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {t('history')}
        </button>
        {(mode.kind === 'version' || mode.kind === 'compare' || (mode.kind === 'changes' && !showingSinceVisit)) && (
          <button
            type="button"
            onClick={() => {
              onBackToLive();
              announce(t('nowLive'));
            }}
          >
            {t('backToLive')}
          </button>
        )}
      </div>
      {mode.kind !== 'live' && (
        <ul className="legend" aria-label={t('legend')}>
          {states.map((s) => (
            <li key={s.code}>
              <span className="state-dot" style={{ background: stateColor(s.code) }} /> {stateName(s.code)}
            </li>
          ))}
          <li>
            <span className="state-dot" style={{ background: stateColor(null) }} /> {t('chairOrSeeded')}
          </li>
          {mode.kind === 'changes' && <li className="muted">{highlighted(mode.what)}</li>}
          {(mode.kind === 'compare' || mode.kind === 'changes') && <li className="muted">{t('struckThrough')}</li>}
        </ul>
      )}
      <ErrorAlert message={error} />
      <HistoryPanel
        open={open}
        sectionId={sectionId}
        canName={canName}
        canRestore={canRestore}
        onMode={onMode}
        onError={onHistoryError}
      />
    </div>
  );
}
