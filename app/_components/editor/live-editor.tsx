'use client';

import { Extension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { documentExtensions } from '../../../lib/shared/document-extensions';
import { EDITOR_FIELD } from '../../../lib/shared/rooms';
import { DocumentViews } from '../history/document-views';
import type { ViewMode } from '../history/view-mode';
import { UnsentWords } from '../saving/unsent-words';
import { useSaveState } from '../saving/use-save-state';
import { ConnectionBadge } from './connection-badge';
import type { EditorProps } from './editor-props';
import './editor-tables.css';
import { useLocalStateName } from '../i18n/use-state-name';
import { CollaborationCaret, type CaretUser } from './extensions/caret-extension';
import { ChangeMark, ChangeNodes, type DescribeChange } from './extensions/change-marks';
import { FindHighlights } from './extensions/find-highlights';
import { MarginInitials } from './extensions/margin-initials';
import { OverlapHighlights } from './extensions/overlap-highlights';
import { DiscussedNote } from './discussed-note';
import { DiscussedPassages } from './extensions/discussed-passages';
import { PassageMark } from './extensions/passage-mark';
import { FindNote } from './find-note';
import { ImportDocxButton } from './import-docx-button';
import { colorsByUser, labelsByUser } from './people';
import { Presence } from './presence';
import { readOnlyLabel, unsentWhy } from './read-only-reasons';
import { focusToolbarOf, Toolbar } from './toolbar';
import { useFindHighlights } from './use-find-highlights';
import { useFirstSync } from './use-first-sync';
import { useOverlapHighlights } from './use-overlap-highlights';
import { useDiscussedPassages } from './use-discussed-passages';
import { usePassages } from './use-passages';
import { useAuthorsHere } from './use-authors-here';
import { useMarginInitials } from './use-margin-initials';
import { useServerAccess } from './use-server-access';
import { AmendmentMarks } from '../negotiation/amendment-marks';
import { NegotiationInEditor } from '../negotiation/negotiation-in-editor';
import { BracketedSpanMarks } from '../negotiation/bracketed-span-marks';
import { ParagraphNumbers } from '../negotiation/paragraph-numbers';
import { ReferenceNumbers } from '../negotiation/reference-numbers';
import { ParagraphStatusMarks } from '../negotiation/paragraph-status-marks';
import '../negotiation/negotiation.css';
import { useStickyHeight } from './use-sticky-height';

/** Room kept between the caret and the sticky bar (or the window's bottom edge) when the text scrolls to it, in pixels. */
const CARET_CLEARANCE = 24;

/**
 * Keys of the text: Alt+F10 moves to its toolbar, as in Word and Google Docs (Escape there comes back);
 * Alt+Shift+A says who wrote the paragraph or selection (`sayAuthors`).
 */
const TextKeys = Extension.create<{ sayAuthors: () => void }>({
  name: 'textKeys',
  addOptions: () => ({ sayAuthors: () => undefined }),
  addKeyboardShortcuts() {
    return {
      'Alt-F10': () => focusToolbarOf(this.editor.view.dom),
      'Alt-Shift-a': () => {
        this.options.sayAuthors();
        return true;
      },
    };
  },
});

/** A room's document and its connection, open (CollabEditor). */
export type Live = { doc: Y.Doc; provider: WebsocketProvider };

/** The editor on an open connection: the text, its bar (toolbar, presence, saving), history views and unsent words. */
export function LiveEditor(props: EditorProps & Live) {
  const {
    roomId,
    doc,
    provider,
    editable: initiallyEditable,
    identity,
    readOnlyReason,
    compact,
    people = {},
    history,
    highlights,
    find,
    canDiscuss = false,
    sectionNumber,
    continuousFrom = null,
    canAmend = false,
    canBracket = false,
  } = props;
  const t = useTranslations('LiveEditor');
  const readOnly = useTranslations('ReadOnly');
  const endedText = useTranslations('Ended');
  const notices = useTranslations('Notices');
  const { access, ended, notice: noticeCode } = useServerAccess(provider);
  const notice = noticeCode && notices(noticeCode);
  const [mode, setMode] = useState<ViewMode>({ kind: 'live' });
  const arrived = useFirstSync(provider);
  const mayWrite = !ended && (access === null ? initiallyEditable : access === 'write');
  const editable = mayWrite && arrived && mode.kind === 'live';
  const save = useSaveState(doc, provider, `${identity.userId}:${roomId}`, mayWrite && arrived);
  useEffect(() => {
    const { name, state, color, role } = identity;
    provider.awareness.setLocalStateField('user', { name, state, color, role });
  }, [provider, identity]);

  // The extensions are made once per document; what they write (caret labels, change titles) is asked
  // through these as they draw, so it follows a change of language.
  const stateName = useLocalStateName();
  const caretLabel = useRef<(user: CaretUser) => string>(() => '');
  caretLabel.current = (user) => {
    const name = user.name ?? t('someone');
    return user.state ? t('caret', { name, state: stateName(user.state) }) : name;
  };
  const format = useFormatter();
  const cosponsoredBy = useRef<(names: string[]) => string>(() => '');
  cosponsoredBy.current = (names) =>
    t('cosponsoredBy', { states: format.list(names.map(stateName), { type: 'conjunction' }) });
  const describeChange = useRef<DescribeChange>(() => '');
  describeChange.current = ({ type, person }) => {
    if (!person) return t('change.beforeAttribution');
    const values = { type, name: person.name };
    return person.state
      ? t('change.byState', { ...values, state: stateName(person.state) })
      : t('change.byChair', values);
  };

  // One per document: authorship views and "Who wrote this?" read the same record of who wrote with which client.
  const users = useMemo(() => new Y.PermanentUserData(doc), [doc]);
  const sayAuthors = useRef<() => void>(() => undefined);
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        // Configured once, for what the user may do: the wait for the document only pauses editing (setEditable),
        // and links must not turn into a reader's (opened in a new tab on click) for good.
        ...documentExtensions({ editable: mayWrite, cosponsoredBy: (names) => cosponsoredBy.current(names) }),
        Collaboration.configure({
          document: doc,
          field: EDITOR_FIELD,
          ySyncOptions: { permanentUserData: users, colorMapping: colorsByUser(people) },
        }),
        CollaborationCaret.configure({ awareness: provider.awareness, label: (user) => caretLabel.current(user) }),
        ChangeMark.configure({ people: labelsByUser(people), describe: (change) => describeChange.current(change) }),
        ChangeNodes,
        OverlapHighlights,
        FindHighlights,
        PassageMark,
        DiscussedPassages,
        ...(sectionNumber
          ? [
              ParagraphNumbers.configure({ sectionNumber, continuousFrom }),
              AmendmentMarks,
              ParagraphStatusMarks,
              BracketedSpanMarks,
              ReferenceNumbers,
            ]
          : []),
        MarginInitials,
        TextKeys.configure({ sayAuthors: () => sayAuthors.current() }),
      ],
    },
    [doc],
  );
  const textLabel = props.textLabel ?? t('text');
  const bar = useRef<HTMLDivElement>(null);
  const barHeight = useStickyHeight(bar, !compact, CARET_CLEARANCE);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    // The text scrolls the caret clear of the sticky bar, not under it.
    const margin = { top: barHeight + CARET_CLEARANCE, bottom: CARET_CLEARANCE, left: 0, right: 0 };
    const attributes: Record<string, string> = {
      class: 'prose',
      'aria-label': textLabel,
      spellcheck: 'true',
      ...(props.textId && { id: props.textId }),
    };
    editor.setOptions({ editorProps: { attributes, scrollMargin: margin, scrollThreshold: margin } });
  }, [editor, textLabel, props.textId, barHeight]);

  /** Set when the reader leaves a history view by its button: the text takes the keyboard's focus once it is live again. */
  const focusText = useRef(false);
  useEffect(() => {
    editor?.setEditable(editable);
    if (!editor || mode.kind !== 'live' || !focusText.current) return;
    focusText.current = false;
    if (editable) editor.commands.focus();
    else editor.view.dom.closest('.editor-frame')?.querySelector<HTMLElement>('.views button')?.focus();
  }, [editor, editable, mode]);
  const backToLive = useCallback(() => {
    focusText.current = true;
    setMode({ kind: 'live' });
  }, []);

  const authorsHere = useAuthorsHere(editor, doc, users, people);
  const [initials, setInitials] = useMarginInitials(editor, {
    userId: identity.userId,
    doc,
    users,
    people,
    live: mode.kind === 'live',
  });
  sayAuthors.current = authorsHere;
  useOverlapHighlights(editor, highlights);
  useFindHighlights(editor, find);
  const toLive = useCallback(() => setMode({ kind: 'live' }), []);
  const passages = usePassages(editor, roomId, { canDiscuss, live: mode.kind === 'live', arrived, toLive });
  const discussed = useDiscussedPassages(editor, roomId, editable);

  return (
    <div className={`editor-frame${compact ? ' compact' : ''}`} data-editable={editable}>
      {ended && (
        <p role="alert" className="ended">
          {endedText(ended.why)}{' '}
          <a href={ended.href}>{ended.why === 'signedOut' ? endedText('signInAgain') : endedText('reload')}</a>
        </p>
      )}
      <UnsentWords
        doc={doc}
        roomId={roomId}
        userId={identity.userId}
        shown={arrived && (!mayWrite || save.state === 'dropped')}
        why={unsentWhy(readOnly, mayWrite, notice, initiallyEditable ? undefined : readOnlyReason)}
        canDiscuss={canDiscuss}
        refusedHere={save.state === 'refused' || save.state === 'dropped'}
        onShow={history && ((since) => setMode({ kind: 'changes', since, what: { what: 'unsent' } }))}
        pendingHere={save.pendingHere}
        discardHere={save.discardHere}
      />
      <div className="editor-bar" ref={bar}>
        {editable && editor ? (
          <>
            <Toolbar editor={editor} />
            {history && <ImportDocxButton sectionId={history.sectionId} />}
          </>
        ) : (
          <span className="read-only">
            {readOnlyLabel(readOnly, {
              mayWrite,
              arrived,
              viewing: mode.kind !== 'live',
              reason: initiallyEditable ? undefined : readOnlyReason,
            })}
          </span>
        )}
        <span className="spacer" />
        {passages.canQuote && (
          <button type="button" className="secondary small" onClick={passages.discuss}>
            {t('discuss')}
          </button>
        )}
        {sectionNumber !== undefined && (
          <NegotiationInEditor
            editor={editor}
            roomId={roomId}
            canAmend={canAmend}
            canBracket={canBracket}
            live={mode.kind === 'live'}
          />
        )}
        {passages.missing && <span className="muted">{t('passageGone')}</span>}
        {find && <FindNote query={find.query} />}
        <Presence awareness={provider.awareness} provider={provider} editor={editor} />
        {save.restored && (
          <span className="muted">
            {t('restored')}
            {history && (
              <>
                {' · '}
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    save.restored &&
                    setMode({ kind: 'changes', since: save.restored.before, what: { what: 'restored' } })
                  }
                >
                  {t('showRestored')}
                </button>
              </>
            )}
          </span>
        )}
        <ConnectionBadge provider={provider} save={save.state} announced={!compact} />
        {notice && !ended && save.state !== 'saved' && (
          // In the bar, which stays in view: the words were refused where the user is typing.
          <p role="alert" className="bar-notice">
            {notice} <a href="#unsent-heading">{t('unsentLink')}</a>
          </p>
        )}
      </div>
      {history && editor && (
        <DocumentViews
          editor={editor}
          doc={doc}
          ready={arrived}
          people={people}
          {...history}
          mode={mode}
          onMode={setMode}
          onBackToLive={backToLive}
          authorsHere={authorsHere}
          initials={initials}
          onInitials={setInitials}
        />
      )}
      <EditorContent editor={editor} />
      <DiscussedNote shown={discussed} />
    </div>
  );
}
