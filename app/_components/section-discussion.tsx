'use client';

import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { CommentView } from '../../lib/discussion/section-comments';
import type { Quote } from '../../lib/shared/quote';
import { stateColor } from '../../lib/shared/state-colors';
import { api } from './api-client';
import { LocalTime } from './local-time';
import { announceRoomEvent, onRoomEvent } from './room-events';

type Props = {
  sectionId: string;
  /** The section's room, whose connection brings new messages (room-connection.ts). */
  roomId: string;
  canComment: boolean;
  /** Shown instead of the form to those who may only read. */
  readOnlyReason: string;
};

/** After a lost connection, pages fetch the discussion again at a random moment within this, not all at once. */
const REFETCH_SPREAD_MS = 5_000;

/**
 * The section's discussion: the delegations' messages, oldest first, each with its author's state; a
 * message may be about a passage chosen in the editor ("Discuss this passage"), which it quotes and can
 * show in the live text.
 */
export function SectionDiscussion({ sectionId, roomId, canComment, readOnlyReason }: Props) {
  const [comments, setComments] = useState<CommentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [quote, setQuote] = useState<Quote | null>(null);
  const message = useRef<HTMLTextAreaElement>(null);
  const path = `/api/sections/${sectionId}/comments`;

  const load = useCallback(() => {
    api<{ comments: CommentView[] }>('GET', path).then(
      // Merged with what is here: a message pushed while the list was on its way is kept.
      (result) => setComments((here) => (here ?? []).reduce(withComment, result.comments)),
      (failure: Error) => setError(failure.message),
    );
  }, [path]);

  useEffect(load, [load]);
  useEffect(() => {
    let refetch: ReturnType<typeof setTimeout> | undefined;
    const stop = onRoomEvent(roomId, (event) => {
      if (event.kind === 'comment') setComments((list) => withComment(list ?? [], event.comment));
      if (event.kind === 'quote') {
        setQuote(event.quote);
        message.current?.scrollIntoView({ block: 'center' });
        message.current?.focus();
      }
      if (event.kind === 'resynced') {
        clearTimeout(refetch);
        refetch = setTimeout(load, Math.random() * REFETCH_SPREAD_MS);
      }
    });
    return () => {
      stop();
      clearTimeout(refetch);
    };
  }, [roomId, load]);

  const post = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = new FormData(form).get('body');
    try {
      const comment = await api<CommentView>('POST', path, { body, ...(quote && { quote }) });
      setComments((list) => withComment(list ?? [], comment));
      setError(null);
      setQuote(null);
      form.reset();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <section className="card stack panel" aria-labelledby="discussion-heading">
      <h2 id="discussion-heading">Discussion</h2>
      {comments && comments.length === 0 && <p className="muted small">No messages yet.</p>}
      {comments && comments.length > 0 && (
        <ol className="plain stack discussion" aria-label="Messages">
          {comments.map((c) => (
            <li key={c.id} className="comment" style={c.state ? { borderLeftColor: stateColor(c.state.code) } : undefined}>
              <p className="small muted">
                <strong>{c.author}</strong>
                {c.state && ` · ${c.state.name}`} · <LocalTime at={c.createdAt} />
              </p>
              {c.quote && <Passage quote={c.quote} action="Show in the text" onAction={() => announceRoomEvent({ room: roomId, kind: 'show-passage', quote: c.quote! })} />}
              <p className="comment-body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {canComment ? (
        <form className="stack" onSubmit={post} aria-label="Write in the discussion">
          {quote ? (
            <Passage quote={quote} action="Remove" onAction={() => setQuote(null)} />
          ) : (
            <p className="muted small">To write about a passage, select it in the text and choose “Discuss this passage”.</p>
          )}
          <textarea ref={message} name="body" aria-label="Your message" placeholder="Write to the other delegations and the chair" rows={3} maxLength={4_000} required />
          <button type="submit" className="align-start">
            Send
          </button>
        </form>
      ) : (
        <p className="muted small">{readOnlyReason}</p>
      )}
    </section>
  );
}

/** A quoted passage, with what the reader can do with it. */
function Passage({ quote, action, onAction }: { quote: Quote; action: string; onAction: () => void }) {
  return (
    <div className="quoted">
      <blockquote>{quote.text}</blockquote>
      <button type="button" className="link small" onClick={onAction}>
        {action}
      </button>
    </div>
  );
}

/** The list with `comment` in its place by time, once: it may arrive both as the reply and pushed. */
function withComment(list: CommentView[], comment: CommentView): CommentView[] {
  if (list.some((c) => c.id === comment.id)) return list;
  return [...list, comment].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
