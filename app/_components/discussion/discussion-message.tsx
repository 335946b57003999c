'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { CommentView } from '../../../lib/discussion/comment-view';
import { MESSAGE_MAX_CHARS, type Quote } from '../../../lib/shared/discussion';
import { stateColor } from '../../../lib/shared/state-colors';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useFailure } from '../error-message';
import { useStateName } from '../i18n/use-state-name';
import { LocalTime } from '../local-time';
import { useFormatTime } from '../use-format-time';
import { MentionText } from './mention-text';
import { QuotedPassage } from './quoted-passage';

type Props = {
  comment: CommentView;
  /** What the reader may do with it: change it (their own), withdraw it (their own, or any as chair). */
  mayEdit: boolean;
  mayWithdraw: boolean;
  onChanged: (comment: CommentView) => void;
  onShowPassage: (quote: Quote) => void;
  /** Where the people and states it names link to. */
  mentionHref: string;
};

/** One message of a section's discussion, with its author's state, what it quotes, and its author's changes. */
export function DiscussionMessage({ comment: c, mayEdit, mayWithdraw, onChanged, onShowPassage, mentionHref }: Props) {
  const t = useTranslations('DiscussionMessage');
  const formatTime = useFormatTime();
  const stateName = useStateName();
  const [editing, setEditing] = useState(false);
  const { message: error, fail, clear } = useFailure();
  const path = `/api/comments/${c.id}`;

  async function change(call: () => Promise<CommentView>) {
    try {
      onChanged(await call());
      clear();
      setEditing(false);
    } catch (failure) {
      fail(failure);
    }
  }

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = new FormData(event.currentTarget).get('body');
    void change(() => api<CommentView>('PATCH', path, { body }));
  };

  const withdraw = () => {
    if (window.confirm(t('confirmWithdraw'))) void change(() => api<CommentView>('DELETE', path));
  };

  return (
    <li
      id={`comment-${c.id}`}
      className="comment"
      style={c.state ? { borderLeftColor: stateColor(c.state.code) } : undefined}
    >
      <p className="small muted">
        <strong>{c.author}</strong>
        {c.state && ` · ${stateName(c.state.code)}`} · <LocalTime at={c.createdAt} />
        {c.editedAt && !c.withdrawn && (
          <>
            {' · '}
            <span title={t('changedAt', { time: formatTime(c.editedAt) })}>{t('edited')}</span>
          </>
        )}
      </p>
      {c.withdrawn ? (
        <p className="muted small">{c.withdrawn === 'author' ? t('withdrawnByAuthor') : t('withdrawnByChair')}</p>
      ) : (
        <>
          {c.quote && (
            <QuotedPassage quote={c.quote} action={t('showInText')} onAction={() => onShowPassage(c.quote!)} />
          )}
          {editing ? (
            <form className="stack" onSubmit={save} aria-label={t('changeForm')}>
              <textarea
                name="body"
                aria-label={t('changedMessage')}
                defaultValue={c.body}
                rows={3}
                maxLength={MESSAGE_MAX_CHARS}
                required
                autoFocus
              />
              <div className="row">
                <button type="submit">{t('save')}</button>
                <button type="button" className="secondary" onClick={() => setEditing(false)}>
                  {t('cancel')}
                </button>
              </div>
            </form>
          ) : (
            <p className="comment-body">
              <MentionText body={c.body} mentions={c.mentions} href={() => mentionHref} />
            </p>
          )}
          {!editing && (mayEdit || mayWithdraw) && (
            <div className="row small">
              {mayEdit && (
                <button type="button" className="link" onClick={() => setEditing(true)}>
                  {t('edit')}
                </button>
              )}
              {mayWithdraw && (
                <button type="button" className="link" onClick={withdraw}>
                  {t('withdraw')}
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
