import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { useEffect } from 'react';
import * as Y from 'yjs';
import { bytesFromBase64 } from '../../../lib/shared/base64';
import type { ParagraphRow } from '../../../lib/shared/paragraph-status';
import { parseRoom } from '../../../lib/shared/rooms';
import { decorationExtension } from '../editor/extensions/decoration-extension';
import { syncOf } from '../editor/extensions/y-sync-state';
import { followNegotiation } from './follow-negotiation';

type Marked = { paragraphs: readonly ParagraphRow[]; label: (row: ParagraphRow) => string };

/** Where each paragraph with a status stands in the editor now: found by its anchor, so it follows edits. */
function placed(
  state: EditorState,
  rows: readonly ParagraphRow[],
): Array<{ row: ParagraphRow; from: number; node: PmNode }> {
  const sync = syncOf(state);
  if (!sync) return [];
  const top = sync.type.toArray();
  const offsets: number[] = [];
  state.doc.forEach((_node, offset) => offsets.push(offset));
  const out: Array<{ row: ParagraphRow; from: number; node: PmNode }> = [];
  for (const row of rows) {
    if (!row.status) continue;
    const place = Y.createAbsolutePositionFromRelativePosition(
      Y.decodeRelativePosition(bytesFromBase64(row.anchor)),
      sync.doc,
    );
    const index = place ? top.indexOf(place.type as Y.XmlElement) : -1;
    const from = offsets[index];
    if (index < 0 || from === undefined) continue;
    out.push({ row, from, node: state.doc.child(index) });
  }
  return out;
}

/**
 * Shows each paragraph's status in the live text, as decorations that are never typed or copied: a
 * bracketed paragraph between [ and ], one agreed ad referendum followed by the states that hold it so,
 * an agreed one tinted and labelled.
 */
const marks = decorationExtension<Marked>('paragraphStatus', (state, value) => {
  if (!value) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const { row, from, node } of placed(state, value.paragraphs)) {
    const to = from + node.nodeSize;
    decorations.push(
      Decoration.node(
        from,
        to,
        { class: `status-${row.status}`, 'data-status': row.status! },
        { agreed: row.status === 'agreed' },
      ),
    );
    if (row.status === 'bracketed') {
      decorations.push(Decoration.widget(from + 1, () => bracket('['), { side: -1, key: `open-${row.anchor}` }));
      decorations.push(Decoration.widget(to - 1, () => bracket(']'), { side: 1, key: `close-${row.anchor}` }));
    } else {
      const label = value.label(row);
      decorations.push(Decoration.widget(to - 1, () => note(label), { side: 2, key: `note-${row.anchor}-${label}` }));
    }
  }
  return DecorationSet.create(state.doc, decorations);
});

/** A bracket drawn in the text, never typed or selected. */
export function bracket(text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'status-bracket';
  span.textContent = text;
  span.contentEditable = 'false';
  return span;
}

function note(text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'status-note';
  span.textContent = ` ${text}`;
  span.contentEditable = 'false';
  return span;
}

const lockKey = new PluginKey('agreedParagraphLock');

/**
 * Keeps the user's own typing out of agreed paragraphs: a courtesy only, the server refuses such writes
 * (server/collab/rooms/paragraph-locks.ts). Changes arriving from the shared document pass.
 */
const lock = new Plugin({
  key: lockKey,
  filterTransaction: (tr, state) => {
    if (!tr.docChanged || tr.getMeta(ySyncPluginKey)) return true;
    const agreed = marks.key.getState(state)?.find(undefined, undefined, (spec) => spec.agreed === true) ?? [];
    if (!agreed.length) return true;
    let touches = false;
    // Steps map through one another: each is checked against the agreed paragraphs where they stand then.
    tr.steps.forEach((step, i) => {
      const mapping = tr.mapping.slice(0, i);
      step.getMap().forEach((oldStart, oldEnd) => {
        for (const d of agreed) {
          const from = mapping.map(d.from, 1);
          const to = mapping.map(d.to, -1);
          if (oldStart < to && oldEnd > from) touches = true;
        }
      });
    });
    return !touches;
  },
});

export const ParagraphStatusMarks = marks.extension.extend({
  addProseMirrorPlugins() {
    return [...(this.parent?.() ?? []), lock];
  },
});

/** Keeps the marks in step with the section's statuses: fetched once, then as the server sends them. */
export function useParagraphStatusMarks(
  editor: Editor | null,
  roomId: string,
  label: (row: ParagraphRow) => string,
): void {
  useEffect(() => {
    const room = parseRoom(roomId);
    if (!editor || room?.kind !== 'section') return;
    const show = (paragraphs: ParagraphRow[]) => {
      if (!editor.isDestroyed) marks.set(editor, { paragraphs, label });
    };
    return followNegotiation(roomId, `/api/sections/${room.sectionId}/paragraph-status`, {
      read: (body) => (body as { paragraphs: ParagraphRow[] }).paragraphs,
      pushed: (event) => event.paragraphs,
      show,
    });
  }, [editor, roomId, label]);
}
