'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { announce } from '../announcer';
import type { WebsocketProvider } from 'y-websocket';
import type { SaveState } from '../saving/unsaved-edits';
import { useConnection, type Connection } from './use-connection';

type Status = 'connecting' | 'connected' | 'saving' | 'refused' | 'reconnecting' | 'offline-unsynced';

/** What the badge says: one message of the ConnectionBadge namespace each. */
type Label =
  | 'connected'
  | 'refused'
  | 'dropped'
  | 'saved'
  | 'saving'
  | 'offlineKeeping'
  | 'offlineKept'
  | 'offlineUnsaved'
  | 'offlineWriting'
  | 'reconnecting'
  | 'connecting';

/**
 * Tells the user whether their words are reaching the others and, for someone who may write, whether
 * the server has stored them (`save`, from useSaveState); warns when local edits wait.
 */
export function ConnectionBadge({
  provider,
  save,
  announced = false,
}: {
  provider: WebsocketProvider;
  save: SaveState | null;
  announced?: boolean;
}) {
  const t = useTranslations('ConnectionBadge');
  const connection = useConnection(provider);
  const [status, label] = describe(connection, useSettled(save));
  useSettledAnnouncement(announced ? t(label) : null);
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {t(label)}
    </span>
  );
}

/** How long "kept" must hold before the badge says so: typing offline writes after every keystroke. */
const KEPT_SETTLE_MS = 400;

/**
 * The save state, except that "kept" shows only once it has held for KEPT_SETTLE_MS: while someone
 * types offline, each keystroke's write to this computer finishes in milliseconds and the badge would
 * flicker between "keeping" and "kept".
 */
function useSettled(save: SaveState | null): SaveState | null {
  const [shown, setShown] = useState(save);
  useEffect(() => {
    if (save !== 'kept' || shown !== 'keeping') return setShown(save);
    const timer = setTimeout(() => setShown('kept'), KEPT_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [save, shown]);
  return shown;
}

/** How long the badge must say the same before it is read out: typing toggles "Saving…" several times a second. */
const SETTLE_MS = 2_000;

/**
 * Says the badge's words once they have held for SETTLE_MS and differ from the last said: going offline
 * or being refused is heard, "Saving… / All changes saved" while typing is not. The first words are
 * not said (the page has just opened).
 */
function useSettledAnnouncement(words: string | null): void {
  const said = useRef<string | null>(null);
  useEffect(() => {
    if (words === null) return;
    const timer = setTimeout(() => {
      if (said.current !== null && said.current !== words) announce(words);
      said.current = words;
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [words]);
}

function describe({ online, everConnected }: Connection, save: SaveState | null): [Status, Label] {
  if (online) {
    if (!save) return ['connected', 'connected'];
    if (save === 'refused') return ['refused', 'refused'];
    if (save === 'dropped') return ['refused', 'dropped'];
    return save === 'saved' ? ['connected', 'saved'] : ['saving', 'saving'];
  }
  if (save === 'keeping') return ['offline-unsynced', 'offlineKeeping'];
  if (save === 'kept') return ['offline-unsynced', 'offlineKept'];
  if (save === 'at-risk') return ['offline-unsynced', 'offlineUnsaved'];
  // Someone who may write, with nothing waiting: told that typing on is safe, not merely "reconnecting".
  if (save === 'saved' && everConnected) return ['reconnecting', 'offlineWriting'];
  return everConnected ? ['reconnecting', 'reconnecting'] : ['connecting', 'connecting'];
}
