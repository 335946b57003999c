import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { memberStates, planMembers, plans } from '../../db/schema';
import { changeRuns, type ChangeRun } from '../documents/change-runs';
import { contentAt } from '../documents/snapshots';
import { documentHost } from '../documents/live-documents';
import { AppError } from '../errors';
import { authorize } from '../permissions/authorize-action';
import { ORIGINAL_LANGUAGES } from '../shared/plan-metadata';
import { EDITOR_FIELD, goalRoom, sectionRoom } from '../shared/rooms';
import type { Block, PlanDocument } from './blocks';
import { contributionsAnnex } from './contributions';
import { currentLayout } from '../plans/plan-layout';
import { readBlocks } from './read-blocks';
import { layoutAtVersion } from './version-layout';

export type CompileOptions = {
  userId: string;
  planId: string;
  /** A plan version (plan_versions id): its text rather than the current one. */
  versionId?: string | null;
  /** Add the annex of contributions by state. */
  annex?: boolean;
};

type Read = { blocks: Block[]; runs: ChangeRun[] };

/** The plan as one document — document block, title, goal, sections in order — now or at a named version. */
export async function compilePlan(db: Db, options: CompileOptions): Promise<PlanDocument> {
  const { planId } = options;
  await authorize(db, { userId: options.userId, planId, action: { type: 'plan.read' } });
  const [plan] = await db.select({ title: plans.title }).from(plans).where(eq(plans.id, planId));
  if (!plan) throw new AppError('not_found', 'No such plan');
  const version = options.versionId ? await layoutAtVersion(db, { planId, versionId: options.versionId }) : null;
  const { metadata, sections } = version ?? (await currentLayout(db, planId));
  const stateNames = new Map((await db.select({ code: memberStates.code, name: memberStates.nameEn }).from(memberStates)).map((s) => [s.code, s.name]));
  const stateName = (code: string) => stateNames.get(code) ?? code;

  const sectionIds = new Set(sections.map((s) => s.id));
  const sectionLink = new RegExp(`/plans/${planId}/sections/([0-9a-f-]{36})(?:[?#]|$)`, 'i');
  const crossReference = (href: string) => {
    const id = sectionLink.exec(href)?.[1]?.toLowerCase();
    return id && sectionIds.has(id) ? id : null;
  };

  const read = async (docId: string): Promise<Read> => {
    const snapshot = version?.snapshots.get(docId);
    return documentHost().read(docId, (doc, users) => {
      const content = snapshot ? contentAt(doc, snapshot) : doc;
      const blocks = readBlocks(content.getXmlFragment(EDITOR_FIELD), { crossReference });
      const at = snapshot ? Y.decodeSnapshot(snapshot) : Y.snapshot(doc);
      return { blocks, runs: options.annex ? changeRuns(doc, users, Y.emptySnapshot, at) : [] };
    });
  };
  const [goal, ...texts] = await Promise.all([read(goalRoom(planId)), ...sections.map((s) => read(sectionRoom(s.id)))]);

  const compiled = sections.map((section, i) => ({
    id: section.id,
    number: i + 1,
    title: section.title,
    leadState: stateName(section.leadState),
    coEditingStates: section.coEditingStates.map(stateName),
    blocks: texts[i]!.blocks,
  }));
  return {
    documentBlock: { ...metadata, originalLanguage: ORIGINAL_LANGUAGES[metadata.originalLanguage] },
    title: plan.title,
    goal: goal.blocks,
    sections: compiled,
    version: version && { id: version.id, name: version.name },
    annex: options.annex ? contributionsAnnex({ sections: compiled.map((section, i) => ({ ...section, runs: texts[i]!.runs })), contributor: await contributorLabels(db, planId, stateName) }) : null,
  };
}

/** Who wrote a run, as the annex names them: their state, the chair, or why no one is named. */
async function contributorLabels(db: Db, planId: string, stateName: (code: string) => string) {
  const members = await db.select().from(planMembers).where(eq(planMembers.planId, planId));
  return (userId: string | null): string => {
    if (!userId) return 'Unattributed (seeded)';
    const member = members.find((m) => m.userId === userId);
    if (member?.stateCode) return stateName(member.stateCode);
    return member?.role === 'chair' ? 'Chair' : 'Former member';
  };
}
