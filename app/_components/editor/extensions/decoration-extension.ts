import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { DecorationSet, type EditorProps } from '@tiptap/pm/view';

/**
 * A Tiptap extension that marks the text from a value given per editor (`set`): the marks are worked
 * out again whenever the document changes, so they follow the live text as people type.
 */
export function decorationExtension<T>(
  name: string,
  decorate: (state: EditorState, value: T | undefined) => DecorationSet,
  props: EditorProps = {},
) {
  const key = new PluginKey<DecorationSet>(name);
  const values = new WeakMap<Editor, T>();
  const extension = Extension.create({
    name,
    addProseMirrorPlugins() {
      const editor = this.editor;
      return [
        new Plugin<DecorationSet>({
          key,
          state: {
            init: () => DecorationSet.empty,
            apply: (tr, set, _old, state) =>
              tr.docChanged || tr.getMeta(key) ? decorate(state, values.get(editor)) : set,
          },
          props: { ...props, decorations: (state) => key.getState(state) },
        }),
      ];
    },
  });
  const set = (editor: Editor, value: T): void => {
    values.set(editor, value);
    if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(key, true));
  };
  return { extension, set, key };
}
