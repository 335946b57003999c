import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { documentHost } from '../documents/live-documents';
import { numberedParagraphs } from '../documents/paragraphs';
import { paragraphNumber, type SectionNumbering } from '../shared/paragraph-numbers';
import { EDITOR_FIELD, sectionRoom } from '../shared/rooms';
import { planNumbering } from './plan-numbering';

const MERGED_LINK = /#merged-([0-9a-f-]{36})$/i;

/**
 * The number each merged paragraph a section's cross-references point to has now, by merge id, in the
 * plan's numbering: the editor shows it in place of the words the merge wrote ("See 2.3"), as the exports
 * do. Empty, and no other section read, when the section refers to none.
 */
export async function referencedNumbers(
  db: Db,
  planId: string,
  sectionId: string,
  numberings?: ReadonlyMap<string, SectionNumbering>,
): Promise<Record<string, string>> {
  const wanted = await documentHost().read(sectionRoom(sectionId), mergeLinks);
  if (!wanted.size) return {};
  const numbering = numberings ?? (await planNumbering(db, planId));
  const numbers: Record<string, string> = {};
  for (const [id, own] of numbering)
    await documentHost().read(sectionRoom(id), (doc) =>
      numberedParagraphs(doc).forEach(({ element }, index) => {
        const mergeId: unknown = element.getAttribute('mergeId');
        if (typeof mergeId === 'string' && wanted.has(mergeId)) numbers[mergeId] = paragraphNumber(own, index);
      }),
    );
  return numbers;
}

/** The merge ids a document's links point to. */
function mergeLinks(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement) walk(child);
      else if (child instanceof Y.XmlText)
        for (const op of child.toDelta() as Array<{ attributes?: { link?: { href?: unknown } } }>) {
          const href = op.attributes?.link?.href;
          const id = typeof href === 'string' ? MERGED_LINK.exec(href)?.[1] : undefined;
          if (id) ids.add(id.toLowerCase());
        }
    }
  };
  walk(doc.getXmlFragment(EDITOR_FIELD));
  return ids;
}
