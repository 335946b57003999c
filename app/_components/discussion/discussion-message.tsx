'use client';

import { useState, type FormEvent } from 'react';
import type { CommentView } from '../../../lib/discussion/section-comments';
import { MESSAGE_MAX_CHARS, type Quote } from '../../../lib/shared/discussion';
import { stateColor } from '../../../lib/shared/state-colors';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { LocalTime } from '../local-time';
import { useFormatTime } from '../use-format-time';
import { QuotedPassage } from './quoted-passage';

type Props = {
  comment: CommentView;
  /** What the reader may do with it: change it (their own), withdraw it (their own, or any as chair). */
  mayEdit: boolean;
  mayWithdraw: boolean;
  onChanged: (comment: CommentView) => void;
  onShowPassage: (quote: Quote) => void;
};

/** One message of a section's discussion, with its author's state, what it quotes, and its author's changes. */
export function DiscussionMessage({ comment: c, mayEdit, mayWithdraw, onChanged, onShowPassage }: Props) {
  const formatTime = useFormatTime();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const path = `/api/comments/${c.id}`;

  async function change(call: () => Promise<CommentView>) {
    try {
      onChanged(await call());
      setError(null);
      setEditing(false);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = new FormData(event.currentTarget).get('body');
    void change(() => api<CommentView>('PATCH', path, { body }));
  };

  const withdraw = () => {
    if (window.confirm('Withdraw this message? Members will see that it was withdrawn, not what it said.')) void change(() => api<CommentView>('DELETE', path));
  };

  return (
    <li className="comment" style={c.state ? { borderLeftColor: stateColor(c.state.code) } : undefined}>
      <p className="small muted">
        <strong>{c.author}</strong>
        {c.state && ` · ${c.state.name}`} · <LocalTime at={c.createdAt} />
        {c.editedAt && !c.withdrawn && (
          <>
            {' · '}
            <span title={`Changed ${formatTime(c.editedAt)}`}>edited</span>
          </>
        )}
      </p>
      {c.withdrawn ? (
        <p className="muted small">{c.withdrawn === 'author' ? 'Withdrawn by its author.' : 'Withdrawn by the chair.'}</p>
      ) : (
        <>
          {c.quote && <QuotedPassage quote={c.quote} action="Show in the text" onAction={() => onShowPassage(c.quote!)} />}
          {editing ? (
            <form className="stack" onSubmit={save} aria-label="Change your message">
              <textarea name="body" aria-label="Your message, changed" defaultValue={c.body} rows={3} maxLength={MESSAGE_MAX_CHARS} required autoFocus />
              <div className="row">
                <button type="submit">Save</button>
                <button type="button" className="secondary" onClick={() => setEditing(false)}>
                  Cancel
                </button>
              </div>
            </form>
          ) : (
            <p className="comment-body">{c.body}</p>
          )}
          {!editing && (mayEdit || mayWithdraw) && (
            <div className="row small">
              {mayEdit && (
                <button type="button" className="link" onClick={() => setEditing(true)}>
                  Edit
                </button>
              )}
              {mayWithdraw && (
                <button type="button" className="link" onClick={withdraw}>
                  Withdraw
                </button>
              )}
            </div>
          )}
        </>
      )}
      <ErrorAlert message={error} />
    </li>
  );
}
