'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { CommentView } from '../../../lib/discussion/comment-view';
import type { Quote } from '../../../lib/shared/discussion';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useBusyCall } from '../use-busy-call';
import { DiscussionMessage } from './discussion-message';
import { formMentions, MentionField, type MentionPerson } from './mention-field';

type Props = {
  /** The thread's first message and its replies, oldest first. */
  root: CommentView;
  replies: CommentView[];
  /** The reader, who may change or withdraw their own messages and resolve their own threads. */
  userId: string;
  canComment: boolean;
  /** The reader may resolve threads at all: the chair and coordinators, never observers. */
  canResolve: boolean;
  /** The chair: withdraws any message. */
  moderates: boolean;
  /** The chair or the lead state's coordinator: resolves and reopens any thread. */
  resolvesAll: boolean;
  /** Where replies are posted: the section's discussion. */
  path: string;
  /** The plan's members, whom a reply can name; mentions link to the plan (`planHref`). */
  people: readonly MentionPerson[];
  planHref: string;
  onChanged: (comment: CommentView) => void;
  onShowPassage: (quote: Quote) => void;
};

/** A thread: its first message, its replies under it, a reply form, and resolve or reopen. */
export function DiscussionThread({
  root,
  replies,
  userId,
  canComment,
  canResolve,
  moderates,
  resolvesAll,
  path,
  people,
  planHref,
  onChanged,
  onShowPassage,
}: Props) {
  const t = useTranslations('DiscussionThread');
  const [replying, setReplying] = useState(false);
  const { run, error, busy } = useBusyCall();
  const resolved = root.resolved !== null;
  const mayResolve = canResolve && (resolvesAll || root.authorId === userId);

  const reply = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const posted = await run(() =>
      api<CommentView>('POST', path, { body: data.get('body'), mentions: formMentions(data), replyTo: root.id }),
    );
    if (!posted) return;
    onChanged(posted);
    form.reset();
    setReplying(false);
  };

  const setResolved = async (value: boolean) => {
    const changed = await run(() =>
      api<CommentView>('PUT', `/api/comments/${root.id}/resolution`, { resolved: value }),
    );
    if (changed) onChanged(changed);
  };

  const message = (c: CommentView) => (
    <DiscussionMessage
      key={c.id}
      comment={c}
      mayEdit={canComment && c.authorId === userId}
      mayWithdraw={canComment && (c.authorId === userId || moderates)}
      onChanged={onChanged}
      onShowPassage={onShowPassage}
      mentionHref={planHref}
    />
  );

  return (
    <li
      className="thread stack"
      data-resolved={resolved || undefined}
      aria-label={t('thread', { author: root.author })}
    >
      <ol className="plain stack thread-messages">
        {message(root)}
        {replies.map(message)}
      </ol>
      {resolved && (
        <p className="muted small">{root.resolved?.by ? t('resolvedBy', { name: root.resolved.by }) : t('resolved')}</p>
      )}
      {replying && (
        <form className="stack reply-form" onSubmit={reply} aria-label={t('replyForm', { author: root.author })}>
          <MentionField people={people} label={t('reply')} rows={2} autoFocus />
          <div className="row">
            <button type="submit" disabled={busy}>
              {t('send')}
            </button>
            <button type="button" className="secondary" onClick={() => setReplying(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {(canComment || mayResolve) && !replying && (
        <div className="row small">
          {canComment && !resolved && (
            <button type="button" className="link" onClick={() => setReplying(true)}>
              {t('replyStart')}
            </button>
          )}
          {mayResolve && (
            <button type="button" className="link" disabled={busy} onClick={() => void setResolved(!resolved)}>
              {resolved ? t('reopen') : t('resolve')}
            </button>
          )}
        </div>
      )}
      <ErrorAlert message={error} />
    </li>
  );
}
