'use client';

import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ACCESS_MESSAGE, NOTICE_MESSAGE, readAccessMessage, readNoticeMessage, type ConnectionAccess } from '../../../lib/shared/app-messages';
import { CloseCode } from '../../../lib/shared/close-codes';
import { documentExtensions } from '../../../lib/shared/document-extensions';
import { EDITOR_FIELD } from '../../../lib/shared/rooms';
import { stateColor, stateColorLight } from '../../../lib/shared/state-colors';
import { CollaborationCaret } from './extensions/caret-extension';
import { ChangeMark, ChangeNodes } from './extensions/change-marks';
import { DocumentViews, type Person, type ViewMode } from '../history/document-views';
import { ConnectionBadge } from './connection-badge';
import './editor-tables.css';
import { ImportDocxButton } from './import-docx-button';
import { FindHighlights, setFind, type Find } from './extensions/find-highlights';
import { PassageMark, usePassages } from './passages';
import type { LastVisit } from '../history/last-visit';
import { OverlapHighlights, setOverlapHighlights, type Highlight } from './extensions/overlap-highlights';
import { Presence } from './presence';
import { openRoom } from '../room/room-connection';
import { Toolbar } from './toolbar';
import { UnsentWords } from '../saving/unsent-words';
import { useSaveState } from '../saving/use-save-state';

/** Who is editing: `userId` keys what this browser keeps of their unsent edits; the rest is shown to others. */
export type EditorIdentity = { userId: string; name: string; state: string | null; color: string; role: string };

type Props = {
  roomId: string;
  editable: boolean;
  identity: EditorIdentity;
  /** Plan members by user id: whose words are whose in authorship and history views. */
  people?: Record<string, Person>;
  /** Section documents have a history panel and take imports; the goal does not. */
  history?: { sectionId: string; canName: boolean; canRestore: boolean; lastVisit?: LastVisit | null; showSinceVisit?: boolean };
  /** Shown instead of the toolbar when the server will not accept this user's edits. */
  readOnlyReason?: string;
  compact?: boolean;
  /** The plan page's goal: its connection is also sent the plan's activity (plan-activity.tsx). */
  followPlan?: boolean;
  /** Paragraphs to mark (overlaps); a focused one is scrolled into view once it is there. */
  highlights?: readonly Highlight[];
  /** Words found by the plan search: marked in the text, the chosen paragraph's scrolled into view. */
  find?: Find;
  /** Whether the user takes part in the section's discussion: a selected passage can be discussed there. */
  canDiscuss?: boolean;
};

type Live = { doc: Y.Doc; provider: WebsocketProvider };

type Decoder = Parameters<typeof readAccessMessage>[0];

/** Why the connection is over for good, and what the user can do about it. */
type Ended = { text: string; action: { href: string; label: string } };

/** What ends a session's connection for good, by close code; other closes reconnect on their own. */
function endedBy(code: number | undefined): Ended | null {
  const reload = { href: '', label: 'Reload' };
  if (code === CloseCode.Gone) return { text: 'This section was deleted.', action: reload };
  if (code === CloseCode.Forbidden) return { text: 'You no longer have access to this plan.', action: reload };
  if (code !== CloseCode.Unauthenticated) return null;
  // Reconnecting would only be refused until the user signs in again (unsent edits wait in the browser).
  const back = `/signin?callbackUrl=${encodeURIComponent(window.location.pathname)}`;
  return { text: 'Your session has ended.', action: { href: back, label: 'Sign in again' } };
}

