import { Extension } from '@tiptap/core';

/** "Peru", "Peru and Mexico", "Peru, Mexico and Jamaica". */
export function listOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * A paragraph kept by the chair when merging overlapping proposals names the states that co-sponsor
 * it (shown after the text) and carries the id that cross-references in other sections link to.
 * Splitting the paragraph does not copy either: the new paragraph is nobody's merge.
 */
export const Cosponsorship = Extension.create<{ label: (names: string[]) => string }>({
  name: 'cosponsorship',
  addOptions() {
    // The editor gives the reader's words for it; the server's schema (imports) never renders it.
    return { label: (names: string[]) => `Co-sponsored by ${listOf(names)}` };
  },
  addGlobalAttributes() {
    const { label } = this.options;
    return [
      {
        types: ['paragraph', 'heading'],
        attributes: {
          cosponsors: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element) => element.getAttribute('data-cosponsors')?.split('; ') ?? null,
            renderHTML: (attributes) => {
              const names: unknown = attributes.cosponsors;
              if (!Array.isArray(names) || !names.length) return {};
              return {
                'data-cosponsors': names.join('; '),
                'data-cosponsored-by': label(names.map(String)),
                class: 'cosponsored',
              };
            },
          },
          mergeId: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element) => element.getAttribute('data-merge-id'),
            renderHTML: (attributes) =>
              typeof attributes.mergeId === 'string'
                ? { 'data-merge-id': attributes.mergeId, id: `merged-${attributes.mergeId}` }
                : {},
          },
        },
      },
    ];
  },
});
