import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { planMembers } from '../../db/schema';
import { changeRuns, type ChangeRun } from '../documents/change-runs';
import { documentHost } from '../documents/live-documents';
import { layoutAtVersion } from '../export/version-layout';
import { authorize } from '../permissions/authorize-action';
import { currentLayout, type SectionLayout } from '../plans/plan-layout';
import { goalRoom, sectionRoom } from '../shared/rooms';
import { markMoves, type MovedPlace } from './find-moves';

/** Text added or removed between two versions, in one stretch by one author. */
export type ChangedPassage = {
  text: string;
  /** The state whose coordinator wrote (added) or deleted (removed) it; null: the chair, or unattributed. */
  state: string | null;
  /** Set when the same words were removed in one place and added in another: where they went, or came from. */
  moved?: MovedPlace;
};

export type SectionComparison = {
  /** The section's id; null for the plan's goal. */
  sectionId: string | null;
  /** Its title and lead state in the later version (the earlier one's if it was since deleted). */
  title: string | null;
  /** 1-based, in the later version's order; null for the goal and for a section the later version no longer has. */
  number: number | null;
  leadState: string | null;
  /** In both versions, only in the later one (added to the plan), or only in the earlier one. */
  presence: 'both' | 'added' | 'removed';
  added: ChangedPassage[];
  removed: ChangedPassage[];
  /** Words added and removed per state, most first. */
  /** `movedWords`: of those, words moved here or away rather than written or deleted (see find-moves.ts). */
  byState: Array<{ state: string | null; addedWords: number; removedWords: number; movedWords: number }>;
};

export type PlanComparison = {
  from: { id: string; name: string };
  to: { id: string; name: string };
  /** The goal first, then the sections in the later version's order, then those it no longer has. */
  sections: SectionComparison[];
};

/**
 * Two named versions of the plan compared section by section: what text was added, removed and
 * moved, and by which state. Any member may compare. The text is read from each section's live document at the
 * two snapshots, so attribution is the server's record, as in History.
 */
export async function comparePlanVersions(
  db: Db,
  options: { userId: string; planId: string; fromId: string; toId: string },
): Promise<PlanComparison> {
  const { planId } = options;
  await authorize(db, { userId: options.userId, planId, action: { type: 'plan.read' } });
  const [from, to] = await Promise.all([
    layoutAtVersion(db, { planId, versionId: options.fromId }),
    layoutAtVersion(db, { planId, versionId: options.toId }),
  ]);
  const members = await db.select().from(planMembers).where(eq(planMembers.planId, planId));
  const stateOf = new Map(members.map((m) => [m.userId, m.stateCode]));
  const existing = new Set((await currentLayout(db, planId)).sections.map((s) => s.id));

  const compare = async (
    docId: string,
    layout: SectionLayout | null,
    presence: SectionComparison['presence'],
    number: number | null = null,
  ): Promise<SectionComparison> => {
    const before = from.snapshots.get(docId);
    const after = to.snapshots.get(docId);
    const runs =
      layout && !existing.has(layout.id)
        ? []
        : await documentHost().read(docId, (doc, users) => runsBetween(doc, users, before, after));
    return summarize(runs, stateOf, {
      sectionId: layout?.id ?? null,
      title: layout?.title ?? null,
      number,
      leadState: layout?.leadState ?? null,
      presence,
    });
  };

  const earlier = new Set(from.sections.map((s) => s.id));
  const later = new Set(to.sections.map((s) => s.id));
  const sections = [
    await compare(goalRoom(planId), null, 'both'),
    ...(await Promise.all(
      to.sections.map((s, i) => compare(sectionRoom(s.id), s, earlier.has(s.id) ? 'both' : 'added', i + 1)),
    )),
    ...(await Promise.all(
      from.sections.filter((s) => !later.has(s.id)).map((s) => compare(sectionRoom(s.id), s, 'removed')),
    )),
  ];
  markMoves(sections);
  for (const section of sections) countMoves(section);
  return { from: { id: from.id, name: from.name }, to: { id: to.id, name: to.name }, sections };
}

/**
 * The runs between two snapshots of a document; a document absent from one version counts as empty
 * there, so all its text at the other is added or removed.
 */
function runsBetween(
  doc: Y.Doc,
  users: Y.PermanentUserData,
  before: Uint8Array | undefined,
  after: Uint8Array | undefined,
): ChangeRun[] {
  if (!before && !after) return [];
  if (!after)
    return changeRuns(doc, users, Y.emptySnapshot, Y.decodeSnapshot(before!)).map((run) => ({
      ...run,
      change: 'removed',
    }));
  return changeRuns(doc, users, before ? Y.decodeSnapshot(before) : Y.emptySnapshot, Y.decodeSnapshot(after));
}

function summarize(
  runs: readonly ChangeRun[],
  stateOf: ReadonlyMap<string, string | null>,
  about: Pick<SectionComparison, 'sectionId' | 'title' | 'number' | 'leadState' | 'presence'>,
): SectionComparison {
  const added: ChangedPassage[] = [];
  const removed: ChangedPassage[] = [];
  const tally = new Map<string | null, { addedWords: number; removedWords: number }>();
  let last: { change: 'added' | 'removed'; passage: ChangedPassage } | null = null;
  for (const run of runs) {
    if (!run.change) {
      last = null;
      continue;
    }
    const state = (run.userId && stateOf.get(run.userId)) || null;
    const counts = tally.get(state) ?? { addedWords: 0, removedWords: 0 };
    counts[run.change === 'added' ? 'addedWords' : 'removedWords'] += words(run.text);
    tally.set(state, counts);
    // Runs split at every block (and mark): one state's consecutive words read as one passage.
    if (last && last.change === run.change && last.passage.state === state)
      last.passage.text += /\s$/.test(last.passage.text) || /^\s/.test(run.text) ? run.text : ` ${run.text}`;
    else {
      last = { change: run.change, passage: { text: run.text, state } };
      (run.change === 'added' ? added : removed).push(last.passage);
    }
  }
  const byState = [...tally.entries()]
    .map(([state, counts]) => ({ state, ...counts, movedWords: 0 }))
    .sort((a, b) => b.addedWords + b.removedWords - (a.addedWords + a.removedWords));
  return { ...about, added, removed, byState };
}

/**
 * Per state, the words of passages moved whole (not those that only hold moved words) count as moved,
 * not as added and removed: a paragraph moved within a section is its words moved once, not written
 * and deleted.
 */
function countMoves(section: SectionComparison): void {
  const moved = new Map<string | null, { added: number; removed: number }>();
  const tally = (list: ChangedPassage[], side: 'added' | 'removed') => {
    for (const passage of list) {
      if (!passage.moved || passage.moved.partly) continue;
      const counts = moved.get(passage.state) ?? { added: 0, removed: 0 };
      counts[side] += words(passage.text);
      moved.set(passage.state, counts);
    }
  };
  tally(section.added, 'added');
  tally(section.removed, 'removed');
  for (const entry of section.byState) {
    const counts = moved.get(entry.state);
    if (!counts) continue;
    entry.addedWords = Math.max(0, entry.addedWords - counts.added);
    entry.removedWords = Math.max(0, entry.removedWords - counts.removed);
    entry.movedWords = Math.max(counts.added, counts.removed);
  }
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