/** Live permission from the server; null until the server has said. Ends the session when access is gone. */
function useServerAccess(provider: WebsocketProvider) {
  const [access, setAccess] = useState<ConnectionAccess | null>(null);
  const [ended, setEnded] = useState<Ended | null>(null);
  /** What the server said of a write it refused (a full document). */
  const [notice, setNotice] = useState<string | null>(null);
  // The page says why one may only read (a frozen section, another phase) and what else changed with it:
  // it is rendered again when what this connection may do changes, not on the first word of each connection.
  const router = useRouter();
  const previous = useRef<ConnectionAccess | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = access ?? before;
    if (before !== null && access !== null && access !== before) router.refresh();
  }, [access, router]);
  useEffect(() => {
    provider.messageHandlers[ACCESS_MESSAGE] = (_encoder: unknown, decoder: Decoder) => setAccess(readAccessMessage(decoder));
    provider.messageHandlers[NOTICE_MESSAGE] = (_encoder: unknown, decoder: Decoder) => setNotice(readNoticeMessage(decoder));
    const onClose = (event: CloseEvent | null) => {
      const end = endedBy(event?.code);
      if (!end) return;
      provider.disconnect();
      setEnded(end);
    };
    provider.on('connection-close', onClose);
    return () => provider.off('connection-close', onClose);
  }, [provider]);
  return { access, ended, notice };
}

/**
 * Whether the document has arrived once. Until then the page holds an empty document: typing into it
 * would merge, but at the start of a text the user has not seen yet. After that, a reconnection keeps the
 * editor open, and what is typed meanwhile is sent when the connection is back.
 */
function useFirstSync(provider: WebsocketProvider): boolean {
  const [synced, setSynced] = useState(provider.synced);
  useEffect(() => {
    if (synced) return;
    const onSync = (isSynced: boolean) => {
      if (isSynced) setSynced(true);
    };
    provider.on('sync', onSync);
    if (provider.synced) setSynced(true);
    return () => provider.off('sync', onSync);
  }, [provider, synced]);
  return synced;
}

/** A live, shared rich-text document: one y-websocket room, Tiptap bound to it, carets of the others. */
export function CollabEditor(props: Props) {
  const [live, setLive] = useState<Live | null>(null);
  useEffect(() => {
    const { doc, provider } = openRoom(props.roomId, { followPlan: props.followPlan });
    setLive({ doc, provider });
    return () => {
      provider.destroy();
      doc.destroy();
    };
  }, [props.roomId, props.followPlan]);

  if (!live) return <div className="editor-frame loading">Connecting…</div>;
  return <LiveEditor {...props} {...live} />;
}

