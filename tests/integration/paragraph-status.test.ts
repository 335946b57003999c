import type * as decoding from 'lib0/decoding';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { auditLog } from '../../db/schema';
import { documentHost } from '../../lib/documents/live-documents';
import { documentText } from '../../lib/documents/paragraphs';
import { actOnAmendment } from '../../lib/negotiation/act-on-amendment';
import { planProgress } from '../../lib/negotiation/plan-progress';
import { proposeAmendment } from '../../lib/negotiation/propose-amendment';
import { setParagraphStatus } from '../../lib/negotiation/set-paragraph-status';
import { AMENDMENTS_MESSAGE, readAmendmentsMessage } from '../../lib/shared/app-messages';
import type { ParagraphRow, ParagraphStatusInput } from '../../lib/shared/paragraph-status';
import { EDITOR_FIELD } from '../../lib/shared/rooms';
import {
  buildMember,
  buildPlan,
  buildSection,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { openProvider, waitForSync } from '../helpers/provider';
import { announce, openRawClient } from '../helpers/raw-client';
import { storedText } from '../helpers/stored-text';

const FIRST = 'Peru introduces the section.';
const SECOND = 'States shall train police officers in human rights.';
const THIRD = 'Training is evaluated every two years.';

describe('paragraph status: bracketed, ad referendum, agreed and locked', () => {
  const t = useCollabServer();
  const db = () => t.db;
  const cleanup: Array<() => void> = [];
  let plan: BuiltPlan;
  let peru: BuiltMember, mexico: BuiltMember, canada: BuiltMember, observer: BuiltMember;
  let police: BuiltSection;

  beforeAll(async () => {
    plan = await buildPlan(db(), { phase: 'consolidation' });
    peru = await buildMember(db(), { plan, state: 'PER' });
    mexico = await buildMember(db(), { plan, state: 'MEX' });
    canada = await buildMember(db(), { plan, state: 'CAN' });
    observer = await buildMember(db(), { plan, role: 'observer' });
    await buildSection(db(), { plan, lead: canada, text: ['Canada opens the plan.'] });
    police = await buildSection(db(), { plan, lead: peru, text: [FIRST, SECOND, THIRD] });
  });

  afterAll(() => {
    for (const close of cleanup.splice(0)) close();
  });

  /** A section page's stock provider and the statuses it is sent live. */
  const openSection = async (cookie: string) => {
    const page = openProvider(t.server.url, police.room, cookie);
    cleanup.push(() => page.provider.destroy());
    const lists: ParagraphRow[][] = [];
    page.provider.messageHandlers[AMENDMENTS_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      lists.push((readAmendmentsMessage(decoder) as { paragraphs: ParagraphRow[] }).paragraphs);
    };
    await waitForSync(page.provider);
    // The paragraphs that have a status, as the page last heard.
    return { ...page, latest: () => (lists.at(-1) ?? []).filter((p) => p.status) };
  };

  const textOf = (doc: Y.Doc, words: string): Y.XmlText =>
    doc
      .getXmlFragment(EDITOR_FIELD)
      .toArray()
      .map((p) => (p as Y.XmlElement).get(0) as Y.XmlText)
      .find((x) => x?.toString().includes(words))!;

  /** A place in the paragraph holding `words`, as the editor sends it. */
  const at = (doc: Y.Doc, words: string) => {
    const text = textOf(doc, words);
    const place = Y.createRelativePositionFromTypeIndex(text, text.toString().indexOf(words), 0);
    return Buffer.from(Y.encodeRelativePosition(place)).toString('base64');
  };

  const set = (
    who: { id: string },
    doc: Y.Doc,
    words: string,
    status: ParagraphStatusInput['status'],
    adRefStates: string[] = [],
  ) =>
    setParagraphStatus(db(), {
      userId: who.id,
      sectionId: police.id,
      input: { at: at(doc, words), status, adRefStates },
    });

  /**
   * A raw y-protocols client on a copy of the section: `edit` changes the copy, and what changed is sent
   * as one update message; resolves with what the server did with it (`stored`, or `dropped` when refused).
   */
  const rawEdit = async (cookie: string, source: Y.Doc, edit: (doc: Y.Doc) => void) => {
    const raw = await openRawClient(t.server.url, police.room, cookie);
    cleanup.push(() => raw.close());
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
    const before = Y.encodeStateVector(copy);
    raw.sendFrame(announce(copy));
    edit(copy);
    raw.sendRawUpdate(Y.encodeStateAsUpdate(copy, before));
    const outcome = await raw.saveCheck(1);
    raw.close();
    return outcome;
  };

  it('the chair brackets a paragraph, marks it ad referendum for Canada, then agreed; pages see each step live', async () => {
    const peruPage = await openSection(peru.cookie);
    const bracketed = await set(plan.chair, peruPage.doc, SECOND, 'bracketed');
    expect(bracketed).toMatchObject([
      { paragraph: '2.1', status: null },
      { paragraph: '2.2', status: 'bracketed', adRefStates: [], excerpt: SECOND },
      { paragraph: '2.3', status: null },
    ]);
    await eventually(() => expect(peruPage.latest()).toMatchObject([{ paragraph: '2.2', status: 'bracketed' }]));

    await set(plan.chair, peruPage.doc, SECOND, 'ad_referendum', ['CAN']);
    await eventually(() =>
      expect(peruPage.latest()).toMatchObject([{ paragraph: '2.2', status: 'ad_referendum', adRefStates: ['CAN'] }]),
    );
    await set(plan.chair, peruPage.doc, SECOND, 'agreed');
    await eventually(() =>
      expect(peruPage.latest()).toMatchObject([{ paragraph: '2.2', status: 'agreed', adRefStates: [] }]),
    );

    // The plan page's progress: per section and overall (Canada's section has one paragraph, without status).
    const progress = await planProgress(db(), { userId: observer.id, planId: plan.id });
    expect(progress.started).toBe(true);
    expect(progress.sections[police.id]).toEqual({ numbered: 3, agreed: 1, adReferendum: 0, bracketed: 0 });
    expect(progress.overall).toEqual({ numbered: 4, agreed: 1, adReferendum: 0, bracketed: 0 });

    // Only the chair sets a status: neither the section's lead, another coordinator nor an observer.
    for (const who of [peru, mexico, observer])
      await expect(set(who, peruPage.doc, THIRD, 'agreed')).rejects.toMatchObject({ code: 'forbidden' });
    const audit = await db()
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.planId, plan.id), like(auditLog.action, 'paragraph.%')));
    expect(audit.map((a) => (a.after as { status: string }).status)).toEqual(['bracketed', 'ad_referendum', 'agreed']);
  });

  it('refuses edits inside an agreed paragraph over the socket until the chair reopens it; the rest of the section stays writable', async () => {
    const chairPage = await openSection(plan.chair.cookie);
    const inside = (doc: Y.Doc) => textOf(doc, SECOND).insert(0, 'Moreover, ');
    const deleting = (doc: Y.Doc) => textOf(doc, SECOND).delete(7, 6);
    const removing = (doc: Y.Doc) => doc.getXmlFragment(EDITOR_FIELD).delete(1, 1);
    const formatting = (doc: Y.Doc) => textOf(doc, SECOND).format(0, 6, { bold: {} });
    for (const edit of [inside, deleting, removing, formatting])
      expect(await rawEdit(peru.cookie, chairPage.doc, edit)).toBe('dropped');
    // The chair too: an agreed paragraph is reopened, not edited.
    expect(await rawEdit(plan.chair.cookie, chairPage.doc, inside)).toBe('dropped');

    // Around it, the section's writers write as before: in the paragraphs either side, and a new one after it.
    expect(await rawEdit(peru.cookie, chairPage.doc, (doc) => textOf(doc, FIRST).insert(0, 'First, '))).toBe('stored');
    expect(await rawEdit(peru.cookie, chairPage.doc, (doc) => textOf(doc, THIRD).insert(0, 'Then: '))).toBe('stored');
    expect(
      await rawEdit(peru.cookie, chairPage.doc, (doc) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('A paragraph after the agreed one.')]);
        doc.getXmlFragment(EDITOR_FIELD).insert(2, [paragraph]);
      }),
    ).toBe('stored');
    await eventually(() => expect(documentText(chairPage.doc)).toContain('A paragraph after the agreed one.'));
    expect(documentText(chairPage.doc)).toContain(`First, ${FIRST}`);
    expect(documentText(chairPage.doc)).toContain(`\n${SECOND}\n`);

    // A stock provider typing there is refused too: the others never see it, and it is never stored.
    const peruPage = await openSection(peru.cookie);
    textOf(peruPage.doc, SECOND).insert(SECOND.length, ' Always.');
    await t.server.collab.flush();
    expect(documentText(chairPage.doc)).not.toContain('Always.');
    expect(await storedText(db(), police.room)).not.toContain('Always.');

    // Reopened (bracketed again), the paragraph takes edits.
    await set(plan.chair, chairPage.doc, SECOND, 'bracketed');
    expect(await rawEdit(peru.cookie, chairPage.doc, inside)).toBe('stored');
    await eventually(() => expect(documentText(chairPage.doc)).toContain(`Moreover, ${SECOND}`));
    const [reopened] = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.planId, plan.id), eq(auditLog.action, 'paragraph.reopened')));
    expect(reopened).toBeDefined();
  });

  it('nobody can amend an agreed paragraph, nor accept an amendment into one', async () => {
    const page = await openSection(peru.cookie);
    const passage = (words: string) => {
      const text = textOf(page.doc, words);
      const from = text.toString().indexOf(words);
      const encode = (index: number, assoc: number) =>
        Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc))).toString(
          'base64',
        );
      return { from: encode(from, 0), to: encode(from + words.length, -1) };
    };
    const propose = (who: { id: string }, words: string) =>
      proposeAmendment(db(), {
        userId: who.id,
        sectionId: police.id,
        input: { kind: 'replace', ...passage(words), text: 'should', justification: '' },
      });
    const pending = await propose(mexico, 'shall');
    await set(plan.chair, page.doc, 'shall', 'agreed');
    for (const who of [mexico, canada, plan.chair])
      await expect(propose(who, 'shall')).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      actOnAmendment(db(), { userId: peru.id, amendmentId: pending.id, action: { action: 'accept' } }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(documentText(page.doc)).toContain('shall train');
    // Nor does a change the server makes for a domain action (a restore, a merge, an import).
    await expect(
      documentHost().change(police.room, plan.chair.id, (copy) => textOf(copy, 'shall').insert(0, 'Restored: ')),
    ).rejects.toMatchObject({ code: 'conflict' });
    // Elsewhere in the section, amendments go on.
    await expect(propose(mexico, 'evaluated')).resolves.toMatchObject({ paragraph: '2.4' });
  });
});
