'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CommentView } from '../../lib/discussion/section-comments';
import { stateColor } from '../../lib/shared/state-colors';
import { api } from './api-client';
import { LocalTime } from './local-time';
import { onRoomEvent } from './room-events';

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

/** The section's discussion: the delegations' messages, oldest first, each with its author's state. */
export function SectionDiscussion({ sectionId, roomId, canComment, readOnlyReason }: Props) {
  const [comments, setComments] = useState<CommentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
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
      const comment = await api<CommentView>('POST', path, { body });
      setComments((list) => withComment(list ?? [], comment));
      setError(null);
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
          <textarea name="body" aria-label="Your message" placeholder="Write to the other delegations and the chair" rows={3} maxLength={4_000} required />
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

/** The list with `comment` in its place by time, once: it may arrive both as the reply and pushed. */
function withComment(list: CommentView[], comment: CommentView): CommentView[] {
  if (list.some((c) => c.id === comment.id)) return list;
  return [...list, comment].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
