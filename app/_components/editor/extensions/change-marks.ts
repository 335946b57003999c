import { Extension, Mark } from '@tiptap/core';

export type ChangePerson = { name: string; state: string | null };
type YChange = { user: string | null; type: 'added' | 'removed'; color?: { light: string; dark: string } };

/** Who wrote or removed a change, in words (hover title): the author (undefined: written before attribution). */
export type DescribeChange = (change: { type: 'added' | 'removed'; person: ChangePerson | undefined }) => string;

/**
 * The `ychange` mark that @tiptap/y-tiptap puts on text when it renders a snapshot: text coloured by
 * the state of its author, removed text struck through, and the author named on hover (`describe`, in
 * the reader's language).
 */
export const ChangeMark = Mark.create<{ people: Record<string, ChangePerson>; describe: DescribeChange }>({
  name: 'ychange',
  inclusive: false,
  excludes: '',
  addOptions: () => ({ people: {}, describe: ({ person }) => person?.name ?? '' }),
  addAttributes: () => ({
    user: { default: null, renderHTML: () => ({}) },
    type: { default: null, renderHTML: () => ({}) },
    color: { default: null, renderHTML: () => ({}) },
  }),
  renderHTML({ mark }) {
    const change = mark.attrs as YChange;
    const person = change.user ? this.options.people[change.user] : undefined;
    const who = this.options.describe({ type: change.type, person });
    return [
      'span',
      {
        class: change.color ? `ychange ychange-${change.type} by-state` : `ychange ychange-${change.type}`,
        'data-state': person?.state ?? '',
        // The title shows on hover only; `data-who` is read before the run (globals.css), so a screen reader hears it too.
        title: who,
        'data-who': who,
        // The tint's strength is the stylesheet's, lighter on a light page than on a dark one.
        style: change.color ? `--by: ${change.color.dark}` : '',
      },
      0,
    ];
  },
});

/** Block nodes carry the same attribute when a whole paragraph was added or removed. */
export const ChangeNodes = Extension.create({
  name: 'ychangeNodes',
  addGlobalAttributes: () => [
    {
      types: [
        'paragraph',
        'heading',
        'bulletList',
        'orderedList',
        'listItem',
        'blockquote',
        'codeBlock',
        'horizontalRule',
      ],
      attributes: {
        ychange: {
          default: null,
          renderHTML: (attrs) => {
            const change = attrs.ychange as YChange | null;
            return change ? { class: `ychange-block ychange-${change.type}` } : {};
          },
        },
      },
    },
  ],
});
