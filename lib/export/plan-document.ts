import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { paragraphStatuses, planMembers, plans } from '../../db/schema';
import { changeRuns, type ChangeRun } from '../documents/change-runs';
import { contentAt } from '../documents/snapshots';
import { documentHost } from '../documents/live-documents';
import { memoByRevision } from '../documents/memo-by-revision';
import { appError } from '../i18n/error-text';
import { authorize } from '../permissions/authorize-action';
import type { Locale } from '../i18n/locales';
import { EDITOR_FIELD, goalRoom, sectionRoom } from '../shared/rooms';
import { listPlanAmendments } from '../negotiation/list-amendments';
import { statusViews } from '../negotiation/paragraph-statuses';
import type { ParagraphStatusView } from '../shared/paragraph-status';
import { amendmentsAnnex, trackedChanges } from './amendments-annex';
import type { Block, CompiledSection, PlanDocument } from './blocks';
import { contributionsAnnex, type Contributor } from './contributions';
import { exportLabels, type ExportLabels } from './labels';
import { currentLayout } from '../plans/plan-layout';
import { numberParagraphs } from './number-paragraphs';
import { readBlocks } from './read-blocks';
import { layoutAtVersion } from './version-layout';
import { markStatuses } from './mark-statuses';
import { markSpans } from './mark-spans';
import { sectionSpanRows, spanViews } from '../negotiation/bracketed-spans';
import type { BracketedSpanView } from '../shared/bracketed-spans';
import { attachReservations } from './attach-reservations';
import { reservationsByNumber, sectionReservationRows } from '../negotiation/paragraph-reservations';
import type { ReservationView } from '../shared/paragraph-status';

export type CompileOptions = {
  userId: string;
  planId: string;
  /** A plan version (plan_versions id): its text rather than the current one. */
  versionId?: string | null;
  /** Add the annex of contributions by state. */
  annex?: boolean;
  /** The language of the words around the text; the plan's own when not given. */
  language?: Locale | null;
  /** Mark each run of the current text with the user who wrote it (the plan on one page); ignored for a version. */
  authorship?: boolean;
};

type Read = { blocks: Block[]; runs: ChangeRun[] };

/** The plan as one document — document block, title, goal, sections in order — now or at a named version. */
export async function compilePlan(db: Db, options: CompileOptions): Promise<PlanDocument> {
  const { planId } = options;
  await authorize(db, { userId: options.userId, planId, action: { type: 'plan.read' } });
  const [plan] = await db.select({ title: plans.title }).from(plans).where(eq(plans.id, planId));
  if (!plan) throw appError('not_found', 'noSuchPlan');
  const version = options.versionId ? await layoutAtVersion(db, { planId, versionId: options.versionId }) : null;
  const { metadata, sections } = version ?? (await currentLayout(db, planId));
  const language = options.language ?? metadata.language;
  const labels = exportLabels(language);
  const stateName = labels.stateName;

  const sectionIds = new Set(sections.map((s) => s.id));
  const sectionLink = new RegExp(`/plans/${planId}/sections/([0-9a-f-]{36})(?:[?#]|$)`, 'i');
  const crossReference = (href: string) => {
    const id = sectionLink.exec(href)?.[1]?.toLowerCase();
    return id && sectionIds.has(id) ? id : null;
  };

  // Everything the blocks depend on besides the document: links between sections, the language, authorship.
  const readKey = JSON.stringify([language, Boolean(options.authorship), [...sectionIds]]);
  const read = async (docId: string): Promise<Read> => {
    const snapshot = version?.snapshots.get(docId);
    return documentHost().read(docId, (doc, users) => {
      const content = snapshot ? contentAt(doc, snapshot) : doc;
      const readText = () =>
        readBlocks(content.getXmlFragment(EDITOR_FIELD), {
          crossReference,
          cosponsoredBy: labels.cosponsoredBy,
          ...(options.authorship && !snapshot && { authorship: { users, now: Y.snapshot(doc) } }),
        });
      // The current text is read once per change of the document, whoever asks; a version's text is read each time.
      const blocks = snapshot ? readText() : memoByRevision(doc, readKey, readText);
      const at = snapshot ? Y.decodeSnapshot(snapshot) : Y.snapshot(doc);
      return { blocks, runs: options.annex ? changeRuns(doc, users, Y.emptySnapshot, at) : [] };
    });
  };
  const [goal, ...texts] = await Promise.all([read(goalRoom(planId)), ...sections.map((s) => read(sectionRoom(s.id)))]);

  const numbered = numberParagraphs(
    sections.map((section, i) => ({
      id: section.id,
      number: i + 1,
      title: section.title,
      leadState: stateName(section.leadState),
      coEditingStates: section.coEditingStates.map(stateName),
      stateCodes: { lead: section.leadState, coEditing: [...section.coEditingStates] },
      blocks: texts[i]!.blocks,
    })),
    new Map(),
    metadata.numbering,
  );
  // Spans in brackets, statuses and pending amendments belong to the text as it is now, not to a version of it.
  const spans = version
    ? { sections: numbered, notes: new Map<string, Map<string, string[]>>() }
    : markSpans(numbered, await currentSpans(db, numbered), labels);
  const marked = version
    ? spans.sections
    : markStatuses(spans.sections, await currentStatuses(db, planId, spans.sections), labels);
  // Reservations too are on the text as it is now.
  const { sections: compiled, footnotes } = version
    ? { sections: marked, footnotes: [] }
    : attachReservations(marked, await currentReservations(db, marked), labels, spans.notes);
  const amendments = version ? [] : await listPlanAmendments(db, { userId: options.userId, planId });
  return {
    language,
    documentBlock: metadata,
    title: plan.title,
    goal: goal.blocks,
    // A section with no text yet says so, rather than print its heading over nothing.
    sections: compiled.map((section) =>
      section.blocks.length
        ? section
        : {
            ...section,
            blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: labels.noText, marks: { italic: true } }] }],
          },
    ),
    version: version && { id: version.id, name: version.name },
    amendments: amendmentsAnnex(amendments, labels),
    trackedChanges: trackedChanges(amendments, labels),
    footnotes,
    annex: options.annex
      ? contributionsAnnex({
          sections: compiled.map((section, i) => ({ ...section, runs: texts[i]!.runs })),
          labels,
          contributor: await contributorLabels(db, planId, labels),
        })
      : null,
  };
}

