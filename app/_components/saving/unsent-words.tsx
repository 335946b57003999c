'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { snapshotWithout, unsentText } from '../../../lib/documents/unsent-text';
import { MESSAGE_MAX_CHARS } from '../../../lib/shared/discussion';
import { announceRoomEvent } from '../room/room-events';
import { browserDrafts } from './draft-storage';

type Props = {
  doc: Y.Doc;
  roomId: string;
  userId: string;
  /** Where the server does not take the user's edits now, once the document has arrived (else the drafts are sent). */
  shown: boolean;
  /** Why they were not added, in a sentence. */
  why: string;
  /** The section's discussion takes messages from this user: the words can go there. */
  canDiscuss: boolean;
  /** This page's own edits were refused: it shows them in its text, which only a reload clears. */
  refusedHere: boolean;
  /** Marks them in the text as what changed since `since` (where the page can show its history). */
  onShow?: (since: Y.Snapshot) => void;
  /** Where this browser keeps nothing: the page's own unsent edits, and a way to discard them. */
  pendingHere: () => Uint8Array[];
  discardHere: () => Promise<void>;
};

/**
 * Words this browser kept for the user in a document that does not take them: typed offline while the
 * chair froze the section or their appointment ended (or kept by a page closed before it could send
 * them), or refused by the server (a full document). Nothing typed is lost: the user sees them and can
 * put them in a message to the others, copy them, or delete them from this computer.
 */
export function UnsentWords({
  doc,
  roomId,
  userId,
  shown,
  why,
  canDiscuss,
  refusedHere,
  onShow,
  pendingHere,
  discardHere,
}: Props) {
  const t = useTranslations('UnsentWords');
  const [drafts, setDrafts] = useState<Uint8Array[]>([]);
  const [blocks, setBlocks] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const [messageCut, setMessageCut] = useState(false);
  const prefix = `${userId}:${roomId}:`;

  const keptHere = browserDrafts() !== null;

  useEffect(() => {
    const storage = browserDrafts();
    if (!shown) return setBlocks([]);
    if (!storage) {
      const updates = pendingHere();
      setDrafts(updates);
      return setBlocks(unsentText(doc, updates));
    }
    let cancelled = false;
    void storage.list(prefix).then((kept) => {
      if (cancelled) return;
      const updates = kept.map(([, draft]) => draft.update);
      setDrafts(updates);
      setBlocks(unsentText(doc, updates));
    });
    return () => {
      cancelled = true;
    };
  }, [doc, prefix, shown, refusedHere, pendingHere]);

  if (!shown || !blocks.length) return null;
  const words = blocks.join('\n\n');

  const toMessage = () => {
    const text = `${t('messageIntro')}\n\n${words}`;
    setMessageCut(text.length > MESSAGE_MAX_CHARS);
    announceRoomEvent({
      room: roomId,
      kind: 'compose',
      text: text.length > MESSAGE_MAX_CHARS ? `${text.slice(0, MESSAGE_MAX_CHARS - 1)}…` : text,
    });
  };
  const copy = () =>
    navigator.clipboard.writeText(words).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  const remove = async () => {
    const storage = browserDrafts();
    await discardHere();
    if (storage) for (const [key] of await storage.list(prefix)) await storage.remove(key);
    if (refusedHere) window.location.reload();
    else setBlocks([]);
  };

  return (
    <section className="unsent stack" aria-labelledby="unsent-heading">
      <h2 id="unsent-heading">{t('heading')}</h2>
      <p className="small">
        {why} {keptHere ? t('keptHere') : t('notKept')}
      </p>
      <blockquote className="unsent-words">
        {blocks.map((block, i) => (
          <p key={i}>{block}</p>
        ))}
      </blockquote>
      {messageCut && <p className="small">{t('messageCut', { max: MESSAGE_MAX_CHARS })}</p>}
      {confirming ? (
        <div className="row" role="group" aria-label={t('deleteGroup')}>
          <span>{keptHere ? t('confirmDelete') : t('confirmDiscard')}</span>
          <button type="button" className="danger" onClick={() => void remove()}>
            {keptHere ? t('delete') : t('discard')}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            {t('keep')}
          </button>
        </div>
      ) : (
        <div className="row">
          {canDiscuss && (
            <button type="button" onClick={toMessage}>
              {t('toMessage')}
            </button>
          )}
          {refusedHere && onShow && (
            <button type="button" className="secondary" onClick={() => onShow(snapshotWithout(doc, drafts))}>
              {t('show')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => void copy()}>
            {copied ? t('copied') : t('copy')}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            {keptHere ? t('deleteStart') : t('discardStart')}
          </button>
        </div>
      )}
    </section>
  );
}
