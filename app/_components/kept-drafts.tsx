'use client';

import { useEffect, useState } from 'react';
import { browserDrafts } from './draft-storage';
import { openRoom } from './room-connection';
import { UnsavedEdits } from './unsaved-edits';

export type DraftRoom = { roomId: string; title: string };

/** Longest a document's connection stays open here to send what was kept for it. */
const GIVE_UP_MS = 30_000;

/**
 * Sends, from the plan page, what this browser kept for the user's documents in this plan (edits typed
 * offline in a page closed before they were sent), so they do not wait for the user to open each
 * document again. `rooms`: the sections the user may write in (the goal's editor on the page sends its own).
 */
export function KeptDrafts({ userId, rooms }: { userId: string; rooms: readonly DraftRoom[] }) {
  const [sending, setSending] = useState<DraftRoom[]>([]);
  const [sent, setSent] = useState<DraftRoom[]>([]);

  useEffect(() => {
    const storage = browserDrafts();
    if (!storage) return;
    const stops: Array<() => void> = [];
    let cancelled = false;
    void storage.list(`${userId}:`).then((drafts) => {
      if (cancelled) return;
      const waiting = rooms.filter((room) => drafts.some(([key]) => key.startsWith(`${userId}:${room.roomId}:`)));
      setSending(waiting);
      for (const room of waiting) {
        const { doc, provider } = openRoom(room.roomId);
        const edits = new UnsavedEdits(doc, provider, storage, `${userId}:${room.roomId}`);
        const stop = () => {
          clearTimeout(timer);
          edits.destroy();
          provider.destroy();
          doc.destroy();
          setSending((now) => now.filter((r) => r !== room));
        };
        // What is not confirmed by then stays kept, for the next page that opens this document.
        const timer = setTimeout(stop, GIVE_UP_MS);
        stops.push(stop);
        const whenSaved = (state: string) => {
          if (state !== 'saved') return;
          setSent((now) => [...now, room]);
          stop();
        };
        provider.once('sync', () => {
          void edits.restore().then((taken) => {
            if (!taken) return stop();
            // Followed only now: before the drafts are applied there is nothing to wait for, so "saved"
            // would say nothing. They may be confirmed already, or have changed nothing the server lacked.
            if (edits.state === 'saved') return whenSaved('saved');
            edits.subscribe(whenSaved);
          });
        });
      }
    });
    return () => {
      cancelled = true;
      stops.forEach((stop) => stop());
    };
  }, [userId, rooms]);

  if (!sending.length && !sent.length) return null;
  return (
    <p role="status" className="card small">
      {sending.length > 0 && `Sending edits this browser kept from your last visit to: ${sending.map((r) => r.title).join(', ')}…`}
      {sending.length === 0 && `Sent the edits this browser kept from your last visit to: ${sent.map((r) => r.title).join(', ')}.`}
    </p>
  );
}
