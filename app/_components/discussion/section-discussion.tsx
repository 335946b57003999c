'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { CommentView } from '../../../lib/discussion/comment-view';
import type { Channel } from '../../../lib/permissions/can';
import type { Quote } from '../../../lib/shared/discussion';
import { announce } from '../announcer';
import { api } from '../api-client';
import { ErrorAlert } from '../error-alert';
import { useFailure } from '../error-message';
import { announceRoomEvent, onRoomEvent } from '../room/room-events';
import { DiscussionThread } from './discussion-thread';
import { formMentions, MentionField, type MentionPerson } from './mention-field';
import { QuotedPassage } from './quoted-passage';

type Props = {
  /**
   * The delegations' threads, or the observers' channel: each is its own list and form, and a reply
   * stays in its thread's channel. Only the delegations' form takes passages chosen in the editor.
   */
  channel: Channel;
  /**
   * The observers' channel is open (the chair's setting, followed live); closed and empty, it is not
   * shown, and closed, nobody writes there.
   */
  open?: boolean;
  planId: string;
  sectionId: string;
  /** The plan's members, whom a message can name with "@". */
  people: readonly MentionPerson[];
  /** The reader: their own messages can be changed or withdrawn; the chair (`moderates`) may withdraw any. */
  userId: string;
  moderates: boolean;
  /** The chair or the lead state's coordinator: resolves and reopens any thread, not only the reader's own. */
  resolvesAll: boolean;
  /** The section's room, whose connection brings new messages (room-connection.ts). */
  roomId: string;
  /** May write here (in the observers' channel: once it is open). */
  canComment: boolean;
  /** Resolves threads (its own, or any with `resolvesAll`): the chair and coordinators, never observers. */
  canResolve: boolean;
  /** Shown instead of the form to those who may only read. */
  readOnlyReason: string;
};

/** After a lost connection, pages fetch the discussion again at a random moment within this, not all at once. */
const REFETCH_SPREAD_MS = 5_000;

/**
 * The section's discussion: the delegations' threads, oldest first, each message with its author's
 * state and its replies under it; a thread may be about a passage chosen in the editor ("Discuss this
 * passage"), which it quotes and can show in the live text. Resolved threads fold away until the reader
 * asks to see them.
 */
