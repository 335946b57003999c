import StarterKit from '@tiptap/starter-kit';
import { Cosponsorship } from './cosponsorship';
import { TableNodes } from './table-nodes';

/**
 * What a section or goal may contain: the editors and the server (imports) build the same schema from
 * this list, so an imported file holds only what the editor can show and edit.
 */
export function documentExtensions(options: { editable: boolean; cosponsoredBy?: (names: string[]) => string }) {
  const { cosponsoredBy } = options;
  return [
    StarterKit.configure({ undoRedo: false, link: { openOnClick: !options.editable, autolink: true } }),
    TableNodes,
    cosponsoredBy ? Cosponsorship.configure({ label: cosponsoredBy }) : Cosponsorship,
  ];
}