/** Each section's paragraph statuses, numbered as the compiled sections are. */
async function currentStatuses(
  db: Db,
  planId: string,
  sections: readonly CompiledSection[],
): Promise<Map<string, ParagraphStatusView[]>> {
  const rows = await db.select().from(paragraphStatuses).where(eq(paragraphStatuses.planId, planId));
  const statuses = new Map<string, ParagraphStatusView[]>();
  for (const section of sections) {
    const own = rows.filter((r) => r.sectionId === section.id);
    if (own.length)
      statuses.set(
        section.id,
        await documentHost().read(sectionRoom(section.id), (doc) =>
          statusViews(doc, own, section.numbering ?? section.number),
        ),
      );
  }
  return statuses;
}

/** Each section's spans in brackets, numbered as the compiled sections are. */
async function currentSpans(db: Db, sections: readonly CompiledSection[]): Promise<Map<string, BracketedSpanView[]>> {
  const spans = new Map<string, BracketedSpanView[]>();
  for (const section of sections) {
    const rows = await sectionSpanRows(db, section.id);
    if (rows.length)
      spans.set(
        section.id,
        await documentHost().read(sectionRoom(section.id), (doc) =>
          spanViews(doc, rows, section.numbering ?? section.number),
        ),
      );
  }
  return spans;
}

/** Each section's reservations by the number their paragraph has now. */
async function currentReservations(
  db: Db,
  sections: readonly CompiledSection[],
): Promise<Map<string, Map<string, ReservationView[]>>> {
  const reservations = new Map<string, Map<string, ReservationView[]>>();
  for (const section of sections) {
    const rows = await sectionReservationRows(db, section.id);
    if (rows.length)
      reservations.set(
        section.id,
        await documentHost().read(sectionRoom(section.id), (doc) =>
          reservationsByNumber(doc, rows, section.numbering ?? section.number),
        ),
      );
  }
  return reservations;
}

/** Who wrote a run, as the annex names them: their state, the chair, or why no one is named. */
async function contributorLabels(db: Db, planId: string, labels: ExportLabels) {
  const members = await db.select().from(planMembers).where(eq(planMembers.planId, planId));
  return (userId: string | null): Contributor => {
    if (!userId) return { label: labels.contributor.unattributed, state: false };
    const member = members.find((m) => m.userId === userId);
    if (member?.stateCode) return { label: labels.stateName(member.stateCode), state: true };
    return {
      label: member?.role === 'chair' ? labels.contributor.chair : labels.contributor.formerMember,
      state: false,
    };
  };
}
