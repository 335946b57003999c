import * as Y from 'yjs';
import { EDITOR_FIELD } from '../shared/rooms';

export type ChangeRun = { text: string; change: 'added' | 'removed' | null; userId: string | null };

/**
 * The text at `to` in runs, marking what was added or removed since `from` and by whom (userId null:
 * written before attribution existed, e.g. seeded). Removed text is kept where it stood.
 */
export function changeRuns(doc: Y.Doc, users: Y.PermanentUserData, from: Y.Snapshot, to: Y.Snapshot): ChangeRun[] {
  const runs: ChangeRun[] = [];
  const who = (change: 'added' | 'removed', id: Y.ID) => ({
    change,
    user: change === 'added' ? users.getUserByClientId(id.client) : users.getUserByDeletedId(id),
  });
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of Y.typeListToArraySnapshot(node, new Y.Snapshot(from.ds, to.sv))) {
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta(to, from, who) as Array<{
          insert: unknown;
          attributes?: { ychange?: { change: 'added' | 'removed'; user: string | null } };
        }>) {
          if (typeof op.insert !== 'string') continue;
          const ychange = op.attributes?.ychange;
          runs.push({ text: op.insert, change: ychange?.change ?? null, userId: ychange?.user ?? null });
        }
      } else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment(EDITOR_FIELD));
  return runs;
}

/** The current text in runs by the user who wrote them. */
export function attributedRuns(doc: Y.Doc, users: Y.PermanentUserData): ChangeRun[] {
  return changeRuns(doc, users, Y.emptySnapshot, Y.snapshot(doc));
}

/** Characters of the current text per user id ('' for text without attribution). */
export function charactersByUser(doc: Y.Doc, users: Y.PermanentUserData): Map<string, number> {
  const counts = new Map<string, number>();
  for (const run of attributedRuns(doc, users))
    counts.set(run.userId ?? '', (counts.get(run.userId ?? '') ?? 0) + run.text.length);
  return counts;
}
