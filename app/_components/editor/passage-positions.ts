import type { Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { base64FromBytes, bytesFromBase64 } from '../../../lib/shared/base64';
import { QUOTE_MAX_CHARS, type Quote } from '../../../lib/shared/discussion';
import { syncOf, type Sync } from './extensions/y-sync-state';

/** The selected passage of the live text, to discuss: its text, and its place as Yjs positions that follow edits. */
export function selectedPassage(editor: Editor): Quote | null {
  const { state } = editor;
  const sync = syncOf(state);
  const { from, to, empty } = state.selection;
  const text = state.doc.textBetween(from, to, '\n').trim();
  if (!sync || empty || !text) return null;
  // The editor's positions lean on the character before them (as a caret does); the passage's start must
  // lean on its first character instead, so that words typed just before it stay outside it.
  const at = (pos: number, assoc: -1 | 0) => {
    const leaning = absolutePositionToRelativePosition(
      pos,
      sync.type,
      sync.binding!.mapping as never,
    ) as Y.RelativePosition;
    const place = Y.createAbsolutePositionFromRelativePosition(leaning, sync.doc);
    const relative = place ? Y.createRelativePositionFromTypeIndex(place.type, place.index, assoc) : leaning;
    return base64FromBytes(Y.encodeRelativePosition(relative));
  };
  const quoted = text.length > QUOTE_MAX_CHARS ? `${text.slice(0, QUOTE_MAX_CHARS - 1)}…` : text;
  return { text: quoted, from: at(from, 0), to: at(to, -1) };
}

/**
 * The editor position of a Yjs one. y-tiptap refuses a position on a character that resolves to the
 * very start of the document (it takes it for one misplaced by blocks moved by drag and drop), which the
 * first words of a section are: within a text, count from the text's start instead, which it accepts.
 */
function editorPosition(sync: Sync, relative: Y.RelativePosition): number | null {
  const mapping = sync.binding!.mapping as never;
  const place = Y.createAbsolutePositionFromRelativePosition(relative, sync.doc);
  if (!place) return null;
  const item = place.type._item;
  if (!(place.type instanceof Y.XmlText) || !item)
    return relativePositionToAbsolutePosition(sync.doc, sync.type, relative, mapping);
  if (item.deleted) return null;
  const start = relativePositionToAbsolutePosition(
    sync.doc,
    sync.type,
    new Y.RelativePosition(item.id, null, null, -1),
    mapping,
  );
  return start === null ? null : start + place.index;
}

/** Where a quoted passage stands in the live text now; null when its text was deleted. */
export function placeOf(state: EditorState, quote: Quote): { from: number; to: number } | null {
  const sync = syncOf(state);
  if (!sync) return null;
  try {
    const from = editorPosition(sync, Y.decodeRelativePosition(bytesFromBase64(quote.from)));
    const to = editorPosition(sync, Y.decodeRelativePosition(bytesFromBase64(quote.to)));
    if (from === null || to === null || from >= to || to > state.doc.content.size) return null;
    return { from, to };
  } catch {
    return null;
  }
}
