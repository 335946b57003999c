import type * as decoding from 'lib0/decoding';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { auditLog } from '../../db/schema';
import { documentHost } from '../../lib/documents/live-documents';
import { documentText } from '../../lib/documents/paragraphs';
import { actOnAmendment } from '../../lib/negotiation/act-on-amendment';
import { listPlanAmendments, listSectionAmendments } from '../../lib/negotiation/list-amendments';
import { proposeAmendment } from '../../lib/negotiation/propose-amendment';
import { AMENDMENTS_MESSAGE, readAmendmentsMessage } from '../../lib/shared/app-messages';
import type { AmendmentInput, AmendmentView } from '../../lib/shared/amendments';
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

const TEXT = 'States shall train police officers in human rights.';

describe('amendments proposed by states', () => {
  const t = useCollabServer();
  const db = () => t.db;
  const providers: Array<ReturnType<typeof openProvider>> = [];
  let plan: BuiltPlan;
  let peru: BuiltMember, mexico: BuiltMember, brazil: BuiltMember, canada: BuiltMember, observer: BuiltMember;
  let police: BuiltSection;

  beforeAll(async () => {
    plan = await buildPlan(db());
    peru = await buildMember(db(), { plan, state: 'PER' });
    mexico = await buildMember(db(), { plan, state: 'MEX' });
    brazil = await buildMember(db(), { plan, state: 'BRA' });
    canada = await buildMember(db(), { plan, state: 'CAN' });
    observer = await buildMember(db(), { plan, role: 'observer' });
    await buildSection(db(), { plan, lead: canada, text: ['Canada opens the plan.'] });
    police = await buildSection(db(), { plan, lead: peru, text: ['Peru introduces the section.', TEXT] });
  });

  afterAll(() => {
    for (const client of providers) client.provider.destroy();
  });

  /** A section page's connection and the amendment lists it is sent. */
  const openSection = async (cookie: string) => {
    const page = openProvider(t.server.url, police.room, cookie);
    providers.push(page);
    const lists: AmendmentView[][] = [];
    page.provider.messageHandlers[AMENDMENTS_MESSAGE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      lists.push((readAmendmentsMessage(decoder) as { amendments: AmendmentView[] }).amendments);
    };
    await waitForSync(page.provider);
    return { ...page, lists, latest: () => lists.at(-1) ?? [] };
  };

  /** The passage `words` of the paragraph that holds them, as the editor sends it: Yjs relative positions. */
  const passage = (doc: Y.Doc, words: string): Pick<AmendmentInput, 'from' | 'to'> => {
    const texts = doc
      .getXmlFragment(EDITOR_FIELD)
      .toArray()
      .map((p) => (p as Y.XmlElement).get(0) as Y.XmlText);
    const text = texts.find((x) => x.toString().includes(words))!;
    const at = text.toString().indexOf(words);
    const encode = (index: number, assoc: number) =>
      Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc))).toString(
        'base64',
      );
    return { from: encode(at, 0), to: encode(at + words.length, -1) };
  };

  const propose = (
    who: BuiltMember,
    doc: Y.Doc,
    kind: AmendmentInput['kind'],
    words: string,
    text = '',
    justification = '',
  ) =>
    proposeAmendment(db(), {
      userId: who.id,
      sectionId: police.id,
      input: { kind, ...passage(doc, words), text, justification },
    });
  const act = (
    who: BuiltMember | BuiltPlan['chair'],
    amendmentId: string,
    action: Parameters<typeof actOnAmendment>[1]['action'],
  ) => actOnAmendment(db(), { userId: who.id, amendmentId, action });

  it("Mexico proposes, the lead and the chair see it live, Brazil co-sponsors, Peru accepts: the text changes once, in Mexico's name", async () => {
    const peruPage = await openSection(peru.cookie);
    const chairPage = await openSection(plan.chair.cookie);
    const amendment = await propose(mexico, peruPage.doc, 'replace', 'shall', 'should', 'Recommendations do not bind.');
    expect(amendment).toMatchObject({
      number: 1,
      sponsorState: 'MEX',
      kind: 'replace',
      targetText: 'shall',
      proposedText: 'should',
      paragraph: '2.2',
      status: 'pending',
      outdated: false,
    });
    for (const page of [peruPage, chairPage])
      await eventually(() => expect(page.latest().map((a) => a.id)).toEqual([amendment.id]));
    // Nothing in the text changes until it is accepted.
    expect(documentText(peruPage.doc)).toContain(TEXT);

    await act(brazil, amendment.id, { action: 'cosponsor' });
    await act(canada, amendment.id, { action: 'object' });
    await eventually(() => expect(chairPage.latest()[0]).toMatchObject({ cosponsors: ['BRA'], objections: ['CAN'] }));

    // Only the lead state or the chair decides; the sponsor does not apply its own amendment.
    for (const who of [mexico, brazil, observer])
      await expect(act(who, amendment.id, { action: 'accept' })).rejects.toMatchObject({ code: 'forbidden' });
    let changes = 0;
    peruPage.doc.on('update', () => changes++);
    const accepted = await act(peru, amendment.id, { action: 'accept' });
    expect(accepted.status).toBe('accepted');
    await eventually(() => expect(documentText(peruPage.doc)).toContain('States should train police officers'));
    expect(changes).toBe(1);
    // The accepted words are Mexico's, not Peru's.
    const author = await documentHost().read(police.room, (doc, users) => {
      const text = (doc.getXmlFragment(EDITOR_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText;
      let item = text._start;
      while (
        item &&
        !(
          item.content instanceof Y.ContentString &&
          !item.deleted &&
          (item.content as Y.ContentString).str.includes('should')
        )
      )
        item = item.right;
      return users.getUserByClientId(item!.id.client);
    });
    expect(author).toBe(mexico.id);
    await expect(act(peru, amendment.id, { action: 'accept' })).rejects.toMatchObject({ code: 'conflict' });
    await eventually(() => expect(peruPage.latest()[0]?.status).toBe('accepted'));
  });

  it("a rejection keeps the text and records the reason; a withdrawal is the sponsor's alone", async () => {
    const page = await openSection(peru.cookie);
    const rejected = await propose(brazil, page.doc, 'delete', 'in human rights');
    await act(plan.chair, rejected.id, {
      action: 'reject',
      reason: 'Human rights training is the point of the paragraph.',
    });
    const [listed] = (await listSectionAmendments(db(), { userId: observer.id, sectionId: police.id })).filter(
      (a) => a.id === rejected.id,
    );
    expect(listed).toMatchObject({
      status: 'rejected',
      decisionReason: 'Human rights training is the point of the paragraph.',
    });
    expect(documentText(page.doc)).toContain('in human rights.');

    const withdrawn = await propose(canada, page.doc, 'insert', 'officers', ' and prison staff');
    for (const who of [brazil, mexico, observer, plan.chair])
      await expect(act(who, withdrawn.id, { action: 'withdraw' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await act(canada, withdrawn.id, { action: 'withdraw' })).status).toBe('withdrawn');
    await expect(act(peru, withdrawn.id, { action: 'accept' })).rejects.toMatchObject({ code: 'conflict' });
    expect(documentText(page.doc)).not.toContain('prison staff');

    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.planId, plan.id), like(auditLog.action, 'amendment.%')));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'amendment.proposed',
        'amendment.cosponsored',
        'amendment.objected',
        'amendment.accepted',
        'amendment.rejected',
        'amendment.withdrawn',
      ]),
    );
  });

  it('refuses whoever may not: an observer proposes or supports, a sponsor supports its own, the chair takes a stand', async () => {
    const page = await openSection(peru.cookie);
    await expect(propose(observer, page.doc, 'replace', 'police', 'security')).rejects.toMatchObject({
      code: 'forbidden',
    });
    const amendment = await propose(mexico, page.doc, 'replace', 'police', 'security');
    await expect(act(observer, amendment.id, { action: 'cosponsor' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(act(mexico, amendment.id, { action: 'cosponsor' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(act(plan.chair, amendment.id, { action: 'object' })).rejects.toMatchObject({ code: 'forbidden' });
    // A passage that is not one stretch of a paragraph of the section is refused.
    const across = { from: passage(page.doc, 'Peru').from, to: passage(page.doc, 'police').to };
    await expect(
      proposeAmendment(db(), {
        userId: mexico.id,
        sectionId: police.id,
        input: { kind: 'delete', ...across, text: '', justification: '' },
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
  });

  it('keeps an amendment anchored while the text moves, and refuses to apply it once its passage changed', async () => {
    const page = await openSection(peru.cookie);
    const anchored = await propose(mexico, page.doc, 'replace', 'officers', 'agents');
    // Peru inserts a paragraph above: the amendment now stands in 2.3, and still applies.
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('A new first paragraph of the section.')]);
    page.doc.getXmlFragment(EDITOR_FIELD).insert(0, [paragraph]);
    const outdated = await propose(mexico, page.doc, 'replace', 'train', 'educate');
    await eventually(async () => {
      const listed = await listPlanAmendments(db(), { userId: observer.id, planId: plan.id });
      expect(listed.find((a) => a.id === anchored.id)).toMatchObject({ paragraph: '2.3', outdated: false });
    });
    // Peru rewrites the word the second amendment targets: it is outdated, and cannot be accepted.
    const text = (page.doc.getXmlFragment(EDITOR_FIELD).get(2) as Y.XmlElement).get(0) as Y.XmlText;
    const at = text.toString().indexOf('train');
    text.delete(at, 5);
    text.insert(at, 'coach');
    await eventually(async () => {
      const listed = await listSectionAmendments(db(), { userId: observer.id, sectionId: police.id });
      expect(listed.find((a) => a.id === outdated.id)).toMatchObject({ outdated: true, paragraph: '2.3' });
    });
    await expect(act(peru, outdated.id, { action: 'accept' })).rejects.toMatchObject({ code: 'conflict' });
    expect(
      (await listSectionAmendments(db(), { userId: peru.id, sectionId: police.id })).find((a) => a.id === outdated.id)
        ?.status,
    ).toBe('pending');
    await act(peru, anchored.id, { action: 'accept' });
    await eventually(() =>
      expect(documentText(page.doc)).toContain('States should coach police agents in human rights.'),
    );
  });
});