function LiveEditor({ roomId, doc, provider, editable: initiallyEditable, identity, readOnlyReason, compact, people = {}, history, highlights, find, canDiscuss = false }: Props & Live) {
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
        CollaborationCaret.configure({ awareness: provider.awareness }),
        ChangeMark.configure({ people: labelsByUser(people) }),
        ChangeNodes,
        OverlapHighlights,
        FindHighlights,
        PassageMark,
      ],
      editorProps: { attributes: { class: 'prose', 'aria-label': 'Document text', spellcheck: 'true' } },
    },
    [doc],
  );

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
          {ended.text} <a href={ended.action.href}>{ended.action.label}</a>
        </p>
      )}
      <UnsentWords
        doc={doc}
        roomId={roomId}
        userId={identity.userId}
        shown={arrived && (!mayWrite || save.state === 'dropped')}
        why={unsentWhy(mayWrite, notice, initiallyEditable ? undefined : readOnlyReason)}
        canDiscuss={canDiscuss}
        refusedHere={save.state === 'refused' || save.state === 'dropped'}
        onShow={history && ((since) => setMode({ kind: 'changes', since, what: 'your words that were not added' }))}
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
          <span className="read-only">{readOnlyLabel({ mayWrite, arrived, viewing: mode.kind !== 'live', reason: initiallyEditable ? undefined : readOnlyReason })}</span>
        )}
        <span className="spacer" />
        {passages.canQuote && (
          <button type="button" className="secondary small" onClick={passages.discuss}>
            Discuss this passage
          </button>
        )}
        {passages.missing && <span className="muted">That passage is no longer in the text.</span>}
        {find && <FindNote query={find.query} />}
        <Presence awareness={provider.awareness} />
        {save.restored && (
          <span className="muted">
            Sent the edits this browser kept from your last visit
            {history && (
              <>
                {' · '}
                <button type="button" className="link" onClick={() => save.restored && setMode({ kind: 'changes', since: save.restored.before, what: 'the edits this browser kept, as sent' })}>
                  Show them
                </button>
              </>
            )}
          </span>
        )}
        <ConnectionBadge provider={provider} save={save.state} />
        {notice && !ended && save.state !== 'saved' && (
          // In the bar, which stays in view: the words were refused where the user is typing.
          <p role="alert" className="bar-notice">
            {notice} <a href="#unsent-heading">Your words that were not added</a>
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

/** Why the words this browser kept were not added (UnsentWords). */
function unsentWhy(mayWrite: boolean, notice: string | null, readOnlyReason: string | undefined): string {
  if (mayWrite) return `The server did not take them: ${notice ?? 'it refused these edits.'}`;
  const why = readOnlyLabel({ mayWrite, arrived: true, viewing: false, reason: readOnlyReason }).replace(/^Read-only — /, '');
  return `You typed them while this page could not reach the server, and meanwhile you may no longer write in this section (${why}).`;
}

/** Why the toolbar is not there. */
function readOnlyLabel({ mayWrite, arrived, viewing, reason }: { mayWrite: boolean; arrived: boolean; viewing: boolean; reason: string | undefined }): string {
  if (!mayWrite) return reason ?? 'Read-only — your permissions changed';
  if (!arrived) return 'Loading the document…';
  return viewing ? 'Viewing — back to the live text to edit' : '';
}

function FindNote({ query }: { query: string }) {
  const pathname = usePathname();
  return (
    <span className="small">
      Marked: <mark className="find-match">{query}</mark> · <Link href={pathname}>Clear</Link>
    </span>
  );
}

function useFindHighlights(editor: Editor | null, find: Find | undefined) {
  const query = find?.query;
  const block = find?.block;
  useEffect(() => {
    if (!editor) return;
    setFind(editor, query === undefined ? null : { query, block: block ?? 0 });
    if (query !== undefined) return scrollToWhenThere(editor, '.find-match.focused');
  }, [editor, query, block]);
}

const NO_HIGHLIGHTS: readonly Highlight[] = [];

function useOverlapHighlights(editor: Editor | null, highlights: readonly Highlight[] = NO_HIGHLIGHTS) {
  useEffect(() => {
    if (!editor) return;
    setOverlapHighlights(editor, highlights);
    const focused = highlights.find((h) => h.focused);
    if (focused) return scrollToWhenThere(editor, `[data-overlap-id="${focused.id}"]`);
  }, [editor, highlights]);

  // A cross-reference's target (#merged-…) exists only once the document has synced.
  useEffect(() => {
    const hash = window.location.hash;
    if (editor && /^#merged-[0-9a-f-]+$/.test(hash)) return scrollToWhenThere(editor, hash);
  }, [editor]);
}

/** Scrolls to an element of the document as soon as it is there (after sync), trying for a few seconds. */
function scrollToWhenThere(editor: Editor, selector: string): () => void {
  let tries = 0;
  const timer = setInterval(() => {
    const element = editor.view.dom.querySelector(selector);
    if (element || ++tries > 25) clearInterval(timer);
    element?.scrollIntoView({ block: 'center' });
  }, 200);
  return () => clearInterval(timer);
}

function colorsByUser(people: Record<string, Person>): Map<string, { light: string; dark: string }> {
  return new Map(Object.entries(people).map(([id, p]) => [id, { light: stateColorLight(p.state?.code), dark: stateColor(p.state?.code) }]));
}

function labelsByUser(people: Record<string, Person>): Record<string, { name: string; state: string | null }> {
  return Object.fromEntries(Object.entries(people).map(([id, p]) => [id, { name: p.name, state: p.state?.name ?? null }]));
}
