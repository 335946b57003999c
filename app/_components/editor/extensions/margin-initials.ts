import { Extension, type Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import * as Y from 'yjs';
import { EDITOR_FIELD } from '../../../../lib/shared/rooms';
import { statesByShare } from '../../../../lib/shared/states-by-share';
import { runsOf } from '../authors-here';

/** How long the initials wait for typing to pause before they are counted again, in milliseconds. */
const RECOUNT_MS = 400;

type Source = {
  doc: Y.Doc;
  users: Y.PermanentUserData;
  /** A user id's state code (ISO alpha-3), or null for the chair, seeded text and former members. */
  stateOf: (userId: string) => string | null;
  /** The words a screen reader or tooltip gives for a block's codes ("Peru, Mexico"). */
  describe: (codes: string[]) => string;
};

type Initials = { on: boolean; set: DecorationSet };

const key = new PluginKey<Initials>('marginInitials');
const sources = new WeakMap<Editor, Source>();

/**
 * The states that wrote each paragraph, as their ISO codes in the right margin ("PER", "MEX"), most
 * characters first: authorship that needs no colour and prints. Counted from the Yjs items of each
 * top-level block (one per child of the fragment), so only while the live text is shown; counted again
 * once typing pauses, the marks following the text in between.
 */
export const MarginInitials = Extension.create({
  name: 'marginInitials',
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin<Initials>({
        key,
        state: {
          init: () => ({ on: false, set: DecorationSet.empty }),
          apply: (tr, value) => {
            const meta = tr.getMeta(key) as Partial<Initials> | undefined;
            const on = meta?.on ?? value.on;
            if (!on) return { on, set: DecorationSet.empty };
            return { on, set: meta?.set ?? value.set.map(tr.mapping, tr.doc) };
          },
        },
        props: { decorations: (state) => key.getState(state)?.set },
        view: () => {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const recount = () => {
            const source = sources.get(editor);
            if (!source || editor.isDestroyed || !key.getState(editor.state)?.on) return;
            editor.view.dispatch(editor.state.tr.setMeta(key, { set: decorate(editor.state.doc, source) }));
          };
          return {
            update: (view, previous) => {
              const now = key.getState(view.state);
              const before = key.getState(previous);
              if (!now?.on) return;
              // Counted after this update, not inside it: a view's update must not dispatch.
              if (!before?.on) timer = setTimeout(recount, 0);
              else if (!view.state.doc.eq(previous.doc)) {
                clearTimeout(timer);
                timer = setTimeout(recount, RECOUNT_MS);
              }
            },
            destroy: () => clearTimeout(timer),
          };
        },
      }),
    ];
  },
});

/** Shows or hides the initials; `source` says whose words are whose. */
export function showMarginInitials(editor: Editor, on: boolean, source: Source): void {
  sources.set(editor, source);
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(key, { on }));
}

function decorate(pmDoc: PmNode, source: Source): DecorationSet {
  const fragment = source.doc.getXmlFragment(EDITOR_FIELD);
  const snapshot = Y.snapshot(source.doc);
  const widgets: Decoration[] = [];
  pmDoc.forEach((block, offset, index) => {
    const at = textStart(block, offset);
    if (at === null) return;
    const runs = runsOf(fragment.get(index) as Y.XmlElement | undefined, source.users, snapshot);
    const codes = statesByShare(runs.map((run) => ({ state: source.stateOf(run.userId), text: run.text })));
    if (codes.length === 0) return;
    widgets.push(
      Decoration.widget(at, () => initials(codes, source.describe(codes)), {
        side: -1,
        key: `initials:${codes.join(' ')}`,
        ignoreSelection: true,
        marks: [],
      }),
    );
  });
  return DecorationSet.create(pmDoc, widgets);
}

/** Where a block's first line starts: in a paragraph or heading, or the first one within a list or quotation; null in a table. */
function textStart(block: PmNode, offset: number): number | null {
  if (block.isTextblock) return offset + 1;
  if (block.type.name === 'table') return null;
  let found: number | null = null;
  block.descendants((child, pos) => {
    if (found !== null) return false;
    if (child.isTextblock) found = offset + 1 + pos + 1;
    return found === null;
  });
  return found;
}

function initials(codes: string[], words: string): HTMLElement {
  const margin = document.createElement('span');
  margin.className = 'margin-initials';
  margin.contentEditable = 'false';
  // The names are said by "Who wrote this?" at the caret; read here, the codes would interrupt the sentence.
  margin.setAttribute('aria-hidden', 'true');
  margin.title = words;
  for (const code of codes) {
    const item = document.createElement('span');
    item.textContent = code;
    margin.append(item);
  }
  return margin;
}
