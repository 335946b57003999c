import { beforeAll, describe, expect, it } from 'vitest';
import { postComment } from '../../lib/discussion/post-comment';
import { withdrawComment } from '../../lib/discussion/withdraw-comment';
import { searchPlan } from '../../lib/search/search-plan';
import {
  buildMember,
  buildPlan,
  buildSection,
  buildUser,
  type BuiltMember,
  type BuiltPlan,
  type BuiltSection,
} from '../factories';
import { useCollabServer } from '../helpers/collab-fixture';
import { eventually } from '../helpers/eventually';
import { appendParagraph } from '../helpers/paragraphs';
import { openProvider, waitForSync } from '../helpers/provider';

describe('searching a plan', () => {
  const t = useCollabServer();
  const db = () => t.db;
  let plan: BuiltPlan;
  let mexico: BuiltMember, observer: BuiltMember;
  let prevention: BuiltSection;

  beforeAll(async () => {
    plan = await buildPlan(db(), {
      goal: ['A common agenda on citizen security, without duplicating the work of others.'],
    });
    mexico = await buildMember(db(), { plan, state: 'MEX' });
    observer = await buildMember(db(), { plan, role: 'observer' });
    const section = (lead: BuiltMember | string, title: string, text: string[]) =>
      buildSection(db(), { plan, lead, title, text });
    await section('PER', 'Professionalisation of police forces', [
      'Peru proposes a regional curriculum for police training grounded in human rights and community policing.',
    ]);
    prevention = await section(mexico, 'Prevention of violence and crime', [
      'Mexico proposes to scale up municipal prevention programmes focused on youth.',
    ]);
    await section('BRA', 'Attention to victims', [
      'Brazil proposes integrated assistance centres for victims of violence.',
    ]);
    await section('CAN', 'Information systems and statistics', [
      'Canada proposes common indicators for citizen-security statistics.',
    ]);
    await section('JAM', 'International cooperation', [
      'Jamaica proposes a network of focal points for the exchange of good practices.',
      'Develop a regional curriculum for training police officers, grounded in human rights and community policing.',
    ]);
  });

  it("finds the paragraphs of every section that hold the words, in the plan's order, with their context", async () => {
    const { hits, paragraphs } = await searchPlan(db(), {
      userId: observer.id,
      planId: plan.id,
      query: 'REGIONAL CURRICULUM',
    });
    expect(paragraphs).toBe(2);
    expect(hits.map((h) => [h.section.title, h.section.number, h.section.state.name, h.block])).toEqual([
      ['Professionalisation of police forces', 1, 'Peru', 0],
      ['International cooperation', 5, 'Jamaica', 1],
    ]);
    expect(hits[0]).toMatchObject({
      before: 'Peru proposes a ',
      match: 'regional curriculum',
      after: ' for police training grounded in human rights and community policing.',
      matches: 1,
    });
  });

  it('finds what is being typed now, whatever its accents', async () => {
    const page = openProvider(t.server.url, prevention.room, mexico.cookie);
    await waitForSync(page.provider);
    appendParagraph(page.doc, 'La Policía Nacional capacitará a 500 agentes; la policia municipal también.');
    await eventually(async () => {
      const { hits } = await searchPlan(db(), { userId: plan.chair.id, planId: plan.id, query: 'policia' });
      expect(hits.map((h) => [h.section.title, h.block, h.match, h.matches])).toEqual([
        ['Prevention of violence and crime', 1, 'Policía', 2],
      ]);
    });
    page.provider.destroy();
  });

  it('finds the words in the goal, in section titles and in discussion messages, grouped by section', async () => {
    const asked = await postComment(db(), {
      userId: mexico.id,
      sectionId: prevention.id,
      body: 'Could the municipal programmes share one agenda with Peru?',
    });
    const withdrawn = await postComment(db(), {
      userId: mexico.id,
      sectionId: prevention.id,
      body: 'An agenda I take back.',
    });
    await withdrawComment(db(), { userId: mexico.id, commentId: withdrawn.id });

    const agenda = await searchPlan(db(), { userId: observer.id, planId: plan.id, query: 'AGENDA' });
    expect(agenda.goal).toEqual([
      expect.objectContaining({ block: 0, before: 'A common ', match: 'agenda', matches: 1 }),
    ]);
    expect(agenda.messageHits).toEqual([
      expect.objectContaining({ id: asked.id, sectionId: prevention.id, author: mexico.name, match: 'agenda' }),
    ]);
    expect(agenda.messages).toBe(1);
    expect(agenda.sections.map((s) => s.id)).toEqual([prevention.id]);

    const titles = await searchPlan(db(), { userId: observer.id, planId: plan.id, query: 'prevention of' });
    expect(titles.titles).toEqual([prevention.id]);
    expect(titles.sections.map((s) => s.title)).toEqual(['Prevention of violence and crime']);
  });

  it('is for members of the plan only', async () => {
    const outsider = await buildUser(db());
    await expect(searchPlan(db(), { userId: outsider.id, planId: plan.id, query: 'curriculum' })).rejects.toMatchObject(
      { code: 'not_found' },
    );
  });
});
