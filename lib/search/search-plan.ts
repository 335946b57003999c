import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sectionComments, sections } from '../../db/schema';
import { planSections, type PlanSection } from '../consolidation/plan-sections';
import { documentHost } from '../documents/live-documents';
import { textBlocks } from '../documents/paragraphs';
import { authorize } from '../permissions/authorize-action';
import { findAll } from '../shared/find-text';
import { goalRoom, sectionRoom } from '../shared/rooms';

/** One paragraph where the text was found: its section, its place among the section's blocks, and the first match in context. */
export type SearchHit = {
  section: PlanSection;
  block: number;
  before: string;
  match: string;
  after: string;
  matches: number;
};

/** Where the words stand in a piece of text: the first match in context, and how many there are. */
export type Found = { before: string; match: string; after: string; matches: number };

/** A discussion message that holds the words, with who wrote it, in its section. */
export type MessageHit = Found & { id: string; sectionId: string; author: string };

/** Messages listed at most; the count says how many there were. */
const MAX_MESSAGES = 100;

/** Paragraphs listed at most; the count says how many there were. */
const MAX_HITS = 200;
const CONTEXT = 80;

/** What a search of the plan finds, as the plan page shows it. */
export type PlanSearchResults = {
  goal: Array<Found & { block: number }>;
  /** The sections where anything was found (their title, a paragraph or a message), in the plan's order. */
  sections: PlanSection[];
  titles: string[];
  hits: SearchHit[];
  paragraphs: number;
  messageHits: MessageHit[];
  messages: number;
};

/**
 * Everything of the plan that holds `query` (case and accents ignored), as it is now: the paragraphs of
 * its goal, the titles of its sections, the paragraphs of every section in the plan's order, and the
 * discussion messages (not withdrawn) of every section. For anyone who may read the plan (every member
 * reads every discussion channel).
 */
export async function searchPlan(
  db: Db,
  options: { userId: string; planId: string; query: string },
): Promise<PlanSearchResults> {
  await authorize(db, { userId: options.userId, planId: options.planId, action: { type: 'plan.read' } });
  const goalBlocks = await documentHost().read(goalRoom(options.planId), (doc) => textBlocks(doc).map((b) => b.text));
  const goal = goalBlocks.flatMap((text, block) => {
    const found = foundIn(text, options.query);
    return found ? [{ ...found, block }] : [];
  });
  const planned = await planSections(db, options.planId);
  const titles = planned.filter((s) => foundIn(s.title, options.query)).map((s) => s.id);
  const hits: SearchHit[] = [];
  for (const section of planned) {
    const blocks = await documentHost().read(sectionRoom(section.id), (doc) => textBlocks(doc).map((b) => b.text));
    blocks.forEach((text, block) => {
      const found = foundIn(text, options.query);
      if (found) hits.push({ section, block, ...found });
    });
  }
  const messageHits = (await planMessages(db, options.planId)).flatMap((m) => {
    const found = foundIn(m.body, options.query);
    return found ? [{ ...found, id: m.id, sectionId: m.sectionId, author: m.author }] : [];
  });
  const anything = new Set([...titles, ...hits.map((h) => h.section.id), ...messageHits.map((m) => m.sectionId)]);
  return {
    goal,
    sections: planned.filter((s) => anything.has(s.id)),
    titles,
    hits: hits.slice(0, MAX_HITS),
    paragraphs: hits.length,
    messageHits: messageHits.slice(0, MAX_MESSAGES),
    messages: messageHits.length,
  };
}

/** The first match of `query` in `text`, in context; null when there is none. */
function foundIn(text: string, query: string): Found | null {
  const found = findAll(text, query);
  if (!found.length) return null;
  const { from, to } = found[0]!;
  return {
    before: clip(text.slice(0, from), 'start'),
    match: text.slice(from, to),
    after: clip(text.slice(to), 'end'),
    matches: found.length,
  };
}

/** The plan's discussion messages that stand (not withdrawn), in the plan's order and then as posted, in one query. */
function planMessages(db: Db, planId: string) {
  return db
    .select({
      id: sectionComments.id,
      sectionId: sectionComments.sectionId,
      author: sectionComments.authorName,
      body: sectionComments.body,
    })
    .from(sectionComments)
    .innerJoin(sections, eq(sections.id, sectionComments.sectionId))
    .where(and(eq(sections.planId, planId), isNull(sectionComments.withdrawnAt)))
    .orderBy(asc(sections.position), asc(sectionComments.createdAt));
}

/** The context next to a match, cut at a word and marked where it is cut. */
function clip(text: string, keep: 'start' | 'end'): string {
  if (text.length <= CONTEXT) return text;
  if (keep === 'start') return `…${text.slice(text.length - CONTEXT).replace(/^\S*\s/, '')}`;
  return `${text.slice(0, CONTEXT).replace(/\s\S*$/, '')}…`;
}
