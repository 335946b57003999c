'use client';

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { unsentText } from '../../lib/documents/unsent-text';
import { browserDrafts } from './draft-storage';
import { announceRoomEvent } from './room-events';

type Props = {
  doc: Y.Doc;
  roomId: string;
  userId: string;
  /** Shown only where the user may not write now, once the document has arrived (else the drafts are sent). */
  shown: boolean;
  /** Why the user may not write, as the editor bar says it. */
  reason: string;
  /** The section's discussion takes messages from this user: the words can go there. */
  canDiscuss: boolean;
  /** This page's own edits were refused: it shows them in its text, which only a reload clears. */
  refusedHere: boolean;
};

/** A message is at most this long (commentInput); longer words are cut there, and stay kept here. */
const MESSAGE_MAX = 4_000;

/**
 * Words this browser kept for the user in a document they may no longer write in: typed offline while
 * the chair froze the section or their appointment ended, or kept by a page closed before it could send
 * them. Nothing typed is lost: the user sees them and can put them in a message to the others, copy
 * them, or delete them from this computer.
 */
export function UnsentWords({ doc, roomId, userId, shown, reason, canDiscuss, refusedHere }: Props) {
  const [blocks, setBlocks] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const prefix = `${userId}:${roomId}:`;

  useEffect(() => {
    const storage = browserDrafts();
    if (!shown || !storage) return setBlocks([]);
    let cancelled = false;
    void storage.list(prefix).then((drafts) => {
      if (!cancelled) setBlocks(unsentText(doc, drafts.map(([, draft]) => draft.update)));
    });
    return () => {
      cancelled = true;
    };
  }, [doc, prefix, shown, refusedHere]);

  if (!shown || !blocks.length) return null;
  const words = blocks.join('\n\n');

  const toMessage = () => {
    const intro = 'Words I typed in this section that could not be added to the text:\n\n';
    const text = intro + words;
    announceRoomEvent({ room: roomId, kind: 'compose', text: text.length > MESSAGE_MAX ? `${text.slice(0, MESSAGE_MAX - 1)}…` : text });
  };
  const copy = () =>
    navigator.clipboard.writeText(words).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  const remove = async () => {
    const storage = browserDrafts();
    if (!storage) return;
    for (const [key] of await storage.list(prefix)) await storage.remove(key);
    if (refusedHere) window.location.reload();
    else setBlocks([]);
  };

  return (
    <section className="unsent stack" aria-labelledby="unsent-heading">
      <h2 id="unsent-heading">Words you typed here were not added</h2>
      <p className="small">
        You typed them while this page could not reach the server, and meanwhile you may no longer write in this section ({reason.replace(/^Read-only — /, '')}). They
        are kept on this computer only.
      </p>
      <blockquote className="unsent-words">
        {blocks.map((block, i) => (
          <p key={i}>{block}</p>
        ))}
      </blockquote>
      {confirming ? (
        <div className="row" role="group" aria-label="Delete the words">
          <span>Delete these words from this computer? Nobody else has them.</span>
          <button type="button" className="danger" onClick={() => void remove()}>
            Delete them
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Keep them
          </button>
        </div>
      ) : (
        <div className="row">
          {canDiscuss && (
            <button type="button" onClick={toMessage}>
              Put them in a message
            </button>
          )}
          <button type="button" className="secondary" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            Delete from this computer…
          </button>
        </div>
      )}
    </section>
  );
}
