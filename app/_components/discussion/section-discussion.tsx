'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { CommentView } from '../../../lib/discussion/comment-view';
import { MESSAGE_MAX_CHARS, type Quote } from '../../../lib/shared/discussion';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useFailure } from '../error-message';
import { announceRoomEvent, onRoomEvent } from '../room/room-events';
import { DiscussionMessage } from './discussion-message';
import { QuotedPassage } from './quoted-passage';

type Props = {
  sectionId: string;
  /** The reader: their own messages can be changed or withdrawn; the chair (`moderates`) may withdraw any. */
  userId: string;
  moderates: boolean;
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
export function SectionDiscussion({ sectionId, userId, moderates, roomId, canComment, readOnlyReason }: Props) {
  const t = useTranslations('SectionDiscussion');
  const [comments, setComments] = useState<CommentView[] | null>(null);
  const { message: error, fail, clear } = useFailure();
  const [quote, setQuote] = useState<Quote | null>(null);
  const message = useRef<HTMLTextAreaElement>(null);
  const path = `/api/sections/${sectionId}/comments`;

  const load = useCallback(() => {
    api<{ comments: CommentView[] }>('GET', path).then(
      // Merged with what is here: a message pushed while the list was on its way is kept.
      (result) => setComments((here) => (here ?? []).reduce(withComment, result.comments)),
      fail,
    );
  }, [path, fail]);

  useEffect(load, [load]);
  useEffect(() => {
    let refetch: ReturnType<typeof setTimeout> | undefined;
    const stop = onRoomEvent(roomId, (event) => {
      if (event.kind === 'comment') setComments((list) => withComment(list ?? [], event.comment));
      if (event.kind === 'quote') setQuote(event.quote);
      // After what the user had begun to write, if anything: nothing of theirs is overwritten.
      if (event.kind === 'compose' && message.current) message.current.value = [message.current.value.trimEnd(), event.text].filter(Boolean).join('\n\n');
      if (event.kind === 'quote' || event.kind === 'compose') {
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
      clear();
      setQuote(null);
      form.reset();
    } catch (failure) {
      fail(failure);
    }
  };

  return (
    <section className="card stack panel" aria-labelledby="discussion-heading">
      <h2 id="discussion-heading">{t('heading')}</h2>
      {comments && comments.length === 0 && <p className="muted small">{t('none')}</p>}
      {comments && comments.length > 0 && (
        <ol className="plain stack discussion" aria-label={t('messages')}>
          {comments.map((c) => (
            <DiscussionMessage
              key={c.id}
              comment={c}
              mayEdit={canComment && c.authorId === userId}
              mayWithdraw={canComment && (c.authorId === userId || moderates)}
              onChanged={(changed) => setComments((list) => withComment(list ?? [], changed))}
              onShowPassage={(quote) => announceRoomEvent({ room: roomId, kind: 'show-passage', quote })}
            />
          ))}
        </ol>
      )}
      <ErrorAlert message={error} />
      {canComment ? (
        <form className="stack" onSubmit={post} aria-label={t('form')}>
          {quote ? (
            <QuotedPassage quote={quote} action={t('removeQuote')} onAction={() => setQuote(null)} />
          ) : (
            <p className="muted small">{t('howToQuote')}</p>
          )}
          <textarea ref={message} name="body" aria-label={t('message')} placeholder={t('placeholder')} rows={3} maxLength={MESSAGE_MAX_CHARS} required />
          <button type="submit" className="align-start">
            {t('send')}
          </button>
        </form>
      ) : (
        <p className="muted small">{readOnlyReason}</p>
      )}
    </section>
  );
}

/**
 * The list with `comment` in its place by time, once: it may arrive both as the reply and pushed, and a
 * change replaces the message unless what is here is later (withdrawn, or changed after it).
 */
function withComment(list: CommentView[], comment: CommentView): CommentView[] {
  const here = list.find((c) => c.id === comment.id);
  if (!here) return [...list, comment].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const later = here.withdrawn !== null || (here.editedAt ?? '') > (comment.editedAt ?? '');
  return later && comment.withdrawn === null ? list : list.map((c) => (c.id === comment.id ? comment : c));
}