export function SectionDiscussion({
  channel,
  open = true,
  planId,
  sectionId,
  people,
  userId,
  moderates,
  resolvesAll,
  roomId,
  canComment,
  canResolve,
  readOnlyReason,
}: Props) {
  const t = useTranslations('SectionDiscussion');
  const observers = channel === 'observers';
  const [comments, setComments] = useState<CommentView[] | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const { message: error, fail, clear } = useFailure();
  const [quote, setQuote] = useState<Quote | null>(null);
  const message = useRef<HTMLTextAreaElement>(null);
  const path = `/api/sections/${sectionId}/comments`;
  // The chair opens and closes the observers' channel while pages are open: the server says so live.
  const [channelOpen, setChannelOpen] = useState(open);
  useEffect(() => setChannelOpen(open), [open]);
  const writable = canComment && (!observers || channelOpen);

  const load = useCallback(() => {
    api<{ comments: CommentView[] }>('GET', `${path}?channel=${channel}`).then(
      // Merged with what is here: a message pushed while the list was on its way is kept.
      (result) => setComments((here) => (here ?? []).reduce(withComment, result.comments)),
      fail,
    );
  }, [path, channel, fail]);

  useEffect(load, [load]);
  useEffect(() => {
    let refetch: ReturnType<typeof setTimeout> | undefined;
    const stop = onRoomEvent(roomId, (event) => {
      if (observers && event.kind === 'observer-channel') setChannelOpen(event.open);
      if (event.kind === 'comment' && event.comment.channel === channel) {
        // A message from someone else is said as it arrives; the reader's own was said on sending.
        if (event.comment.authorId !== userId && !event.comment.editedAt && !event.comment.withdrawn)
          announce(t('arrived', { author: event.comment.author }));
        setComments((list) => withComment(list ?? [], event.comment));
      }
      // Passages chosen in the editor go to the delegations' form.
      if (observers && (event.kind === 'quote' || event.kind === 'compose')) return;
      if (event.kind === 'quote') setQuote(event.quote);
      // After what the user had begun to write, if anything: nothing of theirs is overwritten.
      if (event.kind === 'compose' && message.current)
        message.current.value = [message.current.value.trimEnd(), event.text].filter(Boolean).join('\n\n');
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
  }, [roomId, load, userId, t, channel, observers]);

  const post = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    try {
      const comment = await api<CommentView>('POST', path, {
        body: data.get('body'),
        mentions: formMentions(data),
        channel,
        ...(quote && { quote }),
      });
      setComments((list) => withComment(list ?? [], comment));
      clear();
      setQuote(null);
      form.reset();
      // Focus stays on Send, in view (the new message can push it down); what happened is said.
      const send = (event.nativeEvent as SubmitEvent).submitter;
      requestAnimationFrame(() => requestAnimationFrame(() => send?.scrollIntoView({ block: 'nearest' })));
      announce(t('sent'));
    } catch (failure) {
      fail(failure);
    }
  };

  // The open threads' passages are marked in the text, with their first message.
  useEffect(() => {
    if (observers || !comments) return;
    const passages = comments.flatMap((c) =>
      c.parentId === null && c.quote && !c.resolved && !c.withdrawn
        ? [{ id: c.id, quote: c.quote, author: c.author, stateCode: c.state?.code ?? null, body: c.body }]
        : [],
    );
    announceRoomEvent({ room: roomId, kind: 'discussed', passages });
  }, [comments, observers, roomId]);

  const threads = comments ? byThread(comments) : [];
  const resolvedCount = threads.filter((thread) => thread.root.resolved).length;
  const openCount = threads.filter((thread) => !thread.root.resolved && !thread.root.withdrawn).length;
  const shown = showResolved ? threads : threads.filter((thread) => !thread.root.resolved);
  const changed = (comment: CommentView) => setComments((list) => withComment(list ?? [], comment));

  if (observers && !channelOpen && !comments?.length) return null;
  const headingId = observers ? 'observers-heading' : 'discussion-heading';
  return (
    <section className={observers ? 'card stack panel observers' : 'card stack panel'} aria-labelledby={headingId}>
      <h2 id={headingId}>{observers ? t('observersHeading') : t('heading')}</h2>
      {observers && <p className="muted small">{t('observersAbout')}</p>}
      {comments && (
        <p className="muted small" data-testid={observers ? 'observer-thread-counts' : 'thread-counts'}>
          {t('openThreads', { count: openCount })}
          {resolvedCount > 0 && (
            <>
              {' · '}
              <button
                type="button"
                className="link"
                aria-pressed={showResolved}
                onClick={() => setShowResolved((on) => !on)}
              >
                {showResolved
                  ? t('hideResolved', { count: resolvedCount })
                  : t('showResolved', { count: resolvedCount })}
              </button>
            </>
          )}
        </p>
      )}
      {comments && comments.length === 0 && <p className="muted small">{observers ? t('observersNone') : t('none')}</p>}
      {shown.length > 0 && (
        <ol className="plain stack discussion" aria-label={observers ? t('observersThreads') : t('threads')}>
          {shown.map(({ root, replies }) => (
            <DiscussionThread
              key={root.id}
              root={root}
              replies={replies}
              userId={userId}
              canComment={writable}
              canResolve={canResolve}
              moderates={moderates}
              resolvesAll={resolvesAll}
              path={path}
              people={people}
              planHref={`/plans/${planId}`}
              onChanged={changed}
              onShowPassage={(quote) => announceRoomEvent({ room: roomId, kind: 'show-passage', quote })}
            />
          ))}
        </ol>
      )}
      <ErrorAlert message={error} />
      {writable ? (
        <form className="stack" onSubmit={post} aria-label={observers ? t('observersForm') : t('form')}>
          {quote ? (
            <QuotedPassage quote={quote} action={t('removeQuote')} onAction={() => setQuote(null)} />
          ) : (
            !observers && <p className="muted small">{t('howToQuote')}</p>
          )}
          <MentionField
            inputRef={message}
            people={people}
            label={t('message')}
            placeholder={observers ? t('observersPlaceholder') : t('placeholder')}
            rows={3}
          />
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

/** Threads in the order they were opened, each with its replies oldest first. */
function byThread(list: CommentView[]): Array<{ root: CommentView; replies: CommentView[] }> {
  const replies = new Map<string, CommentView[]>();
  for (const c of list) if (c.parentId) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
  return list.filter((c) => c.parentId === null).map((root) => ({ root, replies: replies.get(root.id) ?? [] }));
}
