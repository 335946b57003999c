'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { openRoom } from '../room/room-connection';
import type { EditorProps } from './editor-props';
import { LiveEditor, type Live } from './live-editor';

/** A live, shared rich-text document: one y-websocket room, Tiptap bound to it, carets of the others. */
export function CollabEditor(props: EditorProps) {
  const t = useTranslations('CollabEditor');
  const [live, setLive] = useState<Live | null>(null);
  useEffect(() => {
    const { doc, provider } = openRoom(props.roomId, { followPlan: props.followPlan });
    setLive({ doc, provider });
    return () => {
      provider.destroy();
      doc.destroy();
    };
  }, [props.roomId, props.followPlan]);

  if (!live) return <div className="editor-frame loading">{t('connecting')}</div>;
  return <LiveEditor {...props} {...live} />;
}
