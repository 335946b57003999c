'use client';

import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
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
import { OverlapHighlights } from './extensions/overlap-highlights';
import { PassageMark } from './extensions/passage-mark';
import { FindNote } from './find-note';
import { ImportDocxButton } from './import-docx-button';
import { colorsByUser, labelsByUser } from './people';
import { Presence } from './presence';
import { readOnlyLabel, unsentWhy } from './read-only-reasons';
import { Toolbar } from './toolbar';
import { useFindHighlights } from './use-find-highlights';
import { useFirstSync } from './use-first-sync';
import { useOverlapHighlights } from './use-overlap-highlights';
import { usePassages } from './use-passages';
import { useServerAccess } from './use-server-access';

/** A room's document and its connection, open (CollabEditor). */
export type Live = { doc: Y.Doc; provider: WebsocketProvider };

/** The editor on an open connection: the text, its bar (toolbar, presence, saving), history views and unsent words. */
export function LiveEditor({ roomId, doc, provider, editable: initiallyEditable, identity, readOnlyReason, compact, people = {}, history, highlights, find, canDiscuss = false }: EditorProps & Live) {
  const t = useTranslations('LiveEditor');
  const readOnly = useTranslations('ReadOnly');
  const endedText = useTranslations('Ended');
  const { access, ended, notice } = useServerAccess(provider);
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
  const describeChange = useRef<DescribeChange>(() => '');
  describeChange.current = ({ type, person }) => {
    if (!person) return t('change.beforeAttribution');
    const values = { type, name: person.name };
    return person.state ? t('change.byState', { ...values, state: stateName(person.state) }) : t('change.byChair', values);
  };

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        // Configured once, for what the user may do: the wait for the document only pauses editing (setEditable),
        // and links must not turn into a reader's (opened in a new tab on click) for good.
        ...documentExtensions({ editable: mayWrite }),
        Collaboration.configure({
          document: doc,
          field: EDITOR_FIELD,
          ySyncOptions: { permanentUserData: new Y.PermanentUserData(doc), colorMapping: colorsByUser(people) },
        }),
        CollaborationCaret.configure({ awareness: provider.awareness, label: (user) => caretLabel.current(user) }),
        ChangeMark.configure({ people: labelsByUser(people), describe: (change) => describeChange.current(change) }),
        ChangeNodes,
        OverlapHighlights,
        FindHighlights,
        PassageMark,
      ],
      editorProps: { attributes: { class: 'prose', 'aria-label': t('text'), spellcheck: 'true' } },
    },
    [doc],
  );
  const textLabel = t('text');
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.setOptions({ editorProps: { attributes: { class: 'prose', 'aria-label': textLabel, spellcheck: 'true' } } });
  }, [editor, textLabel]);

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  useOverlapHighlights(editor, highlights);
  useFindHighlights(editor, find);
  const toLive = useCallback(() => setMode({ kind: 'live' }), []);
  const passages = usePassages(editor, roomId, { canDiscuss, live: mode.kind === 'live', arrived, toLive });

  return (
    <div className={`editor-frame${compact ? ' compact' : ''}`} data-editable={editable}>
      {ended && (
        <p role="alert" className="ended">
          {endedText(ended.why)} <a href={ended.href}>{ended.why === 'signedOut' ? endedText('signInAgain') : endedText('reload')}</a>
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
      <div className="editor-bar">
        {editable && editor ? (
          <>
            <Toolbar editor={editor} />
            {history && <ImportDocxButton sectionId={history.sectionId} />}
          </>
        ) : (
          <span className="read-only">{readOnlyLabel(readOnly, { mayWrite, arrived, viewing: mode.kind !== 'live', reason: initiallyEditable ? undefined : readOnlyReason })}</span>
        )}
        <span className="spacer" />
        {passages.canQuote && (
          <button type="button" className="secondary small" onClick={passages.discuss}>
            {t('discuss')}
          </button>
        )}
        {passages.missing && <span className="muted">{t('passageGone')}</span>}
        {find && <FindNote query={find.query} />}
        <Presence awareness={provider.awareness} />
        {save.restored && (
          <span className="muted">
            {t('restored')}
            {history && (
              <>
                {' · '}
                <button type="button" className="link" onClick={() => save.restored && setMode({ kind: 'changes', since: save.restored.before, what: { what: 'restored' } })}>
                  {t('showRestored')}
                </button>
              </>
            )}
          </span>
        )}
        <ConnectionBadge provider={provider} save={save.state} />
        {notice && !ended && save.state !== 'saved' && (
          // In the bar, which stays in view: the words were refused where the user is typing.
          <p role="alert" className="bar-notice">
            {notice} <a href="#unsent-heading">{t('unsentLink')}</a>
          </p>
        )}
      </div>
      {history && editor && (
        <DocumentViews editor={editor} doc={doc} ready={arrived} people={people} {...history} mode={mode} onMode={setMode} />
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
