'use client';

import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH, EDITOR_FIELD } from '../../lib/shared/rooms';
import { CollaborationCaret } from './caret-extension';
import { ConnectionBadge } from './connection-badge';
import { Presence } from './presence';
import { Toolbar } from './toolbar';

export type EditorIdentity = { name: string; state: string | null; color: string; role: string };

type Props = {
  roomId: string;
  editable: boolean;
  identity: EditorIdentity;
  /** Shown instead of the toolbar when the server will not accept this user's edits. */
  readOnlyReason?: string;
  compact?: boolean;
};

type Live = { doc: Y.Doc; provider: WebsocketProvider };

/** A live, shared rich-text document: one y-websocket room, Tiptap bound to it, carets of the others. */
export function CollabEditor(props: Props) {
  const [live, setLive] = useState<Live | null>(null);
  useEffect(() => {
    const doc = new Y.Doc({ gc: false });
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const provider = new WebsocketProvider(`${scheme}://${window.location.host}${COLLAB_PATH}`, props.roomId, doc, {
      maxBackoffTime: 2_500,
    });
    setLive({ doc, provider });
    return () => {
      provider.destroy();
      doc.destroy();
    };
  }, [props.roomId]);

  if (!live) return <div className="editor-frame loading">Connecting…</div>;
  return <LiveEditor {...props} {...live} />;
}

function LiveEditor({ doc, provider, editable, identity, readOnlyReason, compact }: Props & Live) {
  useEffect(() => {
    provider.awareness.setLocalStateField('user', identity);
  }, [provider, identity]);

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        StarterKit.configure({ undoRedo: false, link: { openOnClick: !editable, autolink: true } }),
        Collaboration.configure({ document: doc, field: EDITOR_FIELD }),
        CollaborationCaret.configure({ awareness: provider.awareness }),
      ],
      editorProps: { attributes: { class: 'prose', 'aria-label': 'Document text', spellcheck: 'true' } },
    },
    [doc],
  );

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  return (
    <div className={`editor-frame${compact ? ' compact' : ''}`} data-editable={editable}>
      <div className="editor-bar">
        {editable && editor ? <Toolbar editor={editor} /> : <span className="read-only">{readOnlyReason ?? 'Read-only'}</span>}
        <span className="spacer" />
        <Presence awareness={provider.awareness} />
        <ConnectionBadge provider={provider} doc={doc} />
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
