'use client';

import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { openRoom } from '../room/room-connection';
import { browserDrafts } from './draft-storage';
import { UnsavedEdits, type SaveState } from './unsaved-edits';

export type DraftRoom = { roomId: string; title: string; href: string; canWrite: boolean };

/** Longest a document's connection stays open here to send what was kept for it. */
const GIVE_UP_MS = 30_000;

/**
 * Sends, from the plan page, what this browser kept for the user's documents in this plan (edits typed
 * offline in a page closed before they were sent), so they do not wait for the user to open each
 * document again. `rooms`: the plan's sections (the goal's editor on the page sends its own). For a section
 * that does not take them (the user may no longer write there, or the server refused them), it says that
 * words wait there: the section shows them (UnsentWords).
 */
export function KeptDrafts({ userId, rooms }: { userId: string; rooms: readonly DraftRoom[] }) {
  const t = useTranslations('KeptDrafts');
  const format = useFormatter();
  const [sending, setSending] = useState<DraftRoom[]>([]);
  const [sent, setSent] = useState<DraftRoom[]>([]);
  const [stranded, setStranded] = useState<DraftRoom[]>([]);

  useEffect(() => {
    const storage = browserDrafts();
    if (!storage) return;
    const stops: Array<() => void> = [];
    let cancelled = false;
    void storage.list(`${userId}:`).then((drafts) => {
      if (cancelled) return;
      const kept = rooms.filter((room) => drafts.some(([key]) => key.startsWith(`${userId}:${room.roomId}:`)));
      const waiting = kept.filter((room) => room.canWrite);
      setStranded(kept.filter((room) => !room.canWrite));
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
        const whenSaved = (state: SaveState) => {
          // The server does not take them (a permission changed since this page was rendered, a full
          // document): they stay kept, and the section shows them.
          if (state === 'refused' || state === 'dropped') setStranded((now) => [...now, room]);
          else if (state === 'saved') setSent((now) => [...now, room]);
          else return;
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

  return (
    <>
      {(sending.length > 0 || sent.length > 0) && (
        <p role="status" className="card small">
          {sending.length > 0
            ? t('sending', { sections: format.list(sending.map((r) => r.title)) })
            : t('sent', { sections: format.list(sent.map((r) => r.title)) })}
        </p>
      )}
      {stranded.length > 0 && (
        <p role="status" className="card small">
          {t.rich('stranded', {
            count: stranded.length,
            sections: () =>
              format.list(
                stranded.map((room) => (
                  <Link key={room.roomId} href={room.href}>
                    {room.title}
                  </Link>
                )),
              ),
          })}
        </p>
      )}
    </>
  );
}
