'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { browserDrafts } from './draft-storage';
import { UnsavedEdits, type SaveState } from './unsaved-edits';

/** How long the page says it sent edits an earlier page had kept (and offers to show them). */
const RESTORED_NOTICE_MS = 30_000;

/**
 * Whether what this user typed is stored, for an editor they may write in (null before that): starts
 * following once `mayWrite` first holds and the document has arrived, and sends what earlier pages kept.
 * While edits wait offline, or were refused where this browser keeps nothing, leaving the page asks for confirmation.
 */
export function useSaveState(doc: Y.Doc, provider: WebsocketProvider, scope: string, mayWrite: boolean) {
  const [state, setState] = useState<SaveState | null>(null);
  /** Kept edits were sent: the document just before, to show where they landed in a text that may have moved on. */
  const [restored, setRestored] = useState<{ before: Y.Snapshot } | null>(null);
  const edits = useRef<UnsavedEdits | null>(null);

  useEffect(() => {
    if (!mayWrite || edits.current) return;
    const tracker = new UnsavedEdits(doc, provider, browserDrafts(), scope);
    edits.current = tracker;
    tracker.subscribe(setState);
    setState(tracker.state);
    const before = Y.snapshot(doc);
    tracker
      .restore()
      .then((taken) => taken > 0 && setRestored({ before }))
      .catch((error: unknown) => console.warn('Could not send the edits kept on this computer', error));
  }, [doc, provider, scope, mayWrite]);

  useEffect(
    () => () => {
      edits.current?.destroy();
      edits.current = null;
    },
    [doc, provider, scope],
  );

  useEffect(() => {
    if (!restored) return;
    const timer = setTimeout(() => setRestored(null), RESTORED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [restored]);

  useEffect(() => {
    if (state === null || state === 'saved' || state === 'saving') return;
    // Decided on leaving: words refused where this browser keeps them are safe, and discarded ones are gone.
    const warn = (event: BeforeUnloadEvent) => {
      if (edits.current?.leavingLoses()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state]);

  /** This page's unconfirmed edits, for where the browser keeps none (UnsentWords). */
  const pendingHere = useCallback(() => edits.current?.pendingUpdates() ?? [], []);
  const discardHere = useCallback(async () => edits.current?.forget(), []);

  return { state, restored, pendingHere, discardHere };
}
