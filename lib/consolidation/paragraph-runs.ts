import * as Y from 'yjs';

/** A run of a paragraph's text by one author, with its formatting (marks such as links). */
export type ParagraphRun = { text: string; userId: string | null; attributes: Record<string, unknown> };

/** The paragraph's single text node, when it holds only text (no inline nodes such as hard breaks). */
export function plainText(paragraph: Y.XmlElement): Y.XmlText | null {
  const children = paragraph.toArray();
  const only = children.length === 1 && children[0] instanceof Y.XmlText ? children[0] : null;
  if (!only) return null;
  return (only.toDelta() as Array<{ insert: unknown }>).every((op) => typeof op.insert === 'string') ? only : null;
}

/** A text node's characters without its marks (XmlText.toString() writes marks as tags). */
export function plainString(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>)
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/**
 * The paragraph's text in runs by author and formatting, or null when it holds inline nodes. The document
 * must keep deleted content (gc off), as every live document does.
 */
export function paragraphRuns(doc: Y.Doc, users: Y.PermanentUserData, paragraph: Y.XmlElement): ParagraphRun[] | null {
  const text = plainText(paragraph);
  if (!text) return null;
  const who = (change: 'added' | 'removed', id: Y.ID) => ({ change, user: users.getUserByClientId(id.client) ?? null });
  const ops = text.toDelta(Y.snapshot(doc), Y.emptySnapshot, who) as Array<{
    insert: string;
    attributes?: Record<string, unknown> & { ychange?: { user: string | null } };
  }>;
  return ops.map(({ insert, attributes = {} }) => {
    const { ychange, ...marks } = attributes;
    return { text: insert, userId: ychange?.user ?? null, attributes: marks };
  });
}

/** The runs' text. */
export function runsText(runs: readonly ParagraphRun[]): string {
  return runs.map((r) => r.text).join('');
}
